// A cluster = one API server + the components that watch it (controllers, scheduler, kubelets,
// kube-proxy), driven by one virtual clock. After every change the reconcilers run to
// quiescence at the same instant, the way informers react at once; to wait, a reconciler puts a
// wake-up on the clock. All state lives in the store, the clock, the PRNG and `state` bags, so a
// snapshot is plain JSON and a restore continues identically.

import type { ApiRequest, ApiResponse } from "./core/api-types";
import { Clock, type ClockState } from "./core/clock";
import { LimitError, LIMITS } from "./core/limits";
import { Prng, type PrngState } from "./core/prng";
import type { ClusterPort } from "./core/process";
import { ApiServer, type KindStrategy, type ParsedPath } from "./apiserver/server";
import type { WriteIo } from "./apiserver/rest/write";
import type { KindInfo } from "./api/kinds";
import { type LoggedEvent, type StoreState } from "./apiserver/store";
import type { KubeObject } from "./api/types";
import { pack, unpack } from "./core/pack";
import { copyJson } from "./core/json-copy";

export interface ReconcileContext {
  api: ApiServer;
  /** Shorthand for api.handle. */
  request(req: ApiRequest): ApiResponse;
  /** api.handleResolved: a Client built on this context skips the routing of the paths it builds. */
  resolved(k: KindInfo, p: ParsedPath, req: ApiRequest, io: WriteIo): ApiResponse;
  clock: Clock;
  prng: Prng;
  now(): number;
  /** This reconciler's own persistent state (plain JSON only; snapshotted). */
  state: Record<string, unknown>;
  /** Schedules onTimer(key) for this reconciler after `ms`. */
  after(ms: number, key: string): void;
  cancel(key: string): void;
  /**
   * What changed in this reconciler's watched resources since its previous sync, oldest first
   * (built from the store's watch log, so a reconciler can look at those keys only); undefined
   * when it cannot say (first sync, the log no longer reaches back, or inside
   * onTimer): then look at everything. The changes and their objects are shared (the stored
   * objects; one record per logged change for every reconciler): read-only.
   */
  changes(): ResourceChange[] | undefined;
}

export interface ResourceChange {
  resource: string; // "apps/deployments"
  rv: number;
  type: "ADDED" | "MODIFIED" | "DELETED";
  namespace?: string;
  name: string;
  object: KubeObject;
  /** For MODIFIED: the object before the change. */
  previous?: KubeObject;
}

export interface Reconciler {
  name: string;
  /** Group/resources ("/pods", "apps/deployments") whose changes make this reconciler sync. */
  watches: string[];
  /** Brings the world one step closer to the desired state. Must be idempotent. */
  sync(ctx: ReconcileContext): void;
  /** A wake-up this reconciler scheduled with ctx.after. */
  onTimer?(key: string, ctx: ReconcileContext): void;
  /** Other reconcilers' state bags this one reads: Cluster.stateChanged(name) makes it sync. */
  readsState?: string[];
  /**
   * This reconciler's state made private when a checkpoint or snapshot shares it (its first
   * change after one). Default: a deep copy sharing frozen parts (cloneState). The kubelet's shares
   * its pods' entries, frozen, and copies one only when it changes it (sim/node/state.ts).
   */
  copyState?(state: Record<string, unknown>): Record<string, unknown>;
  /**
   * After a sync, another sync that only sees changes outside `watches` does nothing (it reads
   * only its watched resources and its state, and its previous sync left them settled). A
   * wrapper that adds watches (gatedByComponent) may then skip it.
   */
  ignoresUnwatched?: boolean;
  /**
   * Whether a change can matter to a sync: false for one a sync would find nothing to do about,
   * given that its previous sync ran (and the world it read is as it left it but for the changes).
   * A sync that would see only such changes is skipped (as if it had run and done nothing), once
   * one has run in this cluster (a restored store unpacks what a sync reads on first use: a
   * skipped first sync would leave its snapshot's parts in another order). `ctx` is the
   * reconciler's, read-only here. Conservative answers (true) are always right.
   */
  concerns?(change: ResourceChange, ctx: ReconcileContext): boolean;
  /**
   * Writes this reconciler keeps lazily (periodic writes derived from the clock, like node lease
   * renewals) brought up to date before an outside client's request (Cluster.request) sees them.
   */
  catchUp?(req: ApiRequest, ctx: ReconcileContext): void;
}

