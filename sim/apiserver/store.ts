// The etcd of a sandbox: objects keyed by resource, namespace and name, one resourceVersion
// counter, a bounded watch log and per-resource change marks for the reconcilers.
//
// Stored objects are deep-frozen and replaced, never mutated, on every write. That makes sharing
// them safe: `get`/`list` hand out private copies (callers may edit them), while `peek`,
// `listShared`, `put`, `remove` and the watch log hand out the stored objects themselves for
// read-only paths (Tables, informers, snapshots) without copying. A write shares the frozen parts
// of what it is given (a status update keeps the stored spec), so consecutive versions of an
// object share what did not change. Objects are grouped per resource, so a list touches only its
// own resource.
//
// A compact snapshot (toJSON({ compact: true })) packs each resource, a "chunk" (sim/core/pack.ts);
// resources with many objects are packed per namespace, so a read in one namespace unpacks only
// that one (fewer, larger chunks compress better). A restored store keeps the chunks packed until
// one is read or written, and hands an untouched chunk back unchanged to the next snapshot:
// restore + snapshot cost what was used.

import type { KubeObject, WatchEvent } from "../api/types";
import { LIMITS } from "../core/limits";
import { pack, unpack } from "../core/pack";
import { jsonEqual } from "../core/json-equal";
import { deepFreeze } from "../core/json-copy";
import type { Ids } from "../core/ids";

export { jsonEqual };

export interface PackedResource {
  count: number;
  /** pack([[storeKey, object], ...]) */
  data: string;
}

export interface StoreState {
  rv: number;
  objects: Record<string, KubeObject>;
  /** "group/resource/" or "group/resource/namespace/" (the store keys' prefix) → those objects, packed. */
  packed?: Record<string, PackedResource>;
}

export interface LoggedEvent extends WatchEvent {
  rv: number;
  resource: string; // "apps/deployments"
  /** For MODIFIED: the object before the change (watch filtering turns moves in/out of a selection into ADDED/DELETED). */
  previous?: KubeObject;
}

const NO_EVENTS: readonly LoggedEvent[] = [];
const NO_OPTS = {};

export function storeKey(groupResource: string, namespace: string | undefined, name: string): string {
  return `${groupResource}/${namespace ?? ""}/${name}`;
}

/** "apps/deployments/ns/name" → "apps/deployments" (group/resource are the first two segments). */
function resourceOfKey(key: string): string {
  const slash = key.indexOf("/");
  const second = key.indexOf("/", slash + 1);
  return key.slice(0, second);
}

/**
 * Resources with more objects than this are packed per namespace. Low enough that kube-system's
 * pods and configmaps (static pod manifests, the CA) are a chunk of their own in a fresh cluster:
 * a learner's pod changing in default then re-packs default's chunk only (a snapshot of the
 * fix-redis sandbox in 3-4 ms instead of 5-12; the 30-pod snapshot 47 KB instead of 41.5).
 */
const SPLIT_OBJECTS = 8;

/** "apps/deployments/ns/name" → "apps/deployments/ns/" (a chunk of a compact snapshot). */
function chunkOfKey(key: string): string {
  let i = -1;
  for (let n = 0; n < 3; n++) i = key.indexOf("/", i + 1);
  return key.slice(0, i + 1);
}

export class Store {
  private rv: number;
  /** group/resource → storeKey → frozen object */
  private byResource = new Map<string, Map<string, KubeObject>>();
  /** Restored chunks not unpacked yet, by chunk prefix. */
  private packed = new Map<string, PackedResource>();
  /** The packed form of a chunk and its last change when packed, reused while unchanged. */
  private packCache = new Map<string, { rv: number; packed: PackedResource }>();
  /** The resourceVersion of the last change per chunk prefix. */
  private chunkChange = new Map<string, number>();
  private count = 0;
  /** The watch log is log[logStart..]: dropping the oldest event moves logStart (no shifting). */
  private log: LoggedEvent[] = [];
  private logStart = 0;
  private droppedThroughRv = 0;
  /** The resourceVersion of the last change per group/resource ("/pods", "apps/deployments"). */
  private lastChange = new Map<string, number>();

