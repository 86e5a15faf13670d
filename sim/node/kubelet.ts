// The kubelets of every node as one reconciler: a pod worker per bound pod drives sandbox, volume
// set-up, image pulls, container starts, exits, restarts with back-off and graceful stops on the
// virtual clock (pkg/kubelet/pod_workers.go, kuberuntime/kuberuntime_manager.go, images/).
// Each worker keeps one wake-up on the clock: the earliest step any of its containers waits for.

import type { ReconcileContext, Reconciler, ResourceChange } from "../cluster";
import type { KubeObject } from "../api/types";
import { Client } from "../apiserver/client";
import { adoptUnchanged, jsonEqual } from "../apiserver/store";
import { forgetKubeletEvents, recordKubeletEvent } from "./events";
import { resolveImage, containerArgv } from "../images/index";
import { allocateIp, releaseIp } from "./ip";
import { ContainerConfigError, containerEnv, expand } from "./env";
import { mountError, type VolumeSources } from "./volumes";
import { buildStatus, podPhase, refreshConditions, sameInputs, setCondition, statusInputs } from "./status";
import { behaviourOf, podHostname } from "./runtime";
import { podNetwork } from "./network";
import { copyKubeletState, freezeInstance, KUBELET, kubeletState, ownPod, type ContainerRt, type KubeletState, type NodeRt, type PodRt } from "./state";
import { runProbes, scheduleProbes, nextProbeAt } from "./probes";
import { goDuration } from "./go-duration";
import { preStopMs, runPostStart } from "./hooks";
import { pull, pullBackOff, pulled } from "./pulls";
import { assignData } from "../core/objects";

/* eslint-disable @typescript-eslint/no-explicit-any */

export { KUBELET };

/**
 * Workers → the inputs of the status last built for them that matched the stored status (a cache:
 * a worker copied from a snapshot starts without one).
 */
const settledInputs = new WeakMap<PodRt, unknown[]>();

/**
 * Status writes: the kubelet only reads the answer (the stored pod comes back, not a copy), and
 * builds the body for the write alone (a status update changes only its top level).
 */
const SHARED = { shared: true, owned: true } as const;

export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000; // MaxContainerBackOff
export const WORKER_BACKOFF_MS = 10_000; // pod worker requeue after a failed sync (backOffPeriod)
const PLEG_RELIST_MS = 1_000;
const MOUNT_RETRY_MS = 122_000; // the volume manager's exponential back-off caps at 2m2s

export function kubeletReconciler(): Reconciler {
  return {
    name: KUBELET,
    watches: ["/pods", "/configmaps", "/secrets", "/nodes"],
    sync: (ctx) => new Kubelet(ctx).sync(),
    onTimer: (key, ctx) => new Kubelet(ctx).wake(key),
    copyState: copyKubeletState,
  };
}

