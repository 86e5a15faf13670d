// The headless runner and REPL (`npm run sim`).
//
//   npm run --silent sim -- --script FILE --json   → stdout: ONLY a JSON array of
//                                                     {"command","output","exitCode"}, one per command
//   npm run --silent sim -- --script FILE          → a readable transcript (prompt, command, output)
//   npm run sim                                    → an interactive shell; virtual time follows the wall clock
//                                                     (on a TTY it is a browser terminal's twin: watches
//                                                     stream until Ctrl-C, `CMD &` jobs, Tab completes)
//
// Options: --seed N (default 1), --topology default|minikube, --start ISO-8601 (default
// 2026-01-01T00:00:00Z). Each scripted command runs at the sandbox's current virtual time; `sleep N`
// advances it. Bad arguments or a missing file: a message on stderr and exit 2.

import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { createSandbox, DEFAULT_START_MS, loadApiSchemas, needsMoreInput, runScript as runScenario, type Sandbox, type TopologyName } from "./index";

interface CliOptions {
  script?: string;
  json: boolean;
  seed: number;
  topology: TopologyName;
  start: number;
}

class UsageError extends Error {}

const USAGE = "usage: npm run sim -- [--script FILE [--json]] [--seed N] [--topology default|minikube] [--start ISO-8601]";

function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = { json: false, seed: 1, topology: "default", start: DEFAULT_START_MS };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith("--") && argv[i].includes("=") ? [argv[i].slice(0, argv[i].indexOf("=")), argv[i].slice(argv[i].indexOf("=") + 1)] : [argv[i], undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--script":
        o.script = value();
        break;
      case "--json":
        o.json = true;
        break;
      case "--seed": {
        const v = value();
        if (!/^\d+$/.test(v)) throw new UsageError(`--seed must be a non-negative integer, got "${v}"`);
        o.seed = Number(v);
        break;
      }
      case "--topology": {
        const v = value();
        if (v !== "default" && v !== "minikube") throw new UsageError(`--topology must be "default" or "minikube", got "${v}"`);
        o.topology = v;
        break;
      }
      case "--start": {
        const v = value();
        const t = Date.parse(v);
        if (Number.isNaN(t)) throw new UsageError(`--start must be an ISO-8601 time, got "${v}"`);
        o.start = t;
        break;
      }
      case "--help":
      case "-h":
        process.stdout.write(USAGE + "\n");
        process.exit(0);
        break;
      default:
        throw new UsageError(`unknown argument "${argv[i]}"`);
    }
  }
  if (o.json && !o.script) throw new UsageError("--json needs --script FILE");
  return o;
}

function runScript(o: CliOptions & { script: string }): void {
  let text: string;
  try {
    text = readFileSync(o.script, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read script "${o.script}": ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const { steps, sandbox } = runScenario(text, { seed: o.seed, topology: o.topology, now: o.start });
  // JSON `output` is the text the terminal shows before the next prompt, without the final
  // newline that ends the last line (the runner contract: `echo hi` → "hi").
  if (o.json) process.stdout.write(JSON.stringify(steps.map((s) => ({ ...s, output: s.output.replace(/\n$/, "") })), null, 2) + "\n");
  else for (const step of steps) process.stdout.write(`${sandbox.prompt()}${step.command}\n${step.output}`);
}

function repl(o: CliOptions): void {
  const sandbox: Sandbox = createSandbox({ seed: o.seed, topology: o.topology, now: o.start });
  const wallStart = Date.now();
  const now = () => o.start + (Date.now() - wallStart);
  // On a terminal the REPL speaks the browser's protocol (sim/README.md, "Interactive terminal").
  const interactive = Boolean(process.stdin.isTTY);
  const completer = (line: string): [string[], string] => {
    const c = sandbox.complete(line);
    return [c.candidates, line.slice(c.replaceFrom)];
  };
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: sandbox.prompt(), historySize: 1000, terminal: interactive, ...(interactive ? { completer } : {}) });
  const topPrompt = sandbox.prompt();
  let pending = "";
  let stream: { id: number; timer: ReturnType<typeof setInterval> } | undefined;
  const show = (u: { output: string; clear?: boolean; done: boolean; prompt?: string }) => {
    if (u.clear) process.stdout.write("\x1b[H\x1b[2J\x1b[3J");
    process.stdout.write(u.output);
    if (!u.done || !stream) return;
    clearInterval(stream.timer);
    stream = undefined;
    rl.setPrompt(u.prompt ?? sandbox.prompt());
    rl.prompt();
  };
  rl.on("SIGINT", () => {
    if (stream) show(sandbox.interrupt(stream.id, { now: now() }));
    else {
      process.stdout.write("^C\n");
      pending = "";
      rl.setPrompt(sandbox.prompt());
      rl.prompt();
    }
  });
  rl.prompt();
  rl.on("line", (line) => {
    if (stream) return; // typed while a command runs: dropped (bash would buffer it)
    pending = pending ? `${pending}\n${line}` : line;
    // Keep reading while a heredoc or a continuation is open, as bash's PS2 does.
    if (needsMoreInput(pending)) {
      rl.setPrompt("> ");
      rl.prompt();
      return;
    }
    const command = pending;
    pending = "";
    const atTop = sandbox.prompt() === topPrompt;
    const r = sandbox.exec(command, { now: now(), interactive });
    if (r.clear) process.stdout.write("\x1b[H\x1b[2J\x1b[3J");
    process.stdout.write(r.output);
    if (r.stream) {
      const id = r.stream.id;
      stream = { id, timer: setInterval(() => show(sandbox.poll(id, { now: now() })), 500) };
      return;
    }
    // In the web terminal `exit` keeps the session; here it ends the REPL, as leaving a shell does
    // (an exit inside `kubectl exec -it` or ssh only leaves that).
    if (atTop && /^\s*exit(\s+\d+)?\s*$/.test(command)) {
      process.stdout.write("exit\n");
      process.exit(r.exitCode);
    }
    rl.setPrompt(r.prompt);
    rl.prompt();
  });
  rl.on("close", () => {
    process.stdout.write("\n");
    process.exit(0);
  });
}

async function main(): Promise<void> {
  await loadApiSchemas();
  let o: CliOptions;
  try {
    o = parseArgs(process.argv.slice(2));
    if (o.script) runScript({ ...o, script: o.script });
    else repl(o);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`sim: ${e.message}\n${USAGE}\n`);
      process.exit(2);
    }
    throw e;
  }
}

void main();
