// PodStatus as the kubelet reports it (pkg/kubelet/kubelet_pods.go generateAPIPodStatus,
// getPhase, pkg/kubelet/status/generate.go for the conditions).

import type { KubeObject } from "../api/types";
import { rfc3339 } from "../core/duration";
import { parseQuantity } from "./env";
import type { ContainerRt, Instance, PodRt } from "./state";

/* eslint-disable @typescript-eslint/no-explicit-any */

// The objects below are built key by key (no conditional spreads): a status is built at every
// kubelet step. Key order is the API's (what kubectl -o json prints).

function terminatedState(i: Instance): Record<string, unknown> {
  const t: Record<string, unknown> = {
    containerID: `containerd://${i.id}`,
    exitCode: i.exitCode ?? 0,
    finishedAt: rfc3339(i.finishedAt ?? i.startedAt),
  };
  if (i.message) t.message = i.message;
  t.reason = i.reason ?? (i.exitCode === 0 ? "Completed" : "Error");
  t.startedAt = i.reason === "StartError" ? "1970-01-01T00:00:00Z" : rfc3339(i.startedAt);
  return t;
}

function volumeMounts(spec: any): Record<string, unknown>[] | undefined {
  const mounts = (spec?.volumeMounts ?? []) as { name: string; mountPath: string; readOnly?: boolean }[];
  if (!mounts.length) return undefined;
  return mounts.map((m) => {
    const vm: Record<string, unknown> = { mountPath: m.mountPath, name: m.name };
    if (m.readOnly) {
      vm.readOnly = true;
      vm.recursiveReadOnly = "Disabled";
    }
    return vm;
  });
}

/** `cur` is the latest run (running or exited), `last` the one before it. */
export function containerStatus(c: ContainerRt, spec: any): Record<string, unknown> {
  const running = c.state === "running" && !!c.cur;
  let state: Record<string, unknown>;
  if (running) state = { running: { startedAt: rfc3339(c.cur!.startedAt) } };
  else if (c.state === "terminated" && c.cur) state = { terminated: terminatedState(c.cur) };
  else {
    const waiting: Record<string, unknown> = {};
    if (c.message) waiting.message = c.message;
    waiting.reason = c.reason ?? "ContainerCreating";
    state = { waiting };
  }
  const previous = c.state === "waiting" && c.cur ? c.cur : c.last;
  const inst = c.cur;
  const st: Record<string, unknown> = {};
  if (inst) st.containerID = `containerd://${inst.id}`;
  st.image = inst && inst.image === c.image ? inst.imageName : c.image;
  st.imageID = inst && inst.image === c.image ? inst.imageID : "";
  st.lastState = previous ? { terminated: terminatedState(previous) } : {};
  st.name = c.name;
  st.ready = running && c.ready;
  st.restartCount = c.restartCount;
  st.started = running && c.started;
  st.state = state;
  const vm = volumeMounts(spec);
  if (vm) st.volumeMounts = vm;
  return st;
}

/** getPhase (pkg/kubelet/kubelet_pods.go). */
export function podPhase(w: PodRt, restartPolicy: string): string {
  const inits = w.containers.filter((c) => c.init);
  const mains = w.containers.filter((c) => !c.init);
  if (w.stage === "sandbox" || w.stage === "volumes") return "Pending";
  if (w.stage === "init") {
    const failedForGood = restartPolicy === "Never" && inits.some((c) => c.state === "terminated" && c.cur && (c.cur.exitCode ?? 0) !== 0);
    return failedForGood ? "Failed" : "Pending";
  }
  let running = 0, waiting = 0, stopped = 0, succeeded = 0;
  for (const c of mains) {
    if (c.state === "running") running++;
    else if (c.state === "terminated") {
      stopped++;
      if (c.cur?.exitCode === 0) succeeded++;
    } else if (c.cur) stopped++;
    else waiting++;
  }
  if (waiting > 0) return "Pending";
  if (running > 0) return "Running";
  if (stopped > 0) {
    if (restartPolicy === "Always") return "Running";
    if (stopped === succeeded) return "Succeeded";
    if (restartPolicy === "Never") return "Failed";
    return "Running";
  }
  return "Pending";
}

/** pkg/apis/core/v1/helper/qos GetPodQOS. */
export function qosClass(pod: KubeObject): string {
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of all) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ["cpu", "memory"]) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true;
      const l = parseQuantity(lim[r]);
      const q = parseQuantity(req[r] ?? lim[r]);
      if (l === undefined || q !== l) guaranteed = false;
    }
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}

export function setCondition(w: PodRt, type: string, status: string, now: number): void {
  const cur = w.conditions[type];
  if (!cur || cur.status !== status) w.conditions[type] = { status, at: now };
}

