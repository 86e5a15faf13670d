import { describe, expect, test } from "vitest";
import { kindByKind } from "../../api/kinds";
import type { KubeObject } from "../../api/types";
import { toTable } from "./index";

const NOW = Date.parse("2026-11-25T12:00:00Z");

function cells(apiVersion: string, kind: string, o: Partial<KubeObject>): { columns: string[]; cells: unknown[] } {
  const t = toTable(kindByKind(apiVersion, kind)!, [{ apiVersion, kind, ...o } as KubeObject], { now: NOW, includeObject: "None" });
  return { columns: t.columnDefinitions.map((c) => c.name), cells: t.rows[0].cells };
}

describe("Lease, ResourceQuota and LimitRange tables (printers.go v1.32)", () => {
  test("a Lease prints its holder", () => {
    const meta = { name: "node01", namespace: "kube-node-lease", creationTimestamp: "2026-11-25T11:00:00Z" };
    expect(cells("coordination.k8s.io/v1", "Lease", { metadata: meta, spec: { holderIdentity: "node01" } })).toEqual({ columns: ["Name", "Holder", "Age"], cells: ["node01", "node01", "60m"] });
  });

  test("a ResourceQuota prints used/hard per resource, limits.* in the Limit column", () => {
    const meta = { name: "q", namespace: "default", creationTimestamp: "2026-11-25T11:59:00Z" };
    const status = { hard: { pods: "10", "requests.cpu": "1", "limits.memory": "1Gi" }, used: { pods: "2", "requests.cpu": "500m" } };
    expect(cells("v1", "ResourceQuota", { metadata: meta, status })).toEqual({
      columns: ["Name", "Age", "Request", "Limit"],
      cells: ["q", "60s", "pods: 2/10, requests.cpu: 500m/1", "limits.memory: 0/1Gi"],
    });
  });

  test("a LimitRange has no printer upstream: Name and Created At", () => {
    const meta = { name: "lr", namespace: "default", creationTimestamp: "2026-11-25T11:00:00Z" };
    expect(cells("v1", "LimitRange", { metadata: meta })).toEqual({ columns: ["Name", "Created At"], cells: ["lr", "2026-11-25T11:00:00Z"] });
  });
});
