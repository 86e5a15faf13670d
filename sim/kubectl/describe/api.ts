// Reads through the API the way the describers' clientset does: GET one object, LIST with
// selectors. Errors come back as undefined or empty lists, as describers tolerate them.

import { KINDS, type KindInfo } from "../../api/kinds";
import type { KubeObject } from "../../api/types";
import type { ClusterPort } from "../../core/process";

export function kindPath(k: Pick<KindInfo, "group" | "version" | "resource" | "namespaced">, namespace?: string, name?: string): string {
  const base = k.group ? `/apis/${k.group}/${k.version}` : `/api/${k.version}`;
  const ns = k.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : "";
  return `${base}${ns}/${k.resource}${name !== undefined ? `/${encodeURIComponent(name)}` : ""}`;
}

export function kindOf(resource: string, group = ""): KindInfo | undefined {
  return KINDS.find((k) => k.resource === resource && k.group === group);
}

export class Reader {
  constructor(readonly port: ClusterPort) {}

  get(k: KindInfo, namespace: string | undefined, name: string): KubeObject | undefined {
    const r = this.port.request({ method: "GET", path: kindPath(k, namespace, name) });
    return r.status === 200 ? (r.body as KubeObject) : undefined;
  }

  /** Lists a resource; `ok` is false when the server refused (e.g. the resource is not served). */
  list(resource: string, group: string, namespace: string | undefined, query: Record<string, string> = {}): { ok: boolean; items: KubeObject[] } {
    const k = kindOf(resource, group);
    const path = k ? kindPath(k, namespace) : `${group ? `/apis/${group}/v1` : "/api/v1"}${namespace ? `/namespaces/${namespace}` : ""}/${resource}`;
    const r = this.port.request({ method: "GET", path, query });
    if (r.status !== 200) return { ok: false, items: [] };
    return { ok: true, items: ((r.body as { items?: KubeObject[] }).items ?? []) as KubeObject[] };
  }

  now(): number {
    return this.port.now();
  }
}