/** Updates Initialized / ContainersReady / Ready from the containers' state. */
export function refreshConditions(w: PodRt, phase: string, now: number): void {
  const mains = w.containers.filter((c) => !c.init);
  const inits = w.containers.filter((c) => c.init);
  const initDone = w.stage === "main" || w.stage === "stopping" || inits.length === 0;
  setCondition(w, "Initialized", initDone ? "True" : "False", now);
  const allReady = mains.every((c) => c.state === "running" && c.ready);
  setCondition(w, "ContainersReady", allReady ? "True" : "False", now);
  setCondition(w, "Ready", allReady ? "True" : "False", now);
  void phase;
}

function pushCondition(out: Record<string, unknown>[], w: PodRt, type: string, message?: string, reason?: string): void {
  const x = w.conditions[type];
  if (!x) return;
  const c: Record<string, unknown> = { lastProbeTime: null, lastTransitionTime: rfc3339(x.at) };
  if (message !== undefined) c.message = message;
  if (reason !== undefined) c.reason = reason;
  c.status = x.status;
  c.type = type;
  out.push(c);
}

function conditionList(w: PodRt, phase: string, pod: KubeObject): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  pushCondition(out, w, "PodReadyToStartContainers");
  const inits = w.containers.filter((x) => x.init);
  const incompleteInit = inits.filter((x) => !(x.state === "terminated" && x.cur?.exitCode === 0)).map((x) => x.name);
  const initOk = w.conditions.Initialized?.status === "True";
  if (initOk) pushCondition(out, w, "Initialized");
  else pushCondition(out, w, "Initialized", `containers with incomplete status: [${incompleteInit.join(" ")}]`, "ContainersNotInitialized");
  const unready = w.containers.filter((x) => !x.init && !(x.state === "running" && x.ready)).map((x) => x.name);
  const completed = phase === "Succeeded" || phase === "Failed";
  const notReadyMessage = completed ? undefined : `containers with unready status: [${unready.join(" ")}]`;
  const notReadyReason = completed ? "PodCompleted" : "ContainersNotReady";
  if (w.conditions.Ready?.status === "True") pushCondition(out, w, "Ready");
  else pushCondition(out, w, "Ready", notReadyMessage, notReadyReason);
  if (w.conditions.ContainersReady?.status === "True") pushCondition(out, w, "ContainersReady");
  else pushCondition(out, w, "ContainersReady", notReadyMessage, notReadyReason);
  const scheduled = (pod.status?.conditions ?? []).find((x: any) => x.type === "PodScheduled");
  out.push(scheduled ?? { lastProbeTime: null, lastTransitionTime: rfc3339(w.startTime), status: "True", type: "PodScheduled" });
  return out;
}

/** `phase`: podPhase(w, the pod's restartPolicy), when the caller has it already. */
/**
 * Everything buildStatus reads, as a list of values (objects by identity: the stored pod's
 * frozen spec and status). Equal lists (same length, same values) give equal statuses.
 */
export function statusInputs(w: PodRt, pod: KubeObject, hostIP: string, phase: string): unknown[] {
  const out: unknown[] = [pod.spec, pod.status, hostIP, phase, w.stage, w.startTime, w.ip];
  for (const type in w.conditions) out.push(type, w.conditions[type].status, w.conditions[type].at);
  for (const c of w.containers) {
    out.push(c.name, c.init, c.state, c.reason, c.message, c.image, c.ready, c.started, c.restartCount);
    for (const i of [c.cur, c.last]) {
      if (i) out.push(i.id, i.startedAt, i.finishedAt, i.exitCode, i.reason, i.message, i.image, i.imageName, i.imageID);
      else out.push(undefined);
    }
  }
  return out;
}

export function sameInputs(a: unknown[] | undefined, b: unknown[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

export function buildStatus(w: PodRt, pod: KubeObject, hostIP: string, phase = podPhase(w, pod.spec?.restartPolicy ?? "Always")): Record<string, unknown> {
  const specs = new Map<string, any>();
  for (const s of pod.spec?.initContainers ?? []) specs.set(`init:${s.name}`, s);
  for (const s of pod.spec?.containers ?? []) specs.set(s.name, s);
  const inits = w.containers.filter((c) => c.init).map((c) => containerStatus(c, specs.get(`init:${c.name}`)));
  const mains = w.containers.filter((c) => !c.init).map((c) => containerStatus(c, specs.get(c.name)));
  const status: Record<string, unknown> = {
    ...(pod.status ?? {}),
    conditions: conditionList(w, phase, pod),
    containerStatuses: mains,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    phase,
    qosClass: pod.status?.qosClass ?? qosClass(pod),
    startTime: rfc3339(w.startTime),
  };
  if (inits.length) status.initContainerStatuses = inits;
  if (w.ip) {
    status.podIP = w.ip;
    status.podIPs = [{ ip: w.ip }];
  }
  return status;
}
