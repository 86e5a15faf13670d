// GNU wget, and bind9's dig and nslookup, on an Ubuntu 22.04 node (wget and bind9-dnsutils come
// with ubuntu-standard). The node's resolver is systemd-resolved (127.0.0.53), which knows no
// cluster names: `dig web.default.svc.cluster.local` is NXDOMAIN there, while
// `dig @10.96.0.10 web.default.svc.cluster.local` asks CoreDNS and gets the Service's IP.

import type { Proc } from "../core/process";
import type { NetReply } from "../images/index";
import { bindNslookup, dig as digTool, dnsIo } from "../images/dns-tools";
import { REASON } from "../images/net-tools";
import { clusterDns } from "../node/index";
import { nodeNet } from "./curl";
import { hostCtx } from "./session";


function fileText(p: Proc, path: string): string | undefined {
  const e = p.fs.stat(path);
  return e?.type === "file" ? e.data : undefined;
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

function isIP(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}

/** GNU Wget 1.21.2: -q, -O FILE / -O- / -qO-, -T SEC / --timeout=SEC, --spider; exit 4 on network errors, 8 on HTTP errors. */
export function wget(p: Proc): number {
  const c = hostCtx(p);
  const args = p.argv.slice(1);
  let quiet = false;
  let outFile: string | undefined;
  let timeoutS = 900;
  const urls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-q" || a === "--quiet") quiet = true;
    else if (/^-q?O/.test(a)) {
      if (a.startsWith("-q")) quiet = true;
      const rest = a.replace(/^-q?O/, "");
      outFile = rest || args[++i];
    } else if (a === "-T") timeoutS = Number(args[++i]) || timeoutS;
    else if (a.startsWith("--timeout=")) timeoutS = Number(a.slice(10)) || timeoutS;
    else if (!a.startsWith("-")) urls.push(a);
  }
  if (!urls.length) {
    p.stderr("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
    return 1;
  }
  const url = /^[a-z]+:\/\//.test(urls[0]) ? urls[0] : `http://${urls[0]}`;
  const u = /^(https?):\/\/([^/:?#]+)(?::(\d+))?([^#]*)$/.exec(url);
  const host = u?.[2] ?? url;
  const port = u?.[3] ? Number(u[3]) : u?.[1] === "https" ? 443 : 80;
  const full = u ? `${u[1]}://${host}${u[3] ? `:${u[3]}` : ""}${u[4] || "/"}` : url;
  const say = (t: string) => quiet || p.stderr(t);
  say(`--${stamp(p.cluster.now())}--  ${full}\n`);
  const local = host === "localhost";
  if (!isIP(host) && !local) {
    say(`Resolving ${host} (${host})... failed: Temporary failure in name resolution.\n`);
    p.stderr(`wget: unable to resolve host address ‘${host}’\n`);
    return 4;
  }
  const r: NetReply = c ? nodeNet(c, url) : { ok: false, error: "refused", host, port };
  if (local) say("Resolving localhost (localhost)... 127.0.0.1\n");
  const target = local ? `localhost (localhost)|127.0.0.1|:${port}` : `${host}:${port}`;
  if (!r.ok) {
    if (r.error === "timeout") {
      say(`Connecting to ${target}... `);
      p.cluster.advanceTo(p.cluster.now() + timeoutS * 1000);
      say("failed: Connection timed out.\n");
      return 4;
    }
    say(`Connecting to ${target}... failed: Connection refused.\n`);
    return 4;
  }
  say(`Connecting to ${target}... connected.\n`);
  say(`HTTP request sent, awaiting response... ${r.status} ${REASON[r.status] ?? ""}\n`);
  if (r.status >= 400) {
    say(`${stamp(p.cluster.now())} ERROR ${r.status}: ${REASON[r.status] ?? ""}.\n\n`);
    return 8;
  }
  const type = r.headers?.["Content-Type"] ?? (r.body.trimStart().startsWith("<") ? "text/html" : "text/plain");
  say(`Length: ${r.body.length} [${type.split(";")[0]}]\n`);
  const file = outFile ?? (u?.[4]?.split("?")[0].split("/").pop() || "index.html");
  if (file === "-") {
    say("Saving to: ‘STDOUT’\n\n");
    p.stdout(r.body);
    say(`\n${stamp(p.cluster.now())} (1.00 MB/s) - written to stdout [${r.body.length}/${r.body.length}]\n\n`);
    return 0;
  }
  const path = file.startsWith("/") ? file : `${p.cwd.replace(/\/$/, "")}/${file}`;
  p.fs.write(path, r.body);
  say(`Saving to: ‘${file}’\n\n`);
  say(`${file.padEnd(18).slice(0, 18)}  100%[===================>]  ${String(r.body.length).padStart(6)}  --.-KB/s    in 0s      \n\n`);
  say(`${stamp(p.cluster.now())} (1.00 MB/s) - ‘${file}’ saved [${r.body.length}/${r.body.length}]\n\n`);
  return 0;
}

function nodeDns(p: Proc) {
  const c = hostCtx(p);
  return dnsIo(fileText(p, "/etc/resolv.conf"), {
    out: (t) => p.stdout(t + "\n"),
    err: (t) => p.stderr(t + "\n"),
    dns: c ? (name) => clusterDns(c.cluster.api, "default", name) : undefined,
    now: p.cluster.now(),
  });
}

/** dig from bind9-dnsutils 9.18 (Ubuntu 22.04). */
export function dig(p: Proc): number {
  return digTool(p.argv.slice(1), nodeDns(p), "9.18.30-0ubuntu0.22.04.2-Ubuntu");
}

export function nslookup(p: Proc): number {
  return bindNslookup(p.argv.slice(1), nodeDns(p));
}
