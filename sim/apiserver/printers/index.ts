// Server-side Table printers per kind (pkg/printers/internalversion/printers.go). (Filled in by the printers work.)
import type { KindInfo } from "../../api/kinds";
import type { KubeObject, Table } from "../../api/types";

export type IncludeObject = "None" | "Metadata" | "Object";

/** Converts objects of one kind to a meta.k8s.io/v1 Table, with the v1.32 server's columns. */
export function toTable(k: KindInfo, objects: KubeObject[], opts: { now: number; includeObject: IncludeObject; resourceVersion?: string }): Table {
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: { resourceVersion: opts.resourceVersion },
    columnDefinitions: [
      { name: "Name", type: "string", format: "name", description: "Name must be unique within a namespace.", priority: 0 },
    ],
    rows: objects.map((o) => ({ cells: [o.metadata.name], object: opts.includeObject === "None" ? undefined : o })),
  };
}