function waitingOnObjects(w: PodRt): boolean {
  return !!w.mountError || w.containers.some((c) => c.reason === "CreateContainerConfigError");
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class Kubelet {
  readonly client: Client;
  readonly st: KubeletState;
  private nodes = new Map<string, KubeObject | undefined>();
  /** Behaviours derived in this wake-up (see behaviour()). */
  private behaviours?: Map<object, { spec: unknown; pod: KubeObject; b: ReturnType<typeof behaviourOf> }>;

  constructor(readonly ctx: ReconcileContext) {
    this.client = new Client(ctx, KUBELET);
    this.st = kubeletState(ctx.state);
  }

  now(): number {
    return this.ctx.now();
  }

  // ---- reconciler entry points ----

  sync(): void {
    const resumed = Object.entries(this.st.nodes).filter(([, n]) => n.resync && n.running).map(([name]) => name);
    // Our own writes (status, events) are the only change since we last looked: nothing to do.
    if (!resumed.length && this.st.quietRv !== undefined && this.ctx.api.store.currentRv() === this.st.quietRv) return;
    for (const name of resumed) {
      this.st.nodes[name].resync = undefined;
      for (const uid in this.st.pods) if (this.st.pods[uid].node === name) ownPod(this.st, uid)!.seenRv = undefined;
    }
    const changes = resumed.length ? undefined : this.ctx.changes();
    const whole = !changes || changes.some((c) => c.resource === "/nodes");
    const alive = new Set<string>();
    for (const stored of whole ? this.ctx.api.store.listShared("/pods") : this.podsToLook(changes)) {
      // A shallow copy: writeStatus replaces its top-level fields.
      const pod = { ...stored };
      const nodeName: string | undefined = pod.spec?.nodeName;
      const uid = pod.metadata.uid!;
      if (!nodeName) continue;
      alive.add(uid);
      // No kubelet runs on a node that does not exist: the pod stays Pending without status.
      if (!this.node(nodeName) || !this.nodeRt(nodeName).running) continue;
      let w = this.st.pods[uid];
      if (!w) {
        if (pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed") {
          if (pod.metadata.deletionTimestamp) this.client.delete("pods", pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0, preconditions: { uid } });
          continue;
        }
        w = this.newWorker(pod, nodeName);
      }
      if (w.seenRv === pod.metadata.resourceVersion && !waitingOnObjects(w)) continue;
      w = ownPod(this.st, uid)!;
      w.seenRv = pod.metadata.resourceVersion;
      this.reconcilePod(w, pod);
    }
    const gone = whole ? Object.keys(this.st.pods) : changes.filter((c) => c.type === "DELETED").map((c) => c.object.metadata.uid!);
    for (const uid of gone) if (!alive.has(uid)) this.forget(uid);
    this.st.quietRv = this.ctx.api.store.currentRv();
  }

  /**
   * The stored pods a sync looks at, in the store's order: those changed since the last sync, and
   * those whose worker waits for a ConfigMap or Secret (any change may bring it).
   */
  private podsToLook(changes: ResourceChange[]): KubeObject[] {
    const keys = new Map<string, [string, string]>();
    for (const c of changes) if (c.resource === "/pods") keys.set(`${c.namespace}/${c.name}`, [c.namespace!, c.name]);
    for (const w of Object.values(this.st.pods)) if (waitingOnObjects(w)) keys.set(`${w.namespace}/${w.name}`, [w.namespace, w.name]);
    const store = this.ctx.api.store;
    const pods: KubeObject[] = [];
    for (const [ns, name] of keys.values()) {
      const p = store.peek("/pods", ns, name);
      if (p) pods.push(p);
    }
    return pods.sort((a, b) => compareKeys(a.metadata.namespace!, b.metadata.namespace!) || compareKeys(a.metadata.name!, b.metadata.name!));
  }

  wake(uid: string): void {
    const w = ownPod(this.st, uid);
    if (!w) return;
    w.wakeAt = undefined;
    if (!this.nodeRt(w.node).running) return;
    // The stored pod behind a shallow copy, as in sync (a GET would deep-copy it).
    const stored = this.ctx.api.store.peek("/pods", w.namespace, w.name);
    if (!stored || stored.metadata.uid !== uid) {
      this.forget(uid);
      return;
    }
    const pod = { ...stored };
    const before = this.ctx.api.store.currentRv();
    this.step(w, pod);
    // Nothing but this wake-up wrote since the last sync: the next sync has nothing to look at.
    if (this.st.quietRv === before) this.st.quietRv = this.ctx.api.store.currentRv();
  }

  // ---- workers ----

  private newWorker(pod: KubeObject, node: string): PodRt {
    const now = this.now();
    const spec = pod.spec ?? {};
    const hasInit = (spec.initContainers ?? []).length > 0;
    const mk = (c: any, init: boolean): ContainerRt => ({
      name: c.name,
      init,
      image: c.image ?? "",
      state: "waiting",
      reason: init || hasInit ? "PodInitializing" : "ContainerCreating",
      restartCount: 0,
      pullBackoffMs: 0,
      crashBackoffMs: 0,
      ready: false,
      started: false,
      probes: { livenessFailures: 0, readinessFailures: 0, readinessSuccesses: 0, startupFailures: 0, startupDone: false },
    });
    const w: PodRt = {
      uid: pod.metadata.uid!,
      namespace: pod.metadata.namespace ?? "default",
      name: pod.metadata.name!,
      node,
      startTime: now,
      stage: "sandbox",
      sandboxAt: now + 300 + this.ctx.prng.int(900),
      initIndex: 0,
      containers: [...(spec.initContainers ?? []).map((c: any) => mk(c, true)), ...(spec.containers ?? []).map((c: any) => mk(c, false))],
      conditions: {},
    };
    setCondition(w, "PodReadyToStartContainers", "False", now);
    this.st.pods[w.uid] = w;
    return w;
  }

  private forget(uid: string): void {
    const w = this.st.pods[uid];
    if (!w) return;
    releaseIp(this.nodeRt(w.node), uid);
    this.ctx.cancel(uid);
    forgetKubeletEvents(this.ctx.api, uid);
    delete this.st.pods[uid];
  }

  /** Reacts to a changed pod object: deletion, changed images, objects it was waiting for. */
  private reconcilePod(w: PodRt, pod: KubeObject): void {
    const now = this.now();
    if (pod.metadata.deletionTimestamp && w.stage !== "stopping") {
      this.beginStop(w, pod);
    } else if (w.stage !== "stopping") {
      for (const c of w.containers) this.noticeImageChange(w, c, pod);
      if (w.mountError) w.mountRetryAt = now;
      for (const c of w.containers) {
        if (c.reason === "CreateContainerConfigError" && c.next === "pull" && (c.nextAt ?? 0) > now) c.nextAt = now;
      }
    }
    this.step(w, pod);
  }

  /** `kubectl set image`: a changed image restarts the container (kuberuntime computePodActions). */
  private noticeImageChange(w: PodRt, c: ContainerRt, pod: KubeObject): void {
    const spec = this.specOf(pod, c);
    if (!spec || spec.image === c.image) return;
    const now = this.now();
    c.image = spec.image;
    c.pullBackoffMs = 0;
    if (c.state === "running") {
      this.event(w, pod, "Normal", "Killing", `Container ${c.name} definition changed, will be restarted`, c);
      c.restartAfterStop = true;
      c.next = "stopped";
      c.nextAt = now + this.stopDelay(w, c, pod);
    } else if (c.state === "waiting" && (w.stage === "main" || (w.stage === "init" && w.containers.filter((x) => x.init)[w.initIndex] === c))) {
      c.next = "pull";
      c.nextAt = now;
    }
  }

  /** Runs every step due now, then writes status and schedules the next wake-up. */
  step(w: PodRt, pod: KubeObject): void {
    const now = this.now();
    for (let guard = 0; guard < 1000; guard++) {
      if (w.stage === "stopping") {
        if ((w.stopAt ?? now) <= now) return this.finishStop(w, pod);
        break;
      }
      if (w.stage === "sandbox") {
        if (w.sandboxAt > now) break;
        this.sandboxReady(w, pod);
        continue;
      }
      if (w.stage === "volumes") {
        if (!this.setUpVolumes(w, pod)) break;
        continue;
      }
      const due = w.containers.find((c) => (c.nextAt !== undefined && c.nextAt <= now) || (c.state === "running" && (nextProbeAt(c) ?? Infinity) <= now));
      if (!due) break;
      if (due.nextAt !== undefined && due.nextAt <= now) this.advance(w, due, pod);
      else runProbes(this, w, due, pod);
    }
    this.writeStatus(w, pod);
    this.schedule(w);
  }

  private schedule(w: PodRt): void {
    let at = Infinity;
    if (w.stage === "stopping") at = w.stopAt ?? this.now();
    else if (w.stage === "sandbox") at = w.sandboxAt;
    else if (w.stage === "volumes") at = w.mountRetryAt ?? Infinity;
    else {
      for (const c of w.containers) {
        if (c.nextAt !== undefined) at = Math.min(at, c.nextAt);
        if (c.state === "running") at = Math.min(at, nextProbeAt(c) ?? Infinity);
      }
    }
    if (at === w.wakeAt) return;
    if (w.wakeAt !== undefined) this.ctx.cancel(w.uid);
    w.wakeAt = Number.isFinite(at) ? at : undefined;
    if (w.wakeAt !== undefined) this.ctx.after(w.wakeAt - this.now(), w.uid);
  }

  private sandboxReady(w: PodRt, pod: KubeObject): void {
    const node = this.node(w.node);
    const cidr: string = node?.spec?.podCIDR ?? "10.244.0.0/24";
    w.ip = pod.spec?.hostNetwork ? this.hostIP(w.node) : allocateIp(this.nodeRt(w.node), cidr, w.uid);
    setCondition(w, "PodReadyToStartContainers", "True", this.now());
    w.stage = "volumes";
    w.mountRetryAt = this.now();
  }

  private setUpVolumes(w: PodRt, pod: KubeObject): boolean {
    const now = this.now();
    if ((w.mountRetryAt ?? now) > now) return false;
    const err = mountError(this.volumeSources(w, pod));
    if (err) {
      this.event(w, pod, "Warning", "FailedMount", err);
      w.mountError = err;
      w.mountRetryAt = now + MOUNT_RETRY_MS;
      return false;
    }
    w.mountError = undefined;
    w.mountRetryAt = undefined;
    const inits = w.containers.filter((c) => c.init);
    w.stage = inits.length ? "init" : "main";
    if (inits.length) this.queue(inits[0], "pull", now);
    else this.beginMain(w);
    return true;
  }

  private beginMain(w: PodRt): void {
    w.stage = "main";
    for (const c of w.containers) {
      if (c.init) continue;
      if (c.reason === "PodInitializing") c.reason = "ContainerCreating";
      this.queue(c, "pull", this.now());
    }
  }

  queue(c: ContainerRt, step: ContainerRt["next"], at: number): void {
    c.next = step;
    c.nextAt = at;
  }

  // ---- container steps ----

  private advance(w: PodRt, c: ContainerRt, pod: KubeObject): void {
    const step = c.next;
    c.next = undefined;
    c.nextAt = undefined;
    switch (step) {
      case "pull": return pull(this, w, c, pod);
      case "pulled": return pulled(this, w, c, pod);
      case "pullBackOff": return pullBackOff(this, w, c, pod);
      case "start": return this.start(w, c, pod);
      case "exit": return this.exited(w, c, pod);
      case "afterExit": return this.afterExit(w, c, pod);
      case "stopped": return this.stopped(w, c, pod);
      case "restart": return this.restart(c);
    }
  }

  private start(w: PodRt, c: ContainerRt, pod: KubeObject): void {
    const now = this.now();
    const spec = this.specOf(pod, c);
    const res = resolveImage(c.image);
    if (!spec || !res.ok) return;
    let env: Record<string, string>;
    try {
      env = containerEnv(spec, this.envSources(w, pod));
    } catch (e) {
      if (!(e instanceof ContainerConfigError)) throw e;
      c.state = "waiting";
      c.reason = "CreateContainerConfigError";
      c.message = e.message;
      this.event(w, pod, "Warning", "Failed", `Error: ${e.message}`, c);
      return this.queue(c, "pull", now + WORKER_BACKOFF_MS);
    }
    const lookup = (n: string) => env[n];
    const argv = containerArgv(res.image.info, spec.command?.map((a: string) => expand(a, lookup)), spec.args?.map((a: string) => expand(a, lookup)));
    const fullEnv: Record<string, string> = assignData({ ...res.image.info.env, HOSTNAME: podHostname(pod) }, env);
    if (!("HOME" in fullEnv)) fullEnv.HOME = "/root";
    if (c.cur) {
      c.last = c.cur;
      c.restartCount++;
    }
    // A run is replaced, never changed (when it ends, when an exec writes a file): frozen, the
    // copies of the kubelet's state after each checkpoint share it (sim/cluster.ts cloneState).
    c.cur = freezeInstance({ id: this.ctx.prng.ids.hex64(), startedAt: now, argv, env: fullEnv, imageName: res.image.imageName, imageID: res.image.imageID, image: c.image });
    this.event(w, pod, "Normal", "Created", `Created container: ${c.name}`, c);
    const b = this.behaviour(w, c.cur, spec, pod);
    if (b?.startError) {
      this.event(w, pod, "Warning", "Failed", `Error: ${b.startError}`, c);
      c.cur = freezeInstance({ ...c.cur, finishedAt: now, exitCode: 128, reason: "StartError", message: b.startError });
      c.state = "terminated";
      return this.queue(c, "afterExit", now + PLEG_RELIST_MS);
    }
    this.event(w, pod, "Normal", "Started", `Started container ${c.name}`, c);
    const hookError = runPostStart(w, c.cur, pod, spec, this.volumeSources(w, pod));
    if (hookError) {
      this.event(w, pod, "Warning", "FailedPostStartHook", hookError, c);
      this.event(w, pod, "Normal", "Killing", "FailedPostStartHook", c);
      c.state = "running";
      return this.queue(c, "stopped", now + this.stopDelay(w, c, pod));
    }
    c.state = "running";
    c.reason = undefined;
    c.message = undefined;
    c.probes = { livenessFailures: 0, readinessFailures: 0, readinessSuccesses: 0, startupFailures: 0, startupDone: !spec.startupProbe };
    const sidecar = c.init && spec.restartPolicy === "Always";
    c.started = !spec.startupProbe;
    c.ready = !spec.readinessProbe && (!c.init || sidecar);
    scheduleProbes(c, spec, now);
    if (b?.exit) this.queue(c, "exit", now + b.exit.atMs);
    // A sidecar (restartable init container) lets the next init container start once it has started.
    if (sidecar && w.stage === "init" && w.containers.filter((x) => x.init)[w.initIndex] === c) this.nextInit(w);
  }

  private nextInit(w: PodRt): void {
    const inits = w.containers.filter((x) => x.init);
    w.initIndex++;
    if (w.initIndex < inits.length) this.queue(inits[w.initIndex], "pull", this.now());
    else this.beginMain(w);
  }

  /** The main process ended on its own. */
  private exited(w: PodRt, c: ContainerRt, pod: KubeObject): void {
    const spec = this.specOf(pod, c);
    const b = c.cur ? this.behaviour(w, c.cur, spec, pod) : undefined;
    this.terminate(c, b?.exit?.code ?? 0, b?.exit?.reason);
    this.queue(c, "afterExit", this.now() + PLEG_RELIST_MS);
  }

  terminate(c: ContainerRt, code: number, reason?: string): void {
    if (!c.cur) return;
    c.cur = freezeInstance({ ...c.cur, finishedAt: this.now(), exitCode: code, reason: reason ?? (code === 0 ? "Completed" : "Error") });
    c.state = "terminated";
    c.ready = false;
    c.started = false;
  }

  /** The kubelet notices the exit: next init container, restart, back off, or stay terminated. */
  private afterExit(w: PodRt, c: ContainerRt, pod: KubeObject): void {
    const now = this.now();
    const policy = pod.spec?.restartPolicy ?? "Always";
    const code = c.cur?.exitCode ?? 0;
    const sidecar = c.init && this.specOf(pod, c)?.restartPolicy === "Always";
    if (c.init && !sidecar && code === 0) return this.nextInit(w);
    const restart = sidecar || policy === "Always" || (policy === "OnFailure" && code !== 0) || (c.init && policy !== "Never");
    if (!restart) return;
    const finished = c.cur?.finishedAt ?? now;
    // flowcontrol.Backoff.IsInBackOffSince(finishedAt): an entry older than 2 × max is forgotten.
    const expired = c.crashBackoffAt === undefined || finished - c.crashBackoffAt > 2 * BACKOFF_MAX_MS;
    if (!expired && c.crashBackoffMs > 0 && now - finished < c.crashBackoffMs) {
      c.state = "waiting";
      c.reason = "CrashLoopBackOff";
      c.message = `back-off ${goDuration(c.crashBackoffMs)} restarting failed container=${c.name} pod=${w.name}_${w.namespace}(${w.uid})`;
      this.event(w, pod, "Warning", "BackOff", `Back-off restarting failed container ${c.name} in pod ${w.name}_${w.namespace}(${w.uid})`, c);
      return this.queue(c, "restart", finished + c.crashBackoffMs);
    }
    this.restart(c);
  }

  /** flowcontrol.Backoff.Next, then start again. */
  private restart(c: ContainerRt): void {
    const now = this.now();
    const expired = c.crashBackoffAt === undefined || now - c.crashBackoffAt > 2 * BACKOFF_MAX_MS;
    c.crashBackoffMs = expired ? BACKOFF_INITIAL_MS : Math.min(c.crashBackoffMs * 2, BACKOFF_MAX_MS);
    c.crashBackoffAt = now;
    if (c.state !== "waiting") {
      c.state = "waiting";
      c.reason = "ContainerCreating";
    }
    this.queue(c, "pull", now);
  }

  /** A stop the kubelet asked for (liveness failure, changed definition) has finished. */
  private stopped(w: PodRt, c: ContainerRt, pod: KubeObject): void {
    const spec = this.specOf(pod, c);
    const b = c.cur ? this.behaviour(w, c.cur, spec, pod) : undefined;
    this.terminate(c, b?.ignoresSigterm ? 137 : 0);
    const definitionChanged = c.restartAfterStop;
    c.restartAfterStop = undefined;
    if (definitionChanged) {
      c.state = "waiting";
      c.reason = "ContainerCreating";
      return this.queue(c, "pull", this.now());
    }
    this.queue(c, "afterExit", this.now());
  }

  /** How long a container takes to stop: at once if it handles SIGTERM, else the grace period. */
  stopDelay(w: PodRt, c: ContainerRt, pod: KubeObject, graceSeconds?: number): number {
    const spec = this.specOf(pod, c);
    const b = c.cur ? this.behaviour(w, c.cur, spec, pod) : undefined;
    const graceMs = (graceSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
    // preStop first, then SIGTERM; whatever is left of the grace period bounds both.
    const hookMs = c.cur ? preStopMs(c.cur, spec, this.volumeSources(w, pod), graceMs) : 0;
    return b?.ignoresSigterm ? graceMs : Math.min(graceMs, hookMs + 100 + this.ctx.prng.int(400));
  }

  // ---- graceful deletion ----

  private beginStop(w: PodRt, pod: KubeObject): void {
    const now = this.now();
    const grace: number = pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
    let until = now;
    for (const c of w.containers) {
      if (c.state !== "running") continue;
      this.event(w, pod, "Normal", "Killing", `Stopping container ${c.name}`, c);
      until = Math.max(until, now + Math.min(this.stopDelay(w, c, pod, grace), grace * 1000));
    }
    w.stage = "stopping";
    w.stopAt = until;
  }

  private finishStop(w: PodRt, pod: KubeObject): void {
    this.forget(w.uid);
    this.client.delete("pods", w.namespace, w.name, { gracePeriodSeconds: 0, preconditions: { uid: w.uid } });
  }

  // ---- status, events, lookups ----

  /**
   * What a container run does (behaviourOf, pure in its inputs). Within one wake-up the inputs
   * stay put (the same pod object and spec, objects nobody else writes meanwhile), so a second
   * look (a container that exits as soon as it starts) reuses the first, unless deriving it asked
   * the network (which this wake-up changes: container states) or the pod shares emptyDir or
   * hostPath files between containers (which depend on the others' runs).
   */
  behaviour(w: PodRt, inst: NonNullable<ContainerRt["cur"]>, spec: any, pod: KubeObject) {
    const hit = this.behaviours?.get(inst);
    if (hit && hit.spec === spec && hit.pod === pod) return hit.b;
    const pn = podNetwork(this.ctx.api, w.namespace, w.ip);
    let asked = false;
    // Methods, not named arrow functions: tsx's keepNames would name each new closure.
    const io: typeof pn = {
      net(url) {
        asked = true;
        return pn.net(url);
      },
      dns(name) {
        asked = true;
        return pn.dns(name);
      },
    };
    const b = behaviourOf(inst, spec, this.volumeSources(w, pod), io.net, io.dns);
    const shared = ((pod.spec?.volumes ?? []) as any[]).some((v) => v.emptyDir || v.hostPath);
    if (!asked && !shared) (this.behaviours ??= new Map()).set(inst, { spec, pod, b });
    return b;
  }

  private writeStatus(w: PodRt, pod: KubeObject): void {
    const now = this.now();
    const phase = podPhase(w, pod.spec?.restartPolicy ?? "Always");
    refreshConditions(w, phase, now);
    // A finished pod's sandbox is torn down (kuberuntime killPodWithSyncResult).
    if (phase === "Succeeded" || phase === "Failed") setCondition(w, "PodReadyToStartContainers", "False", now);
    const hostIP = this.hostIP(w.node);
    // Nothing buildStatus reads changed since it last matched the stored status (a wake-up that
    // only pulled or backed off): the status would be the same again.
    const inputs = statusInputs(w, pod, hostIP, phase);
    if (sameInputs(settledInputs.get(w), inputs)) return;
    const status = buildStatus(w, pod, hostIP, phase);
    // What did not change stays the stored part: the comparisons and the write skip it.
    if (adoptUnchanged(status, pod.status) || jsonEqual(status, pod.status)) {
      settledInputs.set(w, inputs);
      return;
    }
    // The stored pod comes back (frozen): pod is only read from here on.
    const updated = this.client.updateStatus({ ...pod, status }, SHARED);
    Object.assign(pod, updated);
    w.seenRv = updated.metadata.resourceVersion;
    // The stored status is now this one: the same inputs (with the new stored status) rebuild it.
    inputs[1] = pod.status;
    settledInputs.set(w, inputs);
  }

  event(w: PodRt, pod: KubeObject, type: "Normal" | "Warning", reason: string, message: string, c?: ContainerRt): void {
    const fieldPath = c ? `spec.${c.init ? "initContainers" : "containers"}{${c.name}}` : undefined;
    recordKubeletEvent(this.ctx.api, this.client, this.now(), pod, type, reason, message, w.node, this.ctx.prng, fieldPath);
  }

  specOf(pod: KubeObject, c: ContainerRt): any {
    return ((c.init ? pod.spec?.initContainers : pod.spec?.containers) ?? []).find((x: any) => x.name === c.name);
  }

  node(name: string): KubeObject | undefined {
    // The stored node itself (read-only here): a GET would copy it, images and all, every sync.
    if (!this.nodes.has(name)) this.nodes.set(name, this.ctx.api.store.peek("/nodes", undefined, name));
    return this.nodes.get(name);
  }

  hostIP(name: string): string {
    const n = this.node(name);
    return (n?.status?.addresses ?? []).find((a: any) => a.type === "InternalIP")?.address ?? "";
  }

  nodeRt(name: string): NodeRt {
    let n = this.st.nodes[name];
    if (!n) {
      n = this.st.nodes[name] = { running: true, images: {}, lastIp: 1, ipsInUse: {} };
      // Images the node already has (node.status.images, as the topology preloads them).
      for (const img of this.node(name)?.status?.images ?? []) {
        for (const ref of img.names ?? []) {
          const r = resolveImage(ref);
          if (r.ok) n.images[r.image.imageName] = true;
        }
      }
    }
    return n;
  }

  volumeSources(w: PodRt, pod: KubeObject): VolumeSources {
    const ns = w.namespace;
    // The stored objects themselves: volumes and env only read them (a GET would copy them).
    const store = this.ctx.api.store;
    return {
      pod,
      worker: w,
      now: this.now(),
      hostIP: this.hostIP(w.node),
      podIP: w.ip ?? "",
      configMap(name) {
        return store.peek("/configmaps", ns, name);
      },
      secret(name) {
        return store.peek("/secrets", ns, name);
      },
    };
  }

  private envSources(w: PodRt, pod: KubeObject) {
    const ns = w.namespace;
    const store = this.ctx.api.store;
    // Read in volumeSources' order first (a restored store unpacks its parts in the order they are read).
    const now = this.now();
    const hostIP = this.hostIP(w.node);
    // The namespace's services (stored, read-only), and "kubernetes" from default.
    const services = store.listShared("/services", ns);
    if (ns !== "default") {
      const kubernetes = store.peek("/services", "default", "kubernetes");
      if (kubernetes) services.push(kubernetes);
    }
    // volumeSources' fields, spelled out (a spread of that object is slow).
    return {
      pod,
      worker: w,
      now,
      hostIP,
      podIP: w.ip ?? "",
      configMap(name: string) {
        return store.peek("/configmaps", ns, name);
      },
      secret(name: string) {
        return store.peek("/secrets", ns, name);
      },
      services,
      nodeAllocatable: this.node(w.node)?.status?.allocatable ?? {},
    };
  }
}
