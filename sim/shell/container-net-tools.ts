// curl and wget inside a container reached by `kubectl exec` (the "Learn Kubernetes Basics"
// `kubectl exec $POD_NAME -- curl http://localhost:8080`): the images' tools (images/net-tools.ts)
// over the pod's network view, which the kubelet hands over as ContainerContext.net.

import type { Program, Proc } from "../core/process";
import type { NetReply } from "../images/types";
import { curl, wget, type ToolIo } from "../images/net-tools";

function toolIo(p: Proc, net: ((url: string) => NetReply) | undefined): ToolIo {
  return {
    out: (t) => p.stdout(t + "\n"),
    err: (t) => p.stderr(t + "\n"),
    net,
    write: (path, data) => p.fs.write(path.startsWith("/") ? path : `${p.cwd.replace(/\/$/, "")}/${path}`, data),
    sleepMs: (ms) => p.cluster.advanceTo(p.cluster.now() + ms),
  };
}

/** The network programs among `executables`, bound to the container's network. */
export function containerNetPrograms(executables: readonly string[], net: ((url: string) => NetReply) | undefined): Record<string, Program> {
  const out: Record<string, Program> = Object.create(null) as Record<string, Program>;
  if (executables.includes("curl")) out.curl = (p) => curl(p.argv.slice(1), toolIo(p, net));
  if (executables.includes("wget")) out.wget = (p) => wget(p.argv.slice(1), toolIo(p, net));
  return out;
}