  /** `ids`: the cluster's id generator, whose ids the packed chunks store as counters. */
  constructor(state?: StoreState, private readonly ids?: Ids) {
    this.rv = state?.rv ?? 1000;
    // A restored store has no event log: watches from before the snapshot get 410 Expired.
    this.droppedThroughRv = state?.rv ?? 0;
    if (!state) return;
    for (const [prefix, p] of Object.entries(state.packed ?? {})) {
      this.packed.set(prefix, p);
      this.count += p.count;
      this.lastChange.set(resourceOfKey(prefix), this.rv);
    }
    for (const k in state.objects) {
      const r = resourceOfKey(k);
      let b = this.byResource.get(r);
      if (!b) this.byResource.set(r, (b = new Map()));
      b.set(k, deepFreeze(state.objects[k]));
      this.count++;
      this.lastChange.set(r, this.rv);
    }
  }

  get size(): number {
    return this.count;
  }

  currentRv(): number {
    return this.rv;
  }

  nextRv(): number {
    return ++this.rv;
  }

  /** A private copy of a stored object (the caller may change it). */
  get(groupResource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const o = this.peek(groupResource, namespace, name);
    return o && cloneJson(o);
  }

  /** The stored object itself: frozen, read-only. */
  peek(groupResource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.resource(groupResource, namespace ?? "")?.get(storeKey(groupResource, namespace, name));
  }

  has(groupResource: string, namespace: string | undefined, name: string): boolean {
    return this.peek(groupResource, namespace, name) !== undefined;
  }

  /**
   * Private copies of the objects of one resource, in one namespace or all, sorted by namespace
   * then name (as etcd keys sort). The filter sees stored objects (read-only) so that only the
   * selected ones are copied.
   */
  list(groupResource: string, namespace?: string, filter?: (o: KubeObject) => boolean): KubeObject[] {
    return this.listShared(groupResource, namespace, filter).map(cloneJson);
  }

  /** Like list, but the stored (frozen, read-only) objects themselves. */
  listShared(groupResource: string, namespace?: string, filter?: (o: KubeObject) => boolean): KubeObject[] {
    const bucket = this.resource(groupResource, namespace);
    if (!bucket) return [];
    const prefix = namespace === undefined ? undefined : `${groupResource}/${namespace}/`;
    const out: KubeObject[] = [];
    for (const [k, v] of bucket) if ((prefix === undefined || k.startsWith(prefix)) && (!filter || filter(v))) out.push(v);
    out.sort((a, b) => cmp(a.metadata.namespace ?? "", b.metadata.namespace ?? "") || cmp(a.metadata.name!, b.metadata.name!));
    return out;
  }

  /** The stored (frozen, read-only) objects of one resource, all namespaces, in no particular order. */
  scan(groupResource: string): Iterable<KubeObject> {
    return this.resource(groupResource, undefined)?.values() ?? [];
  }

  /**
   * Writes an object (already defaulted and validated), stamping a new resourceVersion; returns
   * the stored object (frozen). Frozen parts of `obj` (parts of stored objects) are kept as they
   * are, the rest is copied. `ownMetadata`: obj.metadata was made for this write alone (nothing
   * else holds it), so it is stamped and frozen in place instead of copied.
   */
  put(groupResource: string, obj: KubeObject, type: "ADDED" | "MODIFIED", opts: { ownMetadata?: boolean } = NO_OPTS): KubeObject {
    const rv = this.nextRv();
    const stored = storedVersion(obj, String(rv), opts.ownMetadata === true);
    const key = storeKey(groupResource, stored.metadata.namespace, stored.metadata.name!);
    const bucket = this.bucket(groupResource, stored.metadata.namespace ?? "");
    const previous = type === "MODIFIED" ? bucket.get(key) : undefined;
    if (!bucket.has(key)) this.count++;
    bucket.set(key, stored);
    this.record(groupResource, type, stored, rv, previous);
    return stored;
  }

