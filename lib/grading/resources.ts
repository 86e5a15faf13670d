// Where an object lives in the REST API: "pod/redis" → /api/v1/namespaces/default/pods/redis.
// Short names as kubectl's discovery gives them (kubectl api-resources).

interface Resource { prefix: string; plural: string; namespaced: boolean }

const CORE = "/api/v1";
const APPS = "/apis/apps/v1";
const TABLE: Record<string, Resource> = {};
function add(names: string[], r: Resource) {
  for (const n of names) TABLE[n] = r;
}
add(["pod", "pods", "po"], { prefix: CORE, plural: "pods", namespaced: true });
add(["service", "services", "svc"], { prefix: CORE, plural: "services", namespaced: true });
add(["configmap", "configmaps", "cm"], { prefix: CORE, plural: "configmaps", namespaced: true });
add(["secret", "secrets"], { prefix: CORE, plural: "secrets", namespaced: true });
add(["namespace", "namespaces", "ns"], { prefix: CORE, plural: "namespaces", namespaced: false });
add(["node", "nodes", "no"], { prefix: CORE, plural: "nodes", namespaced: false });
add(["serviceaccount", "serviceaccounts", "sa"], { prefix: CORE, plural: "serviceaccounts", namespaced: true });
add(["deployment", "deployments", "deploy"], { prefix: APPS, plural: "deployments", namespaced: true });
add(["replicaset", "replicasets", "rs"], { prefix: APPS, plural: "replicasets", namespaced: true });
add(["daemonset", "daemonsets", "ds"], { prefix: APPS, plural: "daemonsets", namespaced: true });
add(["statefulset", "statefulsets", "sts"], { prefix: APPS, plural: "statefulsets", namespaced: true });

export function objectPath(ref: string, namespace = "default"): string {
  const [kind, name] = ref.split("/");
  const r = TABLE[kind];
  if (!r || !name) throw new Error(`unknown object reference "${ref}"`);
  return r.namespaced ? `${r.prefix}/namespaces/${namespace}/${r.plural}/${name}` : `${r.prefix}/${r.plural}/${name}`;
}

export function collectionPath(plural: string, namespace = "default"): string {
  const r = TABLE[plural];
  if (!r) throw new Error(`unknown resource "${plural}"`);
  return r.namespaced ? `${r.prefix}/namespaces/${namespace}/${r.plural}` : `${r.prefix}/${r.plural}`;
}
