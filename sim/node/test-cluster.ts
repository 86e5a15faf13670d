// A small harness for kubelet tests: a full cluster, pods created through the API, time advanced
// in seconds, and the pod, its events and its logs read back.

import type { Cluster } from "../cluster";
import type { KubeObject } from "../api/types";
import { createCluster } from "../world";

export const T0 = Date.UTC(2026, 10, 25, 22, 0, 0);

export class TestCluster {
  readonly c: Cluster;
  readonly start: number;

  constructor(seed = 7) {
    this.c = createCluster({ seed, topology: "default", now: T0 });
    this.start = this.c.now();
  }

  /** Creates a pod (default namespace); `nodeName` binds it without the scheduler. */
  pod(name: string, spec: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject {
    const res = this.c.request({ method: "POST", path: "/api/v1/namespaces/default/pods", body: { apiVersion: "v1", kind: "Pod", metadata: { name, ...meta }, spec } });
    if (res.status >= 300) throw new Error(JSON.stringify(res.body));
    return res.body as KubeObject;
  }

  create(path: string, body: Record<string, unknown>): void {
    const res = this.c.request({ method: "POST", path, body });
    if (res.status >= 300) throw new Error(JSON.stringify(res.body));
  }

  /** Seconds since the test started. */
  at(seconds: number): this {
    this.c.advanceTo(this.start + seconds * 1000);
    return this;
  }

  wait(seconds: number): this {
    this.c.advanceTo(this.c.now() + seconds * 1000);
    return this;
  }

  get(name: string): KubeObject | undefined {
    const res = this.c.request({ method: "GET", path: `/api/v1/namespaces/default/pods/${name}` });
    return res.status === 200 ? (res.body as KubeObject) : undefined;
  }

  status(name: string, i = 0): any {
    return this.get(name)?.status?.containerStatuses?.[i];
  }

  /** "running", "waiting:Reason" or "terminated:Reason" of the first container. */
  state(name: string, i = 0): string {
    const s = this.status(name, i)?.state ?? {};
    if (s.running) return "running";
    if (s.waiting) return `waiting:${s.waiting.reason}`;
    if (s.terminated) return `terminated:${s.terminated.reason}`;
    return "none";
  }

  events(name: string): { reason: string; message: string; type: string; count: number }[] {
    const res = this.c.request({ method: "GET", path: "/api/v1/namespaces/default/events" });
    return ((res.body as { items: any[] }).items ?? [])
      .filter((e) => e.involvedObject?.name === name)
      .sort((a, b) => Date.parse(a.firstTimestamp) - Date.parse(b.firstTimestamp) || a.metadata.resourceVersion - b.metadata.resourceVersion)
      .map((e) => ({ reason: e.reason, message: e.message, type: e.type, count: e.count }));
  }

  logs(name: string, query: Record<string, string> = {}): { status: number; text: string } {
    const res = this.c.request({ method: "GET", path: `/api/v1/namespaces/default/pods/${name}/log`, query });
    return { status: res.status, text: res.status === 200 ? String(res.body) : (res.body as { message: string }).message };
  }

  deletePod(name: string, gracePeriodSeconds?: number): void {
    this.c.request({ method: "DELETE", path: `/api/v1/namespaces/default/pods/${name}`, body: gracePeriodSeconds === undefined ? undefined : { kind: "DeleteOptions", apiVersion: "v1", gracePeriodSeconds } });
  }
}
