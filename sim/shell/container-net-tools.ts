// curl, wget, nslookup and dig inside a container reached by `kubectl exec` (the "Learn Kubernetes
// Basics" `kubectl exec $POD_NAME -- curl http://localhost:8080`): the images' tools
// (images/net-tools.ts, images/dns-tools.ts) over the pod's network and DNS view, which the kubelet
// hands over as ContainerContext.net and .dns.

import type { Program, Proc } from "../core/process";
import type { NetReply } from "../images/types";
import { curl, wget, type ToolIo } from "../images/net-tools";
import { busyboxNslookup, dig, dnsIo } from "../images/dns-tools";
import type { ContainerContext } from "./container-exec";

function toolIo(p: Proc, net: ((url: string) => NetReply) | undefined): ToolIo {
  return {
    out: (t) => p.stdout(t + "\n"),
    raw: (t) => p.stdout(t),
    err: (t) => p.stderr(t + "\n"),
    net,
    write: (path, data) => p.fs.write(path.startsWith("/") ? path : `${p.cwd.replace(/\/$/, "")}/${path}`, data),
    sleepMs: (ms) => p.cluster.advanceTo(p.cluster.now() + ms),
  };
}

function fileText(p: Proc, path: string): string | undefined {
  const e = p.fs.stat(path);
  return e?.type === "file" ? e.data : undefined;
}

/** The network programs among the image's executables, bound to the container's network and DNS. */
export function containerNetPrograms(ctx: ContainerContext): Record<string, Program> {
  const executables = ctx.executables ?? [];
  const out: Record<string, Program> = Object.create(null) as Record<string, Program>;
  if (executables.includes("curl")) out.curl = (p) => curl(p.argv.slice(1), toolIo(p, ctx.net));
  if (executables.includes("wget")) out.wget = (p) => wget(p.argv.slice(1), toolIo(p, ctx.net));
  const io = (p: Proc) => dnsIo(fileText(p, "/etc/resolv.conf"), { out: (t) => p.stdout(t + "\n"), err: (t) => p.stderr(t + "\n"), dns: ctx.dns, now: p.cluster.now() });
  if (executables.includes("nslookup")) out.nslookup = (p) => busyboxNslookup(p.argv.slice(1), io(p), ctx.imageVersion);
  // netshoot's bind-tools (Alpine).
  if (executables.includes("dig")) out.dig = (p) => dig(p.argv.slice(1), io(p), "9.18.33");
  return out;
}