interface Slot {
  /** The store resourceVersion the reconciler last synced at (-1: never). */
  seen: number;
  /** The resourceVersion a running sync's changes() reach back to (undefined: outside a sync). */
  since?: number;
  /** Its context (closures), with `state` refreshed on every use. */
  ctx?: ReconcileContext;
  /** Its state is in `owned` (private to this cluster). */
  owned?: boolean;
  /** A sync ran in this cluster (see Reconciler.concerns). */
  synced?: boolean;
  /** The changes a concerns() check found for the sync about to run (the same window). */
  changes?: ResourceChange[];
}

export interface ClusterState {
  store: StoreState;
  clock: ClockState;
  prng: PrngState;
  reconcilers: Record<string, Record<string, unknown>>;
  /** Reconciler states packed with sim/core/pack.ts (compact snapshots); they take precedence. */
  packedReconcilers?: Record<string, string>;
}

/** States smaller than this stay plain JSON in a compact snapshot. */
const PACK_STATE_BYTES = 2048;

export interface ClusterOptions {
  reconcilers: Reconciler[];
  strategies?: Record<string, KindStrategy>;
}

export class Cluster implements ClusterPort {
  readonly api: ApiServer;
  readonly clock: Clock;
  readonly prng: Prng;
  private reconcilers: Reconciler[];
  private states: Record<string, Record<string, unknown>>;
  /**
   * The states this cluster may mutate. The others are shared with a snapshot (toJSON hands out
   * the state objects themselves, and a restore borrows them), so the first touch copies them:
   * copy-on-write keeps a snapshot O(1) in the size of the reconcilers' state.
   */
  private owned = new Set<string>();
  /** Restored states not unpacked yet, and the packed form of states unchanged since packed. */
  private packedStates = new Map<string, string>();
  private packCache = new Map<string, string>();
  /** Per reconciler (same order as `reconcilers`): what settle() and changes() keep about it. */
  private slots: Slot[];
  private byName = new Map<string, number>();
  /** The ResourceChange of each logged change, made once for all the reconcilers that see it (in one settle). */
  private changeRecords = new Map<LoggedEvent, ResourceChange>();
  /** Reconcilers to sync at the next settle although nothing they watch changed (stateChanged). */
  private poked = new Set<string>();
  private catchUps: Reconciler[];
  private settling = false;

  constructor(opts: ClusterOptions & { seed?: number; now?: number; state?: ClusterState }) {
    const st = opts.state;
    this.clock = st ? Clock.fromJSON(st.clock) : new Clock(opts.now ?? 0);
    this.prng = new Prng(st ? st.prng : (opts.seed ?? 1));
    this.api = new ApiServer({ clock: this.clock, prng: this.prng, state: st?.store, strategies: opts.strategies });
    this.reconcilers = opts.reconcilers;
    this.slots = opts.reconcilers.map(() => ({ seen: -1 }));
    opts.reconcilers.forEach((r, i) => {
      if (!this.byName.has(r.name)) this.byName.set(r.name, i);
    });
    this.catchUps = opts.reconcilers.filter((r) => r.catchUp);
    this.states = { ...st?.reconcilers };
    for (const [name, data] of Object.entries(st?.packedReconcilers ?? {})) {
      this.packedStates.set(name, data);
      delete this.states[name];
    }
    // After a restore every reconciler has seen the restored store: state was quiescent at snapshot.
    if (st) for (const slot of this.slots) slot.seen = this.api.store.currentRv();
  }

  now(): number {
    return this.clock.now();
  }

  nextEventAt(): number | undefined {
    return this.clock.nextAt();
  }

  /** An outside client's request (kubectl, the shell): lazily kept writes catch up first. */
  request(req: ApiRequest): ApiResponse {
    const rv = this.api.store.currentRv();
    for (const r of this.catchUps) r.catchUp!(req, this.context(r));
    const res = this.api.handle(req);
    if (req.method !== "GET" || this.api.store.currentRv() !== rv) this.settle();
    return res;
  }

  /**
   * Someone outside changed reconciler `name`'s state (a kubelet stopped): the reconcilers that
   * read it sync now (or in the running settle's next round), looking at everything.
   */
  stateChanged(name: string): void {
    for (const r of this.reconcilers) if (r.readsState?.includes(name)) this.poked.add(r.name);
    this.settle();
  }

