// Which lists merge by key in a strategic merge patch: the `patchStrategy:"merge"` and
// `patchMergeKey` struct tags of k8s.io/api (core/v1/types.go, apps/v1/types.go), by field path.

export interface ListMeta {
  strategy: "merge" | "replace";
  /** For lists of maps; undefined for lists of scalars. */
  mergeKey?: string;
}

const POD_SPEC_LISTS: Record<string, string> = {
  containers: "name",
  initContainers: "name",
  ephemeralContainers: "name",
  volumes: "name",
  imagePullSecrets: "name",
  hostAliases: "ip",
  topologySpreadConstraints: "topologyKey",
  resourceClaims: "name",
};

const CONTAINER_LISTS: Record<string, string> = {
  ports: "containerPort",
  env: "name",
  volumeMounts: "mountPath",
  volumeDevices: "devicePath",
};

const CONTAINER_FIELDS = new Set(["containers", "initContainers", "ephemeralContainers"]);

/** Paths are field names from the object's root, list indexes left out ("spec", "containers", "env"). */
export function listMetaFor(kind: string, path: string[]): ListMeta {
  const field = path[path.length - 1];
  const parent = path[path.length - 2];
  if (path.length === 2 && path[0] === "metadata") {
    if (field === "finalizers") return { strategy: "merge" };
    if (field === "ownerReferences") return { strategy: "merge", mergeKey: "uid" };
  }
  if (kind === "Service" && path.length === 2 && path[0] === "spec" && field === "ports") return { strategy: "merge", mergeKey: "port" };
  if (parent !== undefined && CONTAINER_FIELDS.has(parent) && CONTAINER_LISTS[field]) return { strategy: "merge", mergeKey: CONTAINER_LISTS[field] };
  if (parent === "spec" && POD_SPEC_LISTS[field] && isPodSpecPath(kind, path.slice(0, -1))) return { strategy: "merge", mergeKey: POD_SPEC_LISTS[field] };
  if (field === "conditions" && parent === "status") return { strategy: "merge", mergeKey: "type" };
  return { strategy: "replace" };
}

function isPodSpecPath(kind: string, specPath: string[]): boolean {
  const p = specPath.join(".");
  if (kind === "Pod") return p === "spec";
  if (kind === "PodTemplate") return p === "template.spec";
  if (kind === "CronJob") return p === "spec.jobTemplate.spec.template.spec";
  return p === "spec.template.spec";
}
