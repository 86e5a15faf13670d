// Table responses (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/response.go asTable):
// the printers compute the cells; the server decides what each row's `object` carries from the
// `includeObject` query parameter (default Metadata: a PartialObjectMetadata).

import type { KindInfo } from "../api/kinds";
import type { KubeObject, Table } from "../api/types";
import type { ApiRequest } from "../core/api-types";
import { toTable, type IncludeObject } from "./printers/index";
import { badRequest } from "./errors";

/** Whether an Accept header asks for a meta.k8s.io Table (kubectl get sends `application/json;as=Table;v=v1;g=meta.k8s.io,...`). */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(",").some((part) => {
    const params = part.split(";").map((x) => x.trim());
    return params.includes("as=Table") && !params.some((x) => x.startsWith("g=") && x !== "g=meta.k8s.io");
  });
}

export function includeObjectOf(query: Record<string, string> | undefined): IncludeObject {
  const v = query?.includeObject ?? "";
  if (v === "" || v === "Metadata") return "Metadata";
  if (v === "Object" || v === "None") return v;
  throw badRequest(`Invalid value: "${v}": must be 'Metadata', 'Object', 'None', or empty`);
}

export function partialObjectMetadata(o: KubeObject): unknown {
  return { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: o.metadata };
}

export function asTable(k: KindInfo, objects: KubeObject[], req: ApiRequest, now: number, resourceVersion?: string): Table {
  const includeObject = includeObjectOf(req.query);
  const table = toTable(k, objects, { now, includeObject, resourceVersion });
  table.rows = table.rows.map((row, i) => {
    const o = objects[i];
    if (includeObject === "None" || !o) return { cells: row.cells };
    return { cells: row.cells, object: includeObject === "Object" ? o : partialObjectMetadata(o) };
  });
  return table;
}
