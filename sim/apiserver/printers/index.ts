// Server-side Table printers per kind (pkg/printers/internalversion/printers.go, v1.32).
// The server always prints with Wide=true (pkg/printers/storage TableConvertor); kubectl drops
// priority-1 columns unless -o wide.

import type { KindInfo } from "../../api/kinds";
import type { KubeObject, Table, TableRow } from "../../api/types";
import { ageCol, nameCol, type Printer } from "./columns";
import { leasePrinter, resourceQuotaPrinter } from "./cluster-kinds";
import { configMapPrinter, eventPrinter, namespacePrinter, secretPrinter, serviceAccountPrinter } from "./core-kinds";
import { endpointSlicePrinter, endpointsPrinter, servicePrinter } from "./network";
import { nodePrinter } from "./node";
import { podPrinter } from "./pod";
import { hpaPrinter } from "./autoscaling";
import { cronJobPrinter, daemonSetPrinter, deploymentPrinter, jobPrinter, replicaSetPrinter, replicationControllerPrinter } from "./workloads";

export type IncludeObject = "None" | "Metadata" | "Object";

/** Printers keyed by "group/Kind". */
const PRINTERS: Record<string, Printer> = {
  "/Namespace": namespacePrinter,
  "/Node": nodePrinter,
  "/Pod": podPrinter,
  "/ReplicationController": replicationControllerPrinter,
  "/Service": servicePrinter,
  "/Endpoints": endpointsPrinter,
  "/Event": eventPrinter,
  "/ConfigMap": configMapPrinter,
  "/Secret": secretPrinter,
  "/ServiceAccount": serviceAccountPrinter,
  "apps/Deployment": deploymentPrinter,
  "apps/ReplicaSet": replicaSetPrinter,
  "apps/DaemonSet": daemonSetPrinter,
  "autoscaling/HorizontalPodAutoscaler": hpaPrinter,
  "batch/Job": jobPrinter,
  "batch/CronJob": cronJobPrinter,
  "discovery.k8s.io/EndpointSlice": endpointSlicePrinter,
  "/ResourceQuota": resourceQuotaPrinter,
  "coordination.k8s.io/Lease": leasePrinter,
};

/** Kinds without a printer get the default table (apiserver's defaultTableConvertor): Name, Created At. */
const defaultPrinter: Printer = {
  columns: [nameCol(), { ...ageCol(), name: "Created At", type: "date" }],
  print: (o) => ({ cells: [o.metadata.name, o.metadata.creationTimestamp ?? ""] }),
};

export function printerFor(k: Pick<KindInfo, "group" | "kind">): Printer {
  return PRINTERS[`${k.group}/${k.kind}`] ?? defaultPrinter;
}

function rowObject(o: KubeObject, includeObject: IncludeObject): unknown {
  if (includeObject === "None") return undefined;
  if (includeObject === "Object") return o;
  return { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: o.metadata };
}

/** Converts objects of one kind to a meta.k8s.io/v1 Table, with the v1.32 server's columns. */
export function toTable(k: KindInfo, objects: KubeObject[], opts: { now: number; includeObject: IncludeObject; resourceVersion?: string }): Table {
  const p = printerFor(k);
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: { resourceVersion: opts.resourceVersion },
    columnDefinitions: p.columns.map((c) => ({ ...c })),
    rows: objects.map((o) => {
      const r = p.print(o, opts.now);
      const row: TableRow & { conditions?: unknown } = { cells: r.cells };
      if (r.conditions) row.conditions = r.conditions;
      const obj = rowObject(o, opts.includeObject);
      if (obj !== undefined) row.object = obj;
      return row;
    }),
  };
}
