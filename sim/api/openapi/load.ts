// The OpenAPI v3 schemas of the served kinds (sim/api/openapi/v1.32.json, extracted from
// Kubernetes v1.32's api/openapi-spec/v3 by scripts/extract-openapi.ts; Apache-2.0, see README.md
// here). About 430 KB, so it stays out of the eager bundle: `loadApiSchemas()` imports it on
// demand and everything after reads it synchronously through `apiSchemas()`.

export type OpenApiSchema = Record<string, unknown>;
export interface ApiSchemas {
  origin: string;
  /** For each group-version path ("api/v1", "apis/apps/v1"), the definitions its document holds. */
  groupVersions: Record<string, string[]>;
  /** Definitions by name ("io.k8s.api.core.v1.Pod"), each stored once. */
  definitions: Record<string, OpenApiSchema>;
}

let loaded: ApiSchemas | undefined;
let loading: Promise<ApiSchemas> | undefined;

/** Loads the schemas once (a dynamic import); later calls return the same data. */
export function loadApiSchemas(): Promise<ApiSchemas> {
  loading ??= import("./v1.32.json").then((m) => (loaded = (m.default ?? m) as unknown as ApiSchemas));
  return loading;
}

/** The schemas once `loadApiSchemas()` has finished, else undefined. */
export function apiSchemas(): ApiSchemas | undefined {
  return loaded;
}

/** components.schemas of the group-version document at `path` ("apis/apps/v1"). */
export function groupVersionSchemas(data: ApiSchemas, path: string): Record<string, OpenApiSchema> {
  return Object.fromEntries((data.groupVersions[path] ?? []).map((n) => [n, data.definitions[n]]));
}

/** The path of a group-version under /api or /apis, as in /openapi/v3's index ("apis/apps/v1"). */
export function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}
