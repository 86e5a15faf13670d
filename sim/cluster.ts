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
import { ApiServer, type KindStrategy } from "./apiserver/server";
import type { StoreState } from "./apiserver/store";

export interface ReconcileContext {
  api: ApiServer;
  /** Shorthand for api.handle. */
  request(req: ApiRequest): ApiResponse;
  clock: Clock;
  prng: Prng;
  now(): number;
  /** This reconciler's own persistent state (plain JSON only; snapshotted). */
  state: Record<string, unknown>;
  /** Schedules onTimer(key) for this reconciler after `ms`. */
  after(ms: number, key: string): void;
  cancel(key: string): void;
}

export interface Reconciler {
  name: string;
  /** Group/resources ("/pods", "apps/deployments") whose changes make this reconciler sync. */
  watches: string[];
  /** Brings the world one step closer to the desired state. Must be idempotent. */
  sync(ctx: ReconcileContext): void;
  /** A wake-up this reconciler scheduled with ctx.after. */
  onTimer?(key: string, ctx: ReconcileContext): void;
}

export interface ClusterState {
  store: StoreState;
  clock: ClockState;
  prng: PrngState;
  reconcilers: Record<string, Record<string, unknown>>;
}

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
  /** The store resourceVersion each reconciler last synced at. */
  private seen = new Map<string, number>();
  private settling = false;

  constructor(opts: ClusterOptions & { seed?: number; now?: number; state?: ClusterState }) {
    const st = opts.state;
    this.clock = st ? Clock.fromJSON(st.clock) : new Clock(opts.now ?? 0);
    this.prng = new Prng(st ? st.prng : (opts.seed ?? 1));
    this.api = new ApiServer({ clock: this.clock, prng: this.prng, state: st?.store, strategies: opts.strategies });
    this.reconcilers = opts.reconcilers;
    this.states = structuredClone(st?.reconcilers ?? {});
    for (const r of this.reconcilers) this.states[r.name] ??= {};
    // After a restore every reconciler has seen the restored store: state was quiescent at snapshot.
    if (st) for (const r of this.reconcilers) this.seen.set(r.name, this.api.store.currentRv());
  }

  now(): number {
    return this.clock.now();
  }

  nextEventAt(): number | undefined {
    return this.clock.nextAt();
  }

  request(req: ApiRequest): ApiResponse {
    const res = this.api.handle(req);
    if (req.method !== "GET") this.settle();
    return res;
  }

  /** Fires every wake-up up to `t` in time order, settling after each, then sets the clock to `t`. */
  advanceTo(t: number): void {
    if (t - this.clock.now() > LIMITS.advanceMs) throw new LimitError("advanceMs");
    this.settle();
    let fired = 0;
    for (let timer = this.clock.popDue(t); timer; timer = this.clock.popDue(t)) {
      if (++fired > LIMITS.eventsPerSettle * 100) throw new LimitError("eventsPerSettle");
      const r = this.reconcilers.find((x) => x.name === timer.target);
      r?.onTimer?.(timer.key, this.context(r));
      this.settle();
    }
    this.clock.set(t);
  }

  /** Runs reconcilers whose watched resources changed until none has anything left to do. */
  settle(): void {
    if (this.settling) return;
    this.settling = true;
    try {
      for (let round = 0; ; round++) {
        if (round >= LIMITS.settleRounds) throw new LimitError("settleRounds");
        let ran = false;
        for (const r of this.reconcilers) {
          const last = this.seen.get(r.name) ?? -1;
          const changed = r.watches.some((w) => this.api.store.lastChangeOf(w) > last);
          if (!changed) continue;
          this.seen.set(r.name, this.api.store.currentRv());
          r.sync(this.context(r));
          ran = true;
        }
        if (!ran) return;
      }
    } finally {
      this.settling = false;
    }
  }

  /** A reconciler's persistent state bag (for components that serve reads from it, like kubelet logs). */
  reconcilerState(name: string): Record<string, unknown> {
    return (this.states[name] ??= {});
  }

  toJSON(): ClusterState {
    return {
      store: this.api.toJSON(),
      clock: this.clock.toJSON(),
      prng: this.prng.toJSON(),
      reconcilers: structuredClone(this.states),
    };
  }

  private context(r: Reconciler): ReconcileContext {
    return {
      api: this.api,
      request: (req) => this.api.handle(req),
      clock: this.clock,
      prng: this.prng,
      now: () => this.clock.now(),
      state: this.states[r.name],
      after: (ms, key) => this.clock.after(ms, r.name, key),
      cancel: (key) => this.clock.cancel(r.name, key),
    };
  }
}
