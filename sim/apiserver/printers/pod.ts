// Pod rows as printPod builds them (pkg/printers/internalversion/printers.go, v1.32):
// READY n/m, STATUS from podStatusReason, RESTARTS with "(5m ago)", AGE, and the wide columns.

import type { KubeObject } from "../../api/types";
import { ageCol, ageOf, col, nameCol, since, type Printer, type PrintedRow } from "./columns";

/* eslint-disable @typescript-eslint/no-explicit-any */

const columns = [
  nameCol(),
  col("Ready", "string", "The aggregate readiness state of this pod for accepting traffic."),
  col("Status", "string", "The aggregate status of the containers in this pod."),
  col("Restarts", "string", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
  ageCol(),
  col("IP", "string", "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.", 1),
  col("Node", "string", "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename", 1),
  col("Nominated Node", "string", "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.", 1),
  col("Readiness Gates", "string", "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates", 1),
];

/** podutil.IsRestartableInitContainer: a sidecar (init container with restartPolicy Always). */
export function isRestartableInitContainer(c: any): boolean {
  return c?.restartPolicy === "Always";
}

function hasCondition(pod: KubeObject, type: string): boolean {
  return (pod.status?.conditions ?? []).some((c: any) => c.type === type && c.status === "True");
}

function ms(t: string | undefined): number {
  return t ? Date.parse(t) : 0;
}

export interface PodSummary {
  ready: number;
  total: number;
  reason: string;
  restarts: number;
  /** Time of the last restart (ms since epoch), 0 when unknown. */
  lastRestartMs: number;
}

/** The READY, STATUS and RESTARTS logic of printPod. */
export function summarizePod(pod: KubeObject): PodSummary {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  let restarts = 0;
  let sidecarRestarts = 0;
  let total = (spec.containers ?? []).length;
  let ready = 0;
  let lastRestartMs = 0;
  let lastSidecarRestartMs = 0;
  const phase: string = status.phase ?? "";
  let reason: string = status.reason || phase;
  for (const c of status.conditions ?? []) {
    if (c.type === "PodScheduled" && c.reason === "SchedulingGated") reason = "SchedulingGated";
  }
  const inits = new Map<string, any>();
  for (const c of spec.initContainers ?? []) {
    inits.set(c.name, c);
    if (isRestartableInitContainer(c)) total++;
  }
  let initializing = false;
  const initStatuses: any[] = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    const finished = ms(c.lastState?.terminated?.finishedAt);
    if (finished > lastRestartMs) lastRestartMs = finished;
    const sidecar = isRestartableInitContainer(inits.get(c.name));
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      if (finished > lastSidecarRestartMs) lastSidecarRestartMs = finished;
    }
    const term = c.state?.terminated;
    const wait = c.state?.waiting;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (sidecar && c.started === true) {
      if (c.ready) ready++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`;
      else reason = `Init:${term.reason}`;
    } else if (wait && wait.reason && wait.reason !== "PodInitializing") {
      reason = `Init:${wait.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }
  if (!initializing || hasCondition(pod, "Initialized")) {
    restarts = sidecarRestarts;
    lastRestartMs = lastSidecarRestartMs;
    let hasRunning = false;
    const statuses: any[] = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      const finished = ms(c.lastState?.terminated?.finishedAt);
      if (finished > lastRestartMs) lastRestartMs = finished;
      const wait = c.state?.waiting;
      const term = c.state?.terminated;
      if (wait && wait.reason) reason = wait.reason;
      else if (term && term.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === "Completed" && hasRunning) reason = hasCondition(pod, "Ready") ? "Running" : "NotReady";
  }
  const deleting = !!pod.metadata.deletionTimestamp;
  if (deleting && status.reason === "NodeLost") reason = "Unknown";
  else if (deleting && phase !== "Failed" && phase !== "Succeeded") reason = "Terminating";
  return { ready, total, reason, restarts, lastRestartMs };
}

function readinessGates(pod: KubeObject): string {
  const gates: any[] = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return "<none>";
  let trueCount = 0;
  for (const g of gates) {
    const c = (pod.status?.conditions ?? []).find((x: any) => x.type === g.conditionType);
    if (c?.status === "True") trueCount++;
  }
  return `${trueCount}/${gates.length}`;
}

function printPod(pod: KubeObject, now: number): PrintedRow {
  const s = summarizePod(pod);
  let restarts = String(s.restarts);
  if (s.restarts !== 0 && s.lastRestartMs !== 0) restarts = `${s.restarts} (${since(new Date(s.lastRestartMs).toISOString(), now)} ago)`;
  const row: PrintedRow = {
    cells: [
      pod.metadata.name,
      `${s.ready}/${s.total}`,
      s.reason,
      restarts,
      ageOf(pod, now),
      pod.status?.podIPs?.[0]?.ip || "<none>",
      pod.spec?.nodeName || "<none>",
      pod.status?.nominatedNodeName || "<none>",
      readinessGates(pod),
    ],
  };
  const phase = pod.status?.phase;
  if (phase === "Succeeded") row.conditions = [{ type: "Completed", status: "True", reason: "Succeeded", message: "The pod has completed successfully." }];
  if (phase === "Failed") row.conditions = [{ type: "Completed", status: "True", reason: "Failed", message: "The pod failed." }];
  return row;
}

export const podPrinter: Printer = { columns, print: printPod };