  /** Fires every wake-up up to `t` in time order, settling after each, then sets the clock to `t`. */
  advanceTo(t: number): void {
    if (t - this.clock.now() > LIMITS.advanceMs) throw new LimitError("advanceMs");
    this.settle();
    let fired = 0;
    for (let timer = this.clock.popDue(t); timer; timer = this.clock.popDue(t)) {
      if (++fired > LIMITS.eventsPerSettle * 100) throw new LimitError("eventsPerSettle");
      const i = this.byName.get(timer.target);
      const r = i === undefined ? undefined : this.reconcilers[i];
      r?.onTimer?.(timer.key, this.context(r, i));
      this.settle();
    }
    this.clock.set(t);
  }

  /** Runs reconcilers whose watched resources changed until none has anything left to do. */
  settle(): void {
    if (this.settling) return;
    this.settling = true;
    this.changeRecords.clear();
    try {
      for (let round = 0; ; round++) {
        if (round >= LIMITS.settleRounds) throw new LimitError("settleRounds");
        const rvAtStart = this.api.store.currentRv();
        let ran = false;
        for (let i = 0; i < this.reconcilers.length; i++) {
          const r = this.reconcilers[i];
          const slot = this.slots[i];
          const poked = this.poked.size > 0 && this.poked.delete(r.name);
          const last = slot.seen;
          if (!poked && (last >= this.api.store.currentRv() || !this.watchedChangeAfter(r, last))) continue;
          if (r.concerns && slot.synced && !poked && this.nothingConcerns(r, i, slot, last)) {
            slot.seen = this.api.store.currentRv();
            continue;
          }
          slot.seen = this.api.store.currentRv();
          slot.since = poked ? -1 : last;
          try {
            r.sync(this.context(r, i));
          } finally {
            slot.since = undefined;
            slot.changes = undefined;
          }
          slot.synced = true;
          ran = true;
        }
        if (!ran) return;
        // Nothing was written in this round and nobody poked: the next would find nothing to run.
        if (this.api.store.currentRv() === rvAtStart && this.poked.size === 0 && round + 1 < LIMITS.settleRounds) return;
      }
    } finally {
      this.settling = false;
      this.changeRecords.clear();
    }
  }

  /** A reconciler's persistent state bag (for components that serve reads from it, like kubelet logs). */
  reconcilerState(name: string): Record<string, unknown> {
    return this.touch(name);
  }

  /** A reconciler's state for reading only (not copied from a snapshot that shares it: do not mutate). */
  peekState(name: string): Record<string, unknown> {
    const packed = this.unpackState(name);
    // Still as packed: a snapshot can reuse the packing.
    if (packed !== undefined) this.packCache.set(name, packed);
    return this.states[name] ?? {};
  }

  /**
   * The state as plain JSON. It shares the stored objects and the reconciler states with this
   * cluster, which copies a state before changing it again: do not mutate the result.
   */
  toJSON(opts: { compact?: boolean } = {}): ClusterState {
    const reconcilers: Record<string, Record<string, unknown>> = {};
    const packed: Record<string, string> = Object.fromEntries(this.packedStates);
    for (const name of this.stateNames()) {
      if (packed[name] !== undefined) continue;
      const state = this.states[name] ?? {};
      const hit = this.packCache.get(name);
      if (opts.compact && hit === undefined) {
        const json = JSON.stringify(state);
        if (json.length >= PACK_STATE_BYTES) this.packCache.set(name, pack(state, { ids: this.prng.ids }));
      }
      const p = opts.compact ? this.packCache.get(name) : undefined;
      if (p !== undefined) packed[name] = p;
      else reconcilers[name] = state;
    }
    this.owned.clear();
    for (const slot of this.slots) slot.owned = false;
    const out: ClusterState = {
      store: this.api.store.toJSON(opts),
      clock: this.clock.toJSON(),
      prng: this.prng.toJSON(),
      reconcilers,
    };
    if (Object.keys(packed).length) out.packedReconcilers = packed;
    return out;
  }

  /** The reconcilers' names, then those of other states (in `states` only), without repeats. */
  private stateNames(): string[] {
    return (this.namesCache ??= [...new Set([...this.reconcilers.map((r) => r.name), ...Object.keys(this.states)])]);
  }

  /** stateNames(), until a state under a new name appears (touch, unpackState). */
  private namesCache?: string[];

