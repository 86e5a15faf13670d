#!/usr/bin/env node
// `npm run bench:api`: starts the production build on 127.0.0.1 (a throwaway SQLite database, or
// DATABASE_URL=postgresql://... for a throwaway PostgreSQL one) and measures
//   1. 50 learners, each with its own sandbox, sending `kubectl get pods` and a mix of mutating
//      commands with a think time (BENCH_THINK_MS, default 1000 ms, like a fast typist);
//   2. the same 50 learners with no think time (saturation), beside the trivial /api/health route;
//   3. the time from opening the exercise in Chromium to the first command's output.
// Writes the table to docs/BENCHMARKS-API.md, keeping the notes below it (from its first "## " heading).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { MIX, mixLine } from "./bench-mix.mjs";

const root = path.resolve(import.meta.dirname, "..");
const LEARNERS = Number(process.env.BENCH_LEARNERS || 50);
const SECONDS = Number(process.env.BENCH_SECONDS || 20);
const THINK_MS = Number(process.env.BENCH_THINK_MS || 1000);
const PORT = Number(process.env.BENCH_PORT || 3400);
const DIST = process.env.BENCH_DIST || ".next-bench";
const base = `http://127.0.0.1:${PORT}`;
const dbName = `bench_${Date.now()}`;
const pgAdmin = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : null;
const dbFile = path.join("data", `${dbName}.db`);
let url = `file:./${dbFile}`;


let firstError = null; // the first failed exec, printed at the end

function pct(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

class Learner {
  jar = {};
  cookie() {
    return Object.entries(this.jar).map(([k, v]) => `${k}=${v}`).join("; ");
  }
  async req(p, init = {}) {
    const r = await fetch(base + p, { redirect: "manual", ...init, headers: { ...(init.headers ?? {}), cookie: this.cookie() } });
    for (const c of r.headers.getSetCookie()) {
      const [kv] = c.split(";");
      const i = kv.indexOf("=");
      this.jar[kv.slice(0, i)] = kv.slice(i + 1);
    }
    return r;
  }
  /** Signs up and in; with `sandbox`, opens the exercise's sandbox through the API (the load phases). */
  async setup(i, { sandbox = true } = {}) {
    const email = `bench-${i}-${Date.now()}@bench.test`;
    const password = "bench-password";
    const json = { "content-type": "application/json" };
    let r = await this.req("/api/signup", { method: "POST", headers: json, body: JSON.stringify({ email, password }) });
    if (r.status !== 201) throw new Error(`signup ${r.status} ${await r.text()}`);
    const { csrfToken } = await (await this.req("/api/auth/csrf")).json();
    await this.req("/api/auth/callback/credentials", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrfToken, email, password, json: "true" }) });
    this.n = 0;
    if (!sandbox) return;
    r = await this.req("/api/sandboxes", { method: "POST", headers: json, body: JSON.stringify({ exercise: "fix-redis" }) });
    if (r.status !== 200) throw new Error(`open ${r.status} ${await r.text()}`);
    this.sandbox = (await r.json()).id;
  }
  async exec(line) {
    const t = performance.now();
    // As the browser terminal does: send the tag of the cluster picture shown, keep the new one.
    const r = await this.req(`/api/sandboxes/${this.sandbox}/exec`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ line, clusterTag: this.clusterTag }) });
    const body = await r.text();
    if (r.status === 200) {
      const tag = JSON.parse(body).cluster?.tag;
      if (tag) this.clusterTag = tag;
    }
    if (r.status !== 200 && !firstError) firstError = `exec ${r.status}: ${body.slice(0, 300)}`;
    return { ms: performance.now() - t, ok: r.status === 200, status: r.status };
  }
}