  /** Deletes an object; returns its last version (frozen), with the deletion's resourceVersion. */
  remove(groupResource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const key = storeKey(groupResource, namespace, name);
    const bucket = this.resource(groupResource, namespace ?? "");
    const o = bucket?.get(key);
    if (!bucket || !o) return undefined;
    bucket.delete(key);
    this.count--;
    const rv = this.nextRv();
    const last = Object.freeze({ ...o, metadata: Object.freeze({ ...o.metadata, resourceVersion: String(rv) }) });
    this.record(groupResource, "DELETED", last, rv);
    return last;
  }

  /**
   * Watch events on a resource after `sinceRv`; undefined when the log no longer reaches back that
   * far. The events are fresh; their objects are the stored, frozen ones (read-only).
   */
  eventsSince(groupResource: string, sinceRv: number, namespace?: string): LoggedEvent[] | undefined {
    return this.logSince(groupResource, sinceRv, namespace)?.map((e) => ({ ...e }));
  }

  /** eventsSince without the copies: the logged events themselves (read-only). */
  logSince(groupResource: string, sinceRv: number, namespace?: string): readonly LoggedEvent[] | undefined {
    if (this.droppedThroughRv > 0 && sinceRv < this.droppedThroughRv) return undefined;
    if (this.lastChangeOf(groupResource) <= sinceRv) return NO_EVENTS;
    const out: LoggedEvent[] = [];
    // The log is in resourceVersion order: start at the first event after sinceRv. Callers
    // mostly ask for the last few: walk back from the end, then search if that is far.
    let lo = this.log.length;
    for (let steps = 0; lo > this.logStart && this.log[lo - 1].rv > sinceRv; steps++) {
      if (steps === 16) {
        let hi = lo;
        lo = this.logStart;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (this.log[mid].rv <= sinceRv) lo = mid + 1;
          else hi = mid;
        }
        break;
      }
      lo--;
    }
    for (let i = lo; i < this.log.length; i++) {
      const e = this.log[i];
      if (e.resource === groupResource && (namespace === undefined || e.object.metadata.namespace === namespace)) out.push(e);
    }
    return out;
  }

  /** Whether an object of the resource in `namespace` (undefined: cluster-scoped) changed after `rv` in this store's life. */
  changedSince(groupResource: string, namespace: string | undefined, rv: number): boolean {
    return (this.chunkChange.get(`${groupResource}/${namespace ?? ""}/`) ?? 0) > rv;
  }

  /** The resourceVersion of the newest change to a resource (0 if none since start). */
  lastChangeOf(groupResource: string): number {
    return this.lastChange.get(groupResource) ?? 0;
  }

  /**
   * The stored objects themselves (frozen): a snapshot shares them with the running store. With
   * `compact`, every resource is packed (cached per resource until it changes); without, only the
   * resources still packed since a restore stay packed.
   */
  toJSON(opts: { compact?: boolean } = {}): StoreState {
    // The sandbox takes a plain (not compact) state before every command, for rollback: while
    // nothing was written (every read-only command, and the second checkpoint of a command) the
    // last one still holds, frozen so that no holder can change it for the others.
    if (!opts.compact && this.plainState?.rv === this.rv && this.plainState.packedChunks === this.packed.size) return this.plainState.state;
    const state = this.buildState(opts);
    if (!opts.compact) {
      Object.freeze(state.objects);
      if (state.packed) Object.freeze(state.packed);
      this.plainState = { rv: this.rv, packedChunks: this.packed.size, state: Object.freeze(state) };
    }
    return state;
  }

  private plainState?: { rv: number; packedChunks: number; state: StoreState };

  private buildState(opts: { compact?: boolean }): StoreState {
    const objects: Record<string, KubeObject> = {};
    const packed: Record<string, PackedResource> = Object.fromEntries(this.packed);
    const chunks = new Map<string, [string, KubeObject][]>();
    for (const [r, bucket] of this.byResource) {
      if (opts.compact && bucket.size > 0 && bucket.size <= SPLIT_OBJECTS) {
        packed[`${r}/`] = this.packChunk(`${r}/`, this.lastChangeOf(r), [...bucket]);
        continue;
      }
      for (const [k, v] of bucket) {
        if (!opts.compact) objects[k] = v;
        else {
          const prefix = chunkOfKey(k);
          const entries = chunks.get(prefix);
          if (entries) entries.push([k, v]);
          else chunks.set(prefix, [[k, v]]);
        }
      }
    }
    for (const [prefix, entries] of chunks) packed[prefix] = this.packChunk(prefix, this.chunkChange.get(prefix) ?? 0, entries);
    return Object.keys(packed).length ? { rv: this.rv, objects, packed } : { rv: this.rv, objects };
  }

  /** The oldest resourceVersion a watch may still start from (the 410 Expired message names it). */
  oldestWatchableRv(): number {
    return this.droppedThroughRv > 0 ? this.droppedThroughRv : 0;
  }

  private bucket(groupResource: string, namespace: string): Map<string, KubeObject> {
    let b = this.resource(groupResource, namespace);
    if (!b) this.byResource.set(groupResource, (b = new Map()));
    return b;
  }

  /**
   * A resource's objects (those of `namespace` at least, or all when undefined), unpacking the
   * chunks needed on first use after a restore.
   */
  private resource(groupResource: string, namespace: string | undefined): Map<string, KubeObject> | undefined {
    if (this.packed.size) {
      this.unpackChunk(`${groupResource}/`);
      if (namespace !== undefined) this.unpackChunk(`${groupResource}/${namespace}/`);
      else for (const prefix of [...this.packed.keys()]) if (resourceOfKey(prefix) === groupResource) this.unpackChunk(prefix);
    }
    return this.byResource.get(groupResource);
  }

  private unpackChunk(prefix: string): void {
    const p = this.packed.get(prefix);
    if (!p) return;
    this.packed.delete(prefix);
    const r = resourceOfKey(prefix);
    let b = this.byResource.get(r);
    if (!b) this.byResource.set(r, (b = new Map()));
    for (const [k, v] of unpack<[string, KubeObject][]>(p.data, { ids: this.ids })) b.set(k, deepFreeze(v));
    const whole = prefix === `${r}/`;
    this.packCache.set(prefix, { rv: whole ? this.lastChangeOf(r) : (this.chunkChange.get(prefix) ?? 0), packed: p });
  }

  /** `rv`: the last change the chunk's objects saw (the cached packing is reused while it holds). */
  private packChunk(prefix: string, rv: number, entries: [string, KubeObject][]): PackedResource {
    const hit = this.packCache.get(prefix);
    if (hit && hit.rv === rv) return hit.packed;
    const packed = { count: entries.length, data: pack(entries, { ids: this.ids }) };
    this.packCache.set(prefix, { rv, packed });
    return packed;
  }

  private record(groupResource: string, type: WatchEvent["type"], object: KubeObject, rv: number, previous?: KubeObject): void {
    this.lastChange.set(groupResource, rv);
    this.chunkChange.set(`${groupResource}/${object.metadata.namespace ?? ""}/`, rv);
    this.log.push(previous ? { type, object, rv, resource: groupResource, previous } : { type, object, rv, resource: groupResource });
    if (this.log.length - this.logStart > LIMITS.watchEvents) {
      // Splicing the front off a full log on every write would move all its events each time.
      this.logStart = this.log.length - LIMITS.watchEvents;
      this.droppedThroughRv = this.log[this.logStart - 1].rv;
      if (this.logStart >= LIMITS.watchEvents) {
        this.log = this.log.slice(this.logStart);
        this.logStart = 0;
      }
    }
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sets an own data property even for the key "__proto__" (as structuredClone and JSON.parse do). */
function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === "__proto__") Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

