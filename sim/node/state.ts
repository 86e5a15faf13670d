// The kubelets' private state (plain JSON in ctx.state): per node the image cache and IP
// allocator, per pod the worker that drives its lifecycle on the virtual clock.

import { copyJson, deepFreeze } from "../core/json-copy";

/** One run of a container (containerd's container), kept for status, logs and exec. */
export interface Instance {
  id: string; // 64 hex
  startedAt: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: string; // Completed, Error, OOMKilled, StartError, ContainerCannotRun
  message?: string;
  /** Resolved at start: argv after $(VAR) expansion, env as the process sees it. */
  argv: string[];
  env: Record<string, string>;
  imageName: string;
  imageID: string;
  /** The image string from the spec this instance runs. */
  image: string;
  /** Files written through exec outside shared volumes (null: deleted); gone when it restarts. */
  writes?: Record<string, string | null>;
}

export type ContainerStep =
  | "pull" // decide whether to pull, then pull or start
  | "pulled" // a pull finishes (success or failure)
  | "pullBackOff" // ErrImagePull turns into ImagePullBackOff
  | "start" // create and start the container
  | "exit" // the main process exits on its own
  | "afterExit" // the kubelet notices the exit (PLEG) and restarts or backs off
  | "restart" // a crash back-off ends
  | "stopped"; // a stop signal finished (deletion, liveness)

export interface ContainerRt {
  name: string;
  init: boolean;
  /** The spec image the worker currently runs or pulls. */
  image: string;
  state: "waiting" | "running" | "terminated";
  reason?: string; // waiting: ContainerCreating, PodInitializing, ErrImagePull, ImagePullBackOff, CrashLoopBackOff, CreateContainerConfigError, ...
  message?: string;
  next?: ContainerStep;
  nextAt?: number;
  restartCount: number;
  /** Image pull back-off (pkg/kubelet/images): 10 s doubling to 300 s. */
  pullBackoffMs: number;
  lastPullError?: string;
  pullStartedAt?: number;
  /** Crash back-off entry (flowcontrol.Backoff): duration and when it was last bumped. */
  crashBackoffMs: number;
  crashBackoffAt?: number;
  cur?: Instance;
  last?: Instance;
  ready: boolean;
  started: boolean;
  probes: ProbeState;
  /** Stop requested (liveness failure, definition change): restart when it has stopped. */
  restartAfterStop?: boolean;
}

export interface ProbeState {
  livenessFailures: number;
  readinessFailures: number;
  readinessSuccesses: number;
  startupFailures: number;
  startupDone: boolean;
  nextLivenessAt?: number;
  nextReadinessAt?: number;
  nextStartupAt?: number;
}

export interface PodRt {
  uid: string;
  namespace: string;
  name: string;
  node: string;
  ip?: string;
  startTime: number;
  stage: "sandbox" | "volumes" | "init" | "main" | "stopping";
  /** The sandbox (pause container) is up at this time. */
  sandboxAt: number;
  initIndex: number;
  containers: ContainerRt[];
  /** Condition type → [status, lastTransitionTime ms, reason?, message?]. */
  conditions: Record<string, { status: string; at: number }>;
  mountError?: string;
  mountRetryAt?: number;
  stopAt?: number;
  /** The timer currently scheduled for this pod. */
  wakeAt?: number;
  /** emptyDir contents written through exec: volume → relative path → data (null: deleted). */
  volumeWrites?: Record<string, Record<string, string | null>>;
  /** The pod's resourceVersion the worker last reacted to. */
  seenRv?: string;
}

export interface NodeRt {
  running: boolean;
  /** When the kubelet last stopped: its lease and heartbeats stop there (controllers/node-lease.ts). */
  stoppedAt?: number;
  /** Set when a stopped kubelet starts again: its next sync catches every pod up. */
  resync?: boolean;
  /** Normalised image names ("docker.io/library/nginx:latest") present on the node. */
  images: Record<string, true>;
  /** host-local IPAM: the last allocated host index, and which IPs are in use by which pod uid. */
  lastIp: number;
  ipsInUse: Record<string, string>;
}

