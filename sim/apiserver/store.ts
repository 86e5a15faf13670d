// The etcd of a sandbox: objects keyed by resource, namespace and name, one resourceVersion
// counter, a bounded watch log and per-resource change marks for the reconcilers.

import type { KubeObject, WatchEvent } from "../api/types";
import { LIMITS } from "../core/limits";

export interface StoreState {
  rv: number;
  objects: Record<string, KubeObject>;
}

export interface LoggedEvent extends WatchEvent {
  rv: number;
  resource: string; // "apps/deployments"
  /** For MODIFIED: the object before the change (watch filtering turns moves in/out of a selection into ADDED/DELETED). */
  previous?: KubeObject;
}

export function storeKey(groupResource: string, namespace: string | undefined, name: string): string {
  return `${groupResource}/${namespace ?? ""}/${name}`;
}

export class Store {
  private rv: number;
  private objects = new Map<string, KubeObject>();
  private log: LoggedEvent[] = [];
  private droppedThroughRv = 0;
  /** The resourceVersion of the last change per group/resource ("/pods", "apps/deployments"). */
  private lastChange = new Map<string, number>();

  constructor(state?: StoreState) {
    this.rv = state?.rv ?? 1000;
    // A restored store has no event log: watches from before the snapshot get 410 Expired.
    this.droppedThroughRv = state?.rv ?? 0;
    if (state) for (const [k, v] of Object.entries(state.objects)) this.objects.set(k, v);
    for (const k of this.objects.keys()) this.lastChange.set(k.split("/").slice(0, 2).join("/"), this.rv);
  }

  get size(): number {
    return this.objects.size;
  }

  currentRv(): number {
    return this.rv;
  }

  nextRv(): number {
    return ++this.rv;
  }

  /** Stored objects are never handed out: callers get a copy. */
  get(groupResource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const o = this.objects.get(storeKey(groupResource, namespace, name));
    return o && structuredClone(o);
  }

  has(groupResource: string, namespace: string | undefined, name: string): boolean {
    return this.objects.has(storeKey(groupResource, namespace, name));
  }

  /** Objects of one resource, in one namespace or all, sorted by namespace then name (as etcd keys sort). */
  list(groupResource: string, namespace?: string): KubeObject[] {
    const prefix = namespace === undefined ? `${groupResource}/` : `${groupResource}/${namespace}/`;
    const out: KubeObject[] = [];
    for (const [k, v] of this.objects) if (k.startsWith(prefix)) out.push(v);
    out.sort((a, b) => cmp(a.metadata.namespace ?? "", b.metadata.namespace ?? "") || cmp(a.metadata.name!, b.metadata.name!));
    return out.map((o) => structuredClone(o));
  }

  /** Writes an object (already defaulted and validated), stamping a new resourceVersion. */
  put(groupResource: string, obj: KubeObject, type: "ADDED" | "MODIFIED"): KubeObject {
    const rv = this.nextRv();
    const stored = structuredClone(obj);
    stored.metadata.resourceVersion = String(rv);
    const key = storeKey(groupResource, stored.metadata.namespace, stored.metadata.name!);
    const previous = type === "MODIFIED" ? this.objects.get(key) : undefined;
    this.objects.set(key, stored);
    this.record(groupResource, type, stored, rv, previous);
    return structuredClone(stored);
  }

  remove(groupResource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const key = storeKey(groupResource, namespace, name);
    const o = this.objects.get(key);
    if (!o) return undefined;
    this.objects.delete(key);
    const rv = this.nextRv();
    const last = structuredClone(o);
    last.metadata.resourceVersion = String(rv);
    this.record(groupResource, "DELETED", last, rv);
    return structuredClone(last);
  }

  /** Watch events on a resource after `sinceRv`; undefined when the log no longer reaches back that far. */
  eventsSince(groupResource: string, sinceRv: number, namespace?: string): LoggedEvent[] | undefined {
    if (this.droppedThroughRv > 0 && sinceRv < this.droppedThroughRv) return undefined;
    return this.log.filter(
      (e) => e.rv > sinceRv && e.resource === groupResource && (namespace === undefined || e.object.metadata.namespace === namespace),
    ).map((e) => structuredClone(e));
  }

  /** The resourceVersion of the newest change to a resource (0 if none since start). */
  lastChangeOf(groupResource: string): number {
    return this.lastChange.get(groupResource) ?? 0;
  }

  toJSON(): StoreState {
    const objects: Record<string, KubeObject> = {};
    for (const [k, v] of this.objects) objects[k] = v;
    return { rv: this.rv, objects };
  }

  /** The oldest resourceVersion a watch may still start from (the 410 Expired message names it). */
  oldestWatchableRv(): number {
    return this.droppedThroughRv > 0 ? this.droppedThroughRv : 0;
  }

  private record(groupResource: string, type: WatchEvent["type"], object: KubeObject, rv: number, previous?: KubeObject): void {
    this.lastChange.set(groupResource, rv);
    this.log.push(previous ? { type, object, rv, resource: groupResource, previous } : { type, object, rv, resource: groupResource });
    if (this.log.length > LIMITS.watchEvents) {
      const dropped = this.log.splice(0, this.log.length - LIMITS.watchEvents);
      this.droppedThroughRv = dropped[dropped.length - 1].rv;
    }
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