// The walks below use for...in, which on plain objects (no enumerable inherited keys) visits
// what Object.keys lists, in the same order, without allocating the key array (several times
// cheaper on the small objects API data is made of).

/** A deep copy of plain JSON data (several times faster than structuredClone for API objects). */
export function cloneJson<T>(v: T): T {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) return v.map(cloneJson) as T;
  const out: Record<string, unknown> = {};
  for (const k in v) setOwn(out, k, cloneJson((v as Record<string, unknown>)[k]));
  return out as T;
}

/**
 * freezeCopy({ ...obj, metadata: { ...obj.metadata, resourceVersion } }) in one pass: the copy
 * a write stores (the spreads would copy the top levels twice).
 */
function storedVersion(obj: KubeObject, resourceVersion: string, ownMetadata = false): KubeObject {
  const meta = (obj.metadata ?? {}) as Record<string, unknown>;
  let m: Record<string, unknown>;
  if (ownMetadata && obj.metadata && !Object.isFrozen(meta)) {
    // The same object as the copy below would be, made of `meta` itself (keys keep their order;
    // a missing resourceVersion goes last).
    for (const k in meta) if (k !== "resourceVersion") meta[k] = freezeCopy(meta[k]);
    meta.resourceVersion = resourceVersion;
    m = meta;
  } else {
    m = {};
    for (const k in meta) setOwn(m, k, k === "resourceVersion" ? resourceVersion : freezeCopy(meta[k]));
    if (!hasOwn.call(meta, "resourceVersion")) m.resourceVersion = resourceVersion;
  }
  Object.freeze(m);
  const o = obj as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in o) setOwn(out, k, k === "metadata" ? m : freezeCopy(o[k]));
  if (!hasOwn.call(o, "metadata")) out.metadata = m;
  return Object.freeze(out) as KubeObject;
}