export interface KubeletState {
  nodes: Record<string, NodeRt>;
  pods: Record<string, PodRt>;
  /** The store revision after the kubelet's last sync or own writes; unchanged means nothing new. */
  quietRv?: number;
}

export function kubeletState(bag: Record<string, unknown>): KubeletState {
  bag.nodes ??= {};
  bag.pods ??= {};
  const st = bag as unknown as KubeletState;
  // A restored state is plain JSON: freeze the containers' runs (immutable, see freezeInstance),
  // once per state object (the kubelet makes every new run frozen).
  if (!runsFrozen.has(bag)) {
    for (const uid in st.pods) {
      for (const c of st.pods[uid].containers) {
        if (c.cur && !Object.isFrozen(c.cur)) freezeInstance(c.cur);
        if (c.last && !Object.isFrozen(c.last)) freezeInstance(c.last);
      }
    }
    runsFrozen.add(bag);
  }
  return st;
}

const runsFrozen = new WeakSet<object>();

/**
 * The kubelet's state made private after a checkpoint shared it (Reconciler.copyState): nodes and
 * the rest copied, the pods' entries shared, frozen; ownPod copies one before it changes. A
 * command then copies the few pods it touches instead of all of them (~0.8 KB each).
 */
export function copyKubeletState(bag: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in bag) {
    if (k !== "pods") out[k] = copyJson(bag[k], copied);
    else {
      const pods: Record<string, PodRt> = {};
      const shared = bag.pods as Record<string, PodRt>;
      for (const uid in shared) pods[uid] = deepFreeze(shared[uid]);
      out.pods = pods;
    }
  }
  return out;
}

/** The pod's worker, made private (copied) if a checkpoint shares it: call before changing it. */
export function ownPod(st: KubeletState, uid: string): PodRt | undefined {
  const w = st.pods[uid];
  if (!w || !Object.isFrozen(w)) return w;
  return (st.pods[uid] = copyJson(w, sharedRuns));
}

/** A container's runs (Instance): replaced, never changed, so a copy shares them. */
const sharedRuns = (key: string) => key === "cur" || key === "last";
/** Nothing shared: a full copy. */
const copied = () => false;

/**
 * A container's run, frozen whole: it is replaced, never changed (`{ ...run, finishedAt }`), so the
 * copies of the kubelet's state taken after each checkpoint share it (sim/cluster.ts cloneState).
 */
export function freezeInstance(i: Instance): Instance {
  Object.freeze(i.argv);
  Object.freeze(i.env);
  if (i.writes) Object.freeze(i.writes);
  return Object.freeze(i);
}

/** The kubelet reconciler's name (its state bag). */
export const KUBELET = "kubelet";

/** What the node lifecycle controller and the node's lease and heartbeats need of a kubelet. */
export interface KubeletHealth {
  running: boolean;
  /** When it last stopped (kept after it starts again). */
  stoppedAt?: number;
}

/** Whether the kubelet on `node` is running, and since when not (the node lifecycle controller reads this). */
export function kubeletHealth(bag: Record<string, unknown>, node: string): KubeletHealth {
  const n = (bag.nodes as Record<string, NodeRt> | undefined)?.[node];
  return n ? n : { running: true };
}

export function kubeletRunning(bag: Record<string, unknown>, node: string): boolean {
  return kubeletHealth(bag, node).running;
}

/** The part of the cluster that starts and stops kubelets (sim/cluster.ts's Cluster). */
export interface KubeletHost {
  now(): number;
  reconcilerState(name: string): Record<string, unknown>;
  stateChanged(name: string): void;
}

/** Stops or starts a node's kubelet (`systemctl stop kubelet`): a stopped kubelet touches nothing. */
export function setKubeletRunning(host: KubeletHost, node: string, running: boolean): void {
  const st = kubeletState(host.reconcilerState(KUBELET));
  const n = (st.nodes[node] ??= { running: true, images: {}, lastIp: 1, ipsInUse: {} });
  if (running === n.running) return;
  if (running) n.resync = true;
  else n.stoppedAt = host.now();
  n.running = running;
  host.stateChanged(KUBELET);
}