// The server process's CPU time (user + system, ms) from /proc: CPU per request tells what a route
// costs even when the client (on the same 2 cores) or another process limits the throughput.
function serverCpuMs() {
  try {
    const f = readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

async function drive(learners, seconds, think, op) {
  const cpu0 = serverCpuMs();
  const lat = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    learners.map(async (l, i) => {
      await new Promise((r) => setTimeout(r, (i / learners.length) * think)); // spread the first requests
      while (performance.now() < end) {
        const r = await op(l, i);
        lat.push(r.ms);
        if (!r.ok) errors++;
        if (think) await new Promise((res) => setTimeout(res, think * (0.5 + Math.random())));
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  return merged([{ lat, errors, elapsed, cpu: serverCpuMs() - cpu0 }]);
}

/** One result from phases of the same load (interleaved rounds): totals, percentiles of all requests. */
function merged(runs) {
  const lat = runs.flatMap((r) => r.lat).sort((a, b) => a - b);
  const elapsed = runs.reduce((t, r) => t + r.elapsed, 0);
  const cpu = runs.reduce((t, r) => t + r.cpu, 0);
  return { lat, elapsed, cpu, n: lat.length, rps: lat.length / elapsed, p50: pct(lat, 50), p99: pct(lat, 99), errors: runs.reduce((t, r) => t + r.errors, 0), cpuPerReq: cpu / lat.length };
}

// The saturated exec and trivial phases alternate in BENCH_ROUNDS rounds (3 by default) of
// SECONDS / rounds each: a change in the machine's load meanwhile (another process) then weighs on
// both alike instead of on one of them.
async function saturation(learners) {
  const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS || 3));
  const exec = [];
  const health = [];
  for (let r = 0; r < rounds; r++) {
    exec.push(await drive(learners, SECONDS / rounds, 0, execOp));
    health.push(await drive(learners, SECONDS / rounds, 0, healthOp));
  }
  return { satExec: merged(exec), satHealth: merged(health) };
}

const execOp = (l) => l.exec(mixLine(l.n++));
const healthOp = async () => {
  const t = performance.now();
  const r = await fetch(`${base}/api/health`);
  await r.arrayBuffer();
  return { ms: performance.now() - t, ok: r.status === 200 };
};

async function firstOutput(learner, loads = 3) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  const ctx = await browser.newContext();
  await ctx.addCookies(Object.entries(learner.jar).map(([name, value]) => ({ name, value, url: base })));
  const page = await ctx.newPage();
  // What the page loads before the first output: script bytes, and whether the simulator came along
  // (it must not: the sim runs on the server; only the editor's lazy chunk may import sim/editor).
  let jsBytes = 0;
  let simLoaded = false;
  page.on("response", async (r) => {
    if (!r.url().endsWith(".js")) return;
    const body = await r.body().catch(() => null);
    if (!body) return;
    jsBytes += body.length;
    if (body.includes("createSandbox") || body.includes("kube-controller-manager")) simLoaded = true;
  });
  // The first command is typed the instant the terminal marks itself ready (its User Timing mark;
  // performance.mark is wrapped, as a PerformanceObserver hears of it only ~20 ms later), through
  // xterm's input() (the path of a keystroke), as a learner typing at once would: what the page
  // still does then weighs on it. The output counts when xterm has rendered the table's header
  // (onRender). The command carries the document's time origin, so a reload's restored scrollback
  // never matches. Nothing of the harness runs in the page meanwhile but one cheap check per frame.
  await page.addInitScript(() => {
    const mark = performance.mark.bind(performance);
    performance.mark = (name, options) => {
      const entry = mark(name, options);
      if (name !== "kubelings:terminal-ready") return entry;
      setTimeout(() => {
        const term = window.__kubelingsTerm;
        const tag = `# ${Math.round(performance.timeOrigin)}`;
        const sub = term.onRender(() => {
          const b = term.buffer.active;
          let seen = false;
          for (let i = Math.max(0, b.length - 500); i < b.length; i++) {
            const line = b.getLine(i)?.translateToString(true) ?? "";
            if (line.includes(tag)) seen = true;
            else if (seen && line.startsWith("NAME")) {
              window.__benchOutput = performance.now();
              sub.dispose();
              return;
            }
          }
        });
        window.__benchEnter = performance.now();
        term.input(`kubectl get pods ${tag}\r`, true);
      });
      return entry;
    };
  });
  const runs = [];
  for (let k = 0; k < loads; k++) {
    jsBytes = 0;
    simLoaded = false;
    if (process.env.BENCH_TRACE && k === 0) await browser.startTracing(page, { path: process.env.BENCH_TRACE, screenshots: false, categories: ["devtools.timeline", "v8.execute", "disabled-by-default-devtools.timeline", "blink.user_timing", "loading", "v8"] });
    // BENCH_PAGE_PROFILE=file: a V8 CPU profile of the page's first load (open it in DevTools).
    const cdp = process.env.BENCH_PAGE_PROFILE && k === Number(process.env.BENCH_PAGE_PROFILE_LOAD || 0) ? await ctx.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
      await cdp.send("Profiler.start");
    }
    const t0 = performance.now();
    const t0Epoch = Date.now();
    await page.goto(`${base}/lessons/pods`, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__benchOutput !== undefined, null, { timeout: 60_000 });
    const done = performance.now();
    if (process.env.BENCH_TRACE && k === 0) await browser.stopTracing();
    if (cdp) writeFileSync(process.env.BENCH_PAGE_PROFILE, JSON.stringify((await cdp.send("Profiler.stop")).profile));
    const ttfb = await page.evaluate(() => performance.getEntriesByType("navigation")[0]?.responseStart ?? NaN);
    // When the browser started the navigation, after t0 (a fresh browser starts its renderer first).
    const navStart = (await page.evaluate(() => performance.timeOrigin)) - t0Epoch;
    if (process.env.BENCH_TIMELINE) {
      // Where the time went in the page (BENCH_TIMELINE=1): navigation phases and the scripts.
      const tl = await page.evaluate(() => {
        const n = performance.getEntriesByType("navigation")[0];
        const scripts = performance.getEntriesByType("resource").filter((r) => r.name.endsWith(".js"));
        const fonts = performance.getEntriesByType("resource").filter((r) => /woff2?|ttf/.test(r.name));
        return {
          responseEnd: n.responseEnd, domInteractive: n.domInteractive, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd,
          lastScript: Math.max(...scripts.map((r) => r.responseEnd)), scripts: scripts.length,
          each: scripts.map((r) => `${r.name.split("/").pop().slice(0, 14)} ${Math.round(r.startTime)}-${Math.round(r.responseEnd)} ${Math.round(r.encodedBodySize / 1024)}/${Math.round(r.decodedBodySize / 1024)}KiB`),
          fonts: fonts.map((f) => `${f.name.split("/").pop()} ${Math.round(f.startTime)}-${Math.round(f.responseEnd)} ${Math.round(f.transferSize / 1024)}KiB`),
          fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
        };
      });
      console.log(`run ${k}:`, JSON.stringify(tl));
    }
    const inPage = await page.evaluate(() => ({ ready: performance.getEntriesByName("kubelings:terminal-ready")[0]?.startTime ?? NaN, enter: window.__benchEnter, output: window.__benchOutput }));
    if (process.env.BENCH_TIMELINE) {
      // The first command's request (BENCH_TIMELINE=1): queued, sent, answered, read (page clock).
      const x = await page.evaluate(() => performance.getEntriesByType("resource").filter((r) => r.name.endsWith("/exec")).map((r) => ({ start: r.startTime, requestStart: r.requestStart, responseStart: r.responseStart, responseEnd: r.responseEnd, timeOrigin: performance.timeOrigin }))[0]);
      console.log(`exec request: ${JSON.stringify(x)}; typed at ${inPage.enter}, output seen at ${inPage.output}`);
    }
    const app = { ready: navStart + inPage.ready, roundTrip: inPage.output - inPage.enter };
    app.total = navStart + inPage.output;
    runs.push({ app, total: done - t0, ttfb, navStart, jsKiB: jsBytes / 1024, simLoaded });
  }
  await browser.close();
  return runs;
}

/** A learner who has just signed up (no sandbox yet). */
async function newcomer(i) {
  const l = new Learner();
  await l.setup(`newcomer-${i}`, { sandbox: false });
  return l;
}

let server;
async function main() {
  // Always a fresh build of the current source (a stale .next measured old code), in its own
  // directory; BENCH_SKIP_BUILD=1 reuses the last bench build.
  if (!process.env.BENCH_SKIP_BUILD || !existsSync(path.join(root, DIST, "BUILD_ID"))) {
    const b = spawnSync("node_modules/.bin/next", ["build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1" } });
    if (b.status !== 0) throw new Error("next build failed");
  }
  if (pgAdmin) {
    const { default: pg } = await import("pg");
    const c = new pg.Client({ connectionString: pgAdmin });
    await c.connect();
    await c.query(`CREATE DATABASE "${dbName}"`);
    await c.end();
    const u = new URL(pgAdmin);
    u.pathname = `/${dbName}`;
    url = u.toString();
  }
  mkdirSync(path.join(root, "data"), { recursive: true });
  const env = { ...process.env, NEXT_DIST_DIR: DIST, DATABASE_URL: url, NEXTAUTH_SECRET: "bench", ADMIN_PASSWORD: "bench-admin", COMMANDS_PER_SECOND: "100000", NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
  const pre = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/prestart.ts"], { cwd: root, env, stdio: "inherit" });
  if (pre.status !== 0) throw new Error("prestart failed");
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of the server process(es), written when it stops.
  const prof = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  // What `npm start` runs (package.json: node with its flags, then next start), on our port.
  const [node, ...start] = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts.start.split(" ");
  if (node !== "node") throw new Error(`package.json's start script should run node: ${node}`);
  server = spawn(process.execPath, [...prof, ...start, "-H", "127.0.0.1", "-p", String(PORT)], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {}
    if (i > 100) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(`setting up ${LEARNERS} learners ...`);
  const learners = [];
  for (let i = 0; i < LEARNERS; i++) {
    const l = new Learner();
    await l.setup(i);
    learners.push(l);
  }
  for (const l of learners) for (let k = 0; k < 3; k++) await execOp(l); // warm up
  if (process.env.BENCH_TIMELINE) {
    if (process.env.BENCH_WARM_UNAUTH) {
      let t = performance.now();
      const r = await fetch(`${base}/lessons/pods`, { redirect: "manual" });
      await r.arrayBuffer();
      console.log(`unauthenticated GET /lessons/pods: ${r.status} in ${(performance.now() - t).toFixed(0)} ms`);
      t = performance.now();
      const r2 = await learners[0].req("/lessons/pods");
      const html = await r2.text();
      console.log(`authenticated GET /lessons/pods: ${r2.status} in ${(performance.now() - t).toFixed(0)} ms, ${(html.length / 1024).toFixed(0)} KiB of HTML (${((html.match(/self.__next_f.push/g) ?? []).length)} flight chunks, ${(html.split("self.__next_f.push").slice(1).join("").length / 1024).toFixed(0)} KiB)`);
      t = performance.now();
      const r3 = await learners[0].req("/lessons/pods");
      await r3.arrayBuffer();
      console.log(`again: ${r3.status} in ${(performance.now() - t).toFixed(0)} ms`);
    }
    // BENCH_SAVE_HTML=file: the lesson page's HTML as the server sends it, to study offline.
    if (process.env.BENCH_SAVE_HTML) writeFileSync(process.env.BENCH_SAVE_HTML, await (await learners[0].req("/lessons/pods")).text());
    for (const r of await firstOutput(learners[0])) console.log(JSON.stringify(r));
    return;
  }
  await drive(learners, 3, 0, healthOp);
  // BENCH_FIRST_ONLY=N: only the first visits (N fresh browsers, each after a warm-up render of the
  // page), printed, no table written: for iterating on the page.
  if (process.env.BENCH_FIRST_ONLY) {
    if (process.env.BENCH_FIRST_AFTER_LOAD) await drive(learners, SECONDS, 0, execOp); // as in the full run
    const totals = [];
    for (let i = 0; i < Number(process.env.BENCH_FIRST_ONLY); i++) {
      const [r] = await firstOutput(await newcomer(i), 1);
      totals.push(r.app.total);
      console.log(`first visit ${i + 1}: navigation starts ${r.navStart.toFixed(0)}, ttfb ${r.ttfb.toFixed(0)}, terminal ready ${r.app.ready.toFixed(0)}, Enter → output ${r.app.roundTrip.toFixed(0)}: ${r.app.total.toFixed(0)} ms (with the harness ${r.total.toFixed(0)} ms; ${r.jsKiB.toFixed(1)} KiB JS)`);
    }
    totals.sort((a, b) => a - b);
    console.log(`median ${totals[Math.floor(totals.length / 2)].toFixed(0)} ms, min ${totals[0].toFixed(0)}, max ${totals.at(-1).toFixed(0)}`);
    return;
  }

  // BENCH_PROFILE_EXEC=1: only the saturated phases (with BENCH_CPU_PROF: the exec phase alone, for
  // a CPU profile of it), no table written.
  if (process.env.BENCH_PROFILE_EXEC) {
    if (process.env.BENCH_CPU_PROF) {
      const r = await drive(learners, SECONDS, 0, execOp);
      console.log(`exec saturation: ${r.rps.toFixed(1)} req/s, server CPU ${r.cpuPerReq.toFixed(3)} ms/req`);
      return;
    }
    const { satExec: r, satHealth: h } = await saturation(learners);
    console.log(`exec saturation: ${r.rps.toFixed(1)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, errors ${r.errors}, server CPU ${r.cpuPerReq.toFixed(3)} ms/req`);
    console.log(`trivial saturation: ${h.rps.toFixed(1)} req/s (exec = ${((100 * r.rps) / h.rps).toFixed(1)} %), server CPU ${h.cpuPerReq.toFixed(3)} ms/req (exec = ${((100 * h.cpuPerReq) / r.cpuPerReq).toFixed(1)} % by CPU)`);
    return;
  }
  console.log(`learners with think time ${THINK_MS} ms, ${SECONDS} s ...`);
  const paced = await drive(learners, SECONDS, THINK_MS, execOp);
  console.log(`saturation: exec and the trivial route, ${SECONDS} s each in alternating rounds ...`);
  const { satExec, satHealth } = await saturation(learners);
  console.log("Chromium: open exercise → first output ...");
  // Each cold sample is a fresh browser (nothing cached); the reloads come from the last one.
  // A first visit is a newcomer's: signed up, opening the exercise for the first time (the page
  // creates the sandbox). The reloads are the last newcomer's; a last row reopens the sandbox of a
  // learner of the load phases, with hundreds of commands of scrollback.
  const COLD = Number(process.env.BENCH_COLD_RUNS || 3);
  const fo = [];
  for (let i = 0; i < COLD; i++) {
    const runs = await firstOutput(await newcomer(i), i === COLD - 1 ? 3 : 1);
    fo.push({ ...runs[0], label: `first visit, fresh browser ${i + 1}` });
    runs.slice(1).forEach((r, k) => fo.push({ ...r, label: `reload ${k + 1}` }));
  }
  const [back] = await firstOutput(learners[0], 1);
  fo.push({ ...back, label: `reopening a sandbox of ${learners[0].n} commands, fresh browser` });
  const coldMedian = fo.filter((r) => r.label.startsWith("first")).map((r) => r.app.total).sort((a, b) => a - b)[Math.floor(COLD / 2)];

  const f = (x) => x.toFixed(1);
  const provider = pgAdmin ? "PostgreSQL" : "SQLite";
  const load = os.loadavg().map((x) => x.toFixed(1)).join(" / ");
  const rows = [
    `| exec, ${LEARNERS} learners, think time ~${THINK_MS} ms | ${paced.n} | ${f(paced.rps)} | ${f(paced.p50)} | ${f(paced.p99)} | ${paced.errors} | ${paced.cpuPerReq.toFixed(2)} |`,
    `| exec, ${LEARNERS} learners, no think time (saturation) | ${satExec.n} | ${f(satExec.rps)} | ${f(satExec.p50)} | ${f(satExec.p99)} | ${satExec.errors} | ${satExec.cpuPerReq.toFixed(2)} |`,
    `| GET /api/health (trivial), ${LEARNERS} clients, no think time | ${satHealth.n} | ${f(satHealth.rps)} | ${f(satHealth.p50)} | ${f(satHealth.p99)} | ${satHealth.errors} | ${satHealth.cpuPerReq.toFixed(2)} |`,
  ];
  const foRows = fo.map((r) => `| ${r.label} | ${f(r.ttfb)} | ${f(r.app.ready)} | ${f(r.app.roundTrip)} | **${f(r.app.total)}** | ${f(r.total)} | ${f(r.jsKiB)}${r.simLoaded ? " (includes the simulator!)" : ""} |`);
  const md = [
    "# API benchmark",
    "",
    `\`npm run bench:api\` on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "cpu"}), Node ${process.version}, ${provider}, production build on 127.0.0.1, ${new Date().toISOString().slice(0, 10)}; machine load average at the end ${load} (1/5/15 min).`,
    `Each learner has its own sandbox (the fix-redis exercise) and cycles through: ${MIX.map((m) => "`" + m(8) + "`").join(", ")}.`,
    "",
    "| load | requests | req/s | p50 ms | p99 ms | errors | server CPU ms/request |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
    `Exec throughput at saturation is ${f((100 * satExec.rps) / satHealth.rps)} % of the trivial route's (${Math.max(1, Number(process.env.BENCH_ROUNDS || 3))} alternating rounds each; by server CPU per request ${f((100 * satHealth.cpuPerReq) / satExec.cpuPerReq)} %).`,
    "",
    "Opening the exercise in Chromium (`/lessons/pods`) to the first command's output (ms):",
    "",
    "| page load | server response (TTFB) | terminal ready | command typed → output | first output | the same seen by Playwright (wall clock) | JS downloaded, KiB |",
    "|---|---|---|---|---|---|---|",
    ...foRows,
    "",
    `Median first visit (a newcomer opening the exercise, fresh browser) to the first output: ${f(coldMedian)} ms. Times from the start of the navigation; the command is typed the instant the terminal marks itself ready (User Timing); the last column adds Playwright's own round trips.`,
    "",
  ].join("\n");
  console.log("\n" + md);
  mkdirSync(path.join(root, "docs"), { recursive: true });
  // The hand-written notes below the tables (from the first "## " heading on) survive a rerun.
  const out = path.join(root, "docs", process.env.BENCH_OUT || "BENCHMARKS-API.md");
  const previous = existsSync(out) ? readFileSync(out, "utf8") : "";
  const kept = previous.indexOf("\n## ") >= 0 ? previous.slice(previous.indexOf("\n## ") + 1) : "";
  writeFileSync(out, md + (process.env.BENCH_NOTES ? `\n${process.env.BENCH_NOTES}\n` : "") + (kept ? `\n${kept}` : ""));
}

try {
  await main();
} finally {
  if (firstError) console.error(`first error: ${firstError}`);
  server?.kill("SIGTERM");
  if (pgAdmin) {
    const { default: pg } = await import("pg");
    const c = new pg.Client({ connectionString: pgAdmin });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await c.end();
  } else for (const s of ["", "-wal", "-shm"]) rmSync(path.join(root, dbFile + s), { force: true });
}
