// What runs on a node, as ps and crictl see it: the host's daemons (systemd, containerd, the
// kubelet with the command line systemd gives it), and per pod the kubelet runs there a
// containerd shim, the pause container and each running container's main process (its argv as
// the kubelet resolved it, so a static pod's flags come from its manifest).

import type { KubeObject } from "../api/types";
import { kubeletRunning } from "../node/index";
import { kubeletState, type Instance, type PodRt } from "../node/state";
import type { HostCtx } from "./session";
import { hashString } from "./state";
import { kubeletView, loadedUnits } from "./services";
import { kubeletCommand } from "./kubelet-unit";

export interface Process {
  pid: number;
  ppid: number;
  user: string;
  start: number;
  cpuMs: number;
  rssKb: number;
  vszKb: number;
  tty: string;
  stat: string;
  cmd: string;
}

export interface RuntimeContainer {
  id: string;
  podSandboxId: string;
  pod: PodRt;
  name: string;
  attempt: number;
  state: "Running" | "Exited";
  inst: Instance;
}

function sandboxId(pod: PodRt): string {
  return [0, 1, 2, 3, 4, 5, 6, 7].map((i) => hashString(`${pod.uid}/sandbox/${i}`).toString(16).padStart(8, "0")).join("");
}

/** Containers the runtime on this node knows: running ones and the last exited run of each. */
export function runtimeContainers(c: HostCtx): RuntimeContainer[] {
  const st = kubeletState(c.cluster.reconcilerState("kubelet"));
  const out: RuntimeContainer[] = [];
  for (const pod of Object.values(st.pods)) {
    if (pod.node !== c.node) continue;
    for (const ct of pod.containers) {
      if (ct.last) out.push({ id: ct.last.id, podSandboxId: sandboxId(pod), pod, name: ct.name, attempt: Math.max(0, ct.restartCount - 1), state: "Exited", inst: ct.last });
      if (ct.cur) out.push({ id: ct.cur.id, podSandboxId: sandboxId(pod), pod, name: ct.name, attempt: ct.restartCount, state: ct.state === "running" ? "Running" : "Exited", inst: ct.cur });
    }
  }
  return out.sort((a, b) => b.inst.startedAt - a.inst.startedAt);
}

export function podSandboxes(c: HostCtx): { id: string; pod: PodRt; ready: boolean }[] {
  const st = kubeletState(c.cluster.reconcilerState("kubelet"));
  return Object.values(st.pods)
    .filter((p) => p.node === c.node)
    .map((pod) => ({ id: sandboxId(pod), pod, ready: pod.stage !== "stopping" }))
    .sort((a, b) => b.pod.sandboxAt - a.pod.sandboxAt);
}

function pidOf(key: string): number {
  return 2_000 + (hashString(key) % 28_000);
}

/** Every process on the node, in pid order. */
export function processes(c: HostCtx, boot: number): Process[] {
  const now = c.cluster.now();
  const up = now - boot;
  const sys = (pid: number, cmd: string, stat = "Ss", rss = 9_000, vsz = 20_000, dt = 1_000): Process => ({ pid, ppid: pid === 1 ? 0 : 1, user: "root", start: boot + dt, cpuMs: Math.floor(up / 2_000), rssKb: rss, vszKb: vsz, tty: "?", stat, cmd });
  const out: Process[] = [
    sys(1, "/sbin/init", "Ss", 13_120, 167_744, 0),
    { ...sys(2, "[kthreadd]", "S", 0, 0, 0), ppid: 0 },
    sys(148, "/lib/systemd/systemd-journald", "Ss", 15_360, 55_640),
    sys(190, "/lib/systemd/systemd-udevd", "Ss", 6_400, 25_212),
    { ...sys(402, "/lib/systemd/systemd-resolved", "Ss", 12_800, 25_532), user: "systemd+" },
    sys(455, "/usr/sbin/cron -f -P", "Ss", 2_816, 7_284),
    sys(478, "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups", "Ss", 8_960, 15_436),
  ];
  const cd = c.h.units.containerd;
  if (cd.active) out.push({ ...sys(cd.pid, "/usr/bin/containerd", "Ssl", 52_300, 1_875_000, cd.since - boot), start: cd.since });
  const kv = kubeletView(c.h, now);
  if (kv.running) {
    const argv = kubeletCommand(c.fs, loadedUnits(c.h)).argv;
    out.push({ ...sys(kv.mainPid, argv.join(" "), "Ssl", 94_320, 1_946_684), start: kv.since, cpuMs: Math.floor((now - kv.since) / 40) });
  }
  if (cd.active || kubeletRunning(c.cluster.reconcilerState("kubelet"), c.node)) {
    for (const sb of podSandboxes(c)) {
      const shim = pidOf(`${sb.id}/shim`);
      out.push({ pid: shim, ppid: 1, user: "root", start: sb.pod.sandboxAt, cpuMs: 200, rssKb: 11_000, vszKb: 1_238_000, tty: "?", stat: "Sl", cmd: `/usr/bin/containerd-shim-runc-v2 -namespace k8s.io -id ${sb.id} -address /run/containerd/containerd.sock` });
      out.push({ pid: shim + 20, ppid: shim, user: "65535", start: sb.pod.sandboxAt, cpuMs: 0, rssKb: 640, vszKb: 996, tty: "?", stat: "Ss", cmd: "/pause" });
      for (const ct of sb.pod.containers) {
        if (ct.state !== "running" || !ct.cur) continue;
        out.push({ pid: pidOf(ct.cur.id), ppid: shim, user: "root", start: ct.cur.startedAt, cpuMs: Math.floor((now - ct.cur.startedAt) / 200), rssKb: 30_000 + (hashString(ct.cur.id) % 60_000), vszKb: 800_000 + (hashString(ct.cur.id) % 500_000), tty: "?", stat: "Ssl", cmd: ct.cur.argv.join(" ") || ct.name });
      }
    }
  }
  return out.sort((a, b) => a.pid - b.pid);
}

/** The pod object a runtime pod belongs to (labels for crictl). */
export function podObject(c: HostCtx, pod: PodRt): KubeObject | undefined {
  const res = c.cluster.api.handle({ method: "GET", path: `/api/v1/namespaces/${pod.namespace}/pods/${pod.name}` });
  return res.status === 200 ? (res.body as KubeObject) : undefined;
}