  /** A reconciler's state, made private to this cluster (copied if a snapshot shares it). */
  private touch(name: string): Record<string, unknown> {
    if (!this.owned.has(name)) {
      if (!(name in this.states)) this.namesCache = undefined;
      if (this.unpackState(name) === undefined) {
        const i = this.byName.get(name);
        const copy = i === undefined ? undefined : this.reconcilers[i].copyState;
        this.states[name] = copy ? copy(this.states[name] ?? {}) : cloneState(this.states[name] ?? {});
      }
      this.owned.add(name);
      this.packCache.delete(name);
    }
    return this.states[name];
  }

  /** Unpacks a restored state not unpacked yet into `states`; returns its packed form, if it was. */
  private unpackState(name: string): string | undefined {
    const packed = this.packedStates.get(name);
    if (packed === undefined) return undefined;
    this.packedStates.delete(name);
    if (!(name in this.states)) this.namesCache = undefined;
    this.states[name] = unpack(packed, { ids: this.prng.ids });
    return packed;
  }

  private watchedChangeAfter(r: Reconciler, rv: number): boolean {
    for (const w of r.watches) if (this.api.store.lastChangeOf(w) > rv) return true;
    return false;
  }

  /** Whether every change since `last` is one r.concerns says its sync would not act on. */
  private nothingConcerns(r: Reconciler, index: number, slot: Slot, last: number): boolean {
    slot.since = last;
    try {
      const changes = this.changesFor(r, slot);
      if (changes === undefined) return false;
      const ctx = this.context(r, index);
      for (const c of changes) {
        if (r.concerns!(c, ctx)) {
          // The sync that follows asks for the same changes: keep them.
          slot.changes = changes;
          return false;
        }
      }
      return true;
    } finally {
      slot.since = undefined;
    }
  }

  private changesFor(r: Reconciler, slot: Slot): ResourceChange[] | undefined {
    const since = slot.since;
    if (since === undefined || since < 0) return undefined;
    if (slot.changes) return slot.changes;
    const out: ResourceChange[] = [];
    for (const w of r.watches) {
      const events = this.api.store.logSince(w, since);
      if (!events) return undefined;
      for (const e of events) {
        if (e.type === "ADDED" || e.type === "MODIFIED" || e.type === "DELETED") {
          let c = this.changeRecords.get(e);
          if (!c) {
            c = { resource: w, rv: e.rv, type: e.type, namespace: e.object.metadata.namespace, name: e.object.metadata.name!, object: e.object, previous: e.previous };
            this.changeRecords.set(e, c);
          }
          out.push(c);
        }
      }
    }
    if (r.watches.length > 1) out.sort((a, b) => a.rv - b.rv);
    return out;
  }

  private context(r: Reconciler, index = this.reconcilers.indexOf(r)): ReconcileContext {
    const slot = this.slots[index];
    const hit = slot.ctx;
    if (hit) return hit;
    const states = this.states;
    const touch = (name: string) => this.touch(name);
    const ctx: ReconcileContext = {
      api: this.api,
      request: (req) => this.api.handle(req),
      resolved: (k, p, req, io) => this.api.handleResolved(k, p, req, io),
      clock: this.clock,
      prng: this.prng,
      now: () => this.clock.now(),
      // Made private to this cluster (copied from a snapshot that shares it) when first used
      // since the last snapshot: many syncs and concerns() checks never look at it.
      // slot.owned: touched since the last snapshot (a quicker owned.has(r.name)).
      get state() {
        if (slot.owned) return states[r.name];
        slot.owned = true;
        return touch(r.name);
      },
      after: (ms, key) => this.clock.after(ms, r.name, key),
      cancel: (key) => this.clock.cancel(r.name, key),
      changes: () => this.changesFor(r, slot),
    };
    slot.ctx = ctx;
    return ctx;
  }
}

/**
 * A reconciler state's private copy: plain JSON copied deeply, except frozen parts, which are
 * immutable and shared (e.g. a container's runs in the kubelet's state). Copy-on-write after every
 * checkpoint then copies only what can still change.
 */
function cloneState<T>(v: T): T {
  return Object.isFrozen(v) ? v : copyJson(v, sharedIfFrozen);
}

const sharedIfFrozen = (_: string, v: unknown) => typeof v === "object" && v !== null && Object.isFrozen(v);