/**
 * A deep, frozen copy of plain JSON data. Frozen parts are kept as they are: only the store
 * freezes objects (sim/ freezes nothing else), and it freezes them whole, so they are stored
 * objects' parts, immutable and already plain JSON.
 */
function freezeCopy<T>(v: T): T {
  if (typeof v !== "object" || v === null || Object.isFrozen(v)) return v;
  if (Array.isArray(v)) return Object.freeze(v.map(freezeCopy)) as T;
  const out: Record<string, unknown> = {};
  for (const k in v) setOwn(out, k, freezeCopy((v as Record<string, unknown>)[k]));
  return Object.freeze(out) as T;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Same keys in the same order and the same values all the way down: interchangeable data. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return Object.is(a, b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ak = Object.keys(a);
  const bk = Object.keys(b);
  if (ak.length !== bk.length) return false;
  for (let i = 0; i < ak.length; i++) {
    if (ak[i] !== bk[i] || !sameJson((a as Record<string, unknown>)[ak[i]], (b as Record<string, unknown>)[bk[i]])) return false;
  }
  return true;
}

/**
 * Puts into `next` (fresh, unfrozen data about to be written) the parts of `prev` (a stored
 * object's part at the same place) that `next` repeats exactly (same keys in the same order, same
 * values), so an unchanged part of a status is the stored one: comparing and storing it is then
 * free. Nothing visible changes (the data is the same). Returns whether all of `next` repeats
 * `prev` that way.
 */
export function adoptUnchanged(next: unknown, prev: unknown): boolean {
  if (next === prev) return true;
  if (typeof next !== "object" || typeof prev !== "object" || next === null || prev === null) return Object.is(next, prev);
  if (Object.isFrozen(next)) return sameJson(next, prev);
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return false;
    let all = next.length === prev.length;
    for (let i = 0; i < next.length && i < prev.length; i++) {
      if (adoptUnchanged(next[i], prev[i])) next[i] = prev[i];
      else all = false;
    }
    return all;
  }
  if (Array.isArray(prev)) return false;
  const n = next as Record<string, unknown>;
  const p = prev as Record<string, unknown>;
  const pk = Object.keys(p);
  let all = true;
  let i = 0;
  for (const k in n) {
    if (all && pk[i] !== k) all = false;
    i++;
    if (hasOwn.call(p, k) && adoptUnchanged(n[k], p[k])) {
      if (n[k] !== p[k]) n[k] = p[k];
    } else all = false;
  }
  return all && i === pk.length;
}
