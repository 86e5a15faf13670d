// The kinds the sandbox serves: the registry behind discovery, kubectl's resource names and the store.

export interface KindInfo {
  kind: string; // "Deployment"
  resource: string; // "deployments" (the plural, as in URLs)
  singular: string; // "deployment"
  group: string; // "" for the core group, "apps", ...
  version: string; // "v1"
  namespaced: boolean;
  shortNames: string[];
  categories: string[]; // "all" puts it in `kubectl get all`
  verbs: string[];
  subresources: string[]; // "status", "scale", "log", "exec", ...
}

const RW = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

function kind(k: Omit<KindInfo, "verbs" | "subresources"> & Partial<Pick<KindInfo, "verbs" | "subresources">>): KindInfo {
  return { verbs: RW, subresources: [], ...k };
}

export const KINDS: readonly KindInfo[] = [
  kind({ kind: "Namespace", resource: "namespaces", singular: "namespace", group: "", version: "v1", namespaced: false, shortNames: ["ns"], categories: [], verbs: ["create", "delete", "get", "list", "patch", "update", "watch"], subresources: ["status", "finalize"] }),
  kind({ kind: "Node", resource: "nodes", singular: "node", group: "", version: "v1", namespaced: false, shortNames: ["no"], categories: [], subresources: ["status", "proxy"] }),
  kind({ kind: "Pod", resource: "pods", singular: "pod", group: "", version: "v1", namespaced: true, shortNames: ["po"], categories: ["all"], subresources: ["status", "log", "exec", "attach", "portforward", "proxy", "binding", "eviction", "ephemeralcontainers"] }),
  kind({ kind: "ReplicationController", resource: "replicationcontrollers", singular: "replicationcontroller", group: "", version: "v1", namespaced: true, shortNames: ["rc"], categories: ["all"], subresources: ["status", "scale"] }),
  kind({ kind: "Service", resource: "services", singular: "service", group: "", version: "v1", namespaced: true, shortNames: ["svc"], categories: ["all"], verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"], subresources: ["status", "proxy"] }),
  kind({ kind: "Endpoints", resource: "endpoints", singular: "endpoints", group: "", version: "v1", namespaced: true, shortNames: ["ep"], categories: [] }),
  kind({ kind: "Event", resource: "events", singular: "event", group: "", version: "v1", namespaced: true, shortNames: ["ev"], categories: [] }),
  kind({ kind: "ConfigMap", resource: "configmaps", singular: "configmap", group: "", version: "v1", namespaced: true, shortNames: ["cm"], categories: [] }),
  kind({ kind: "Secret", resource: "secrets", singular: "secret", group: "", version: "v1", namespaced: true, shortNames: [], categories: [] }),
  kind({ kind: "ServiceAccount", resource: "serviceaccounts", singular: "serviceaccount", group: "", version: "v1", namespaced: true, shortNames: ["sa"], categories: [], subresources: ["token"] }),
  // Served so describe namespace finds none (kubectl prints "No resource quota." only when the list works).
  kind({ kind: "ResourceQuota", resource: "resourcequotas", singular: "resourcequota", group: "", version: "v1", namespaced: true, shortNames: ["quota"], categories: [], subresources: ["status"] }),
  kind({ kind: "LimitRange", resource: "limitranges", singular: "limitrange", group: "", version: "v1", namespaced: true, shortNames: ["limits"], categories: [] }),
  kind({ kind: "Deployment", resource: "deployments", singular: "deployment", group: "apps", version: "v1", namespaced: true, shortNames: ["deploy"], categories: ["all"], subresources: ["status", "scale"] }),
  kind({ kind: "ReplicaSet", resource: "replicasets", singular: "replicaset", group: "apps", version: "v1", namespaced: true, shortNames: ["rs"], categories: ["all"], subresources: ["status", "scale"] }),
  kind({ kind: "DaemonSet", resource: "daemonsets", singular: "daemonset", group: "apps", version: "v1", namespaced: true, shortNames: ["ds"], categories: ["all"], subresources: ["status"] }),
  kind({ kind: "HorizontalPodAutoscaler", resource: "horizontalpodautoscalers", singular: "horizontalpodautoscaler", group: "autoscaling", version: "v2", namespaced: true, shortNames: ["hpa"], categories: ["all"], subresources: ["status"] }),
  kind({ kind: "Job", resource: "jobs", singular: "job", group: "batch", version: "v1", namespaced: true, shortNames: [], categories: ["all"], subresources: ["status"] }),
  kind({ kind: "CronJob", resource: "cronjobs", singular: "cronjob", group: "batch", version: "v1", namespaced: true, shortNames: ["cj"], categories: ["all"], subresources: ["status"] }),
  // Access reviews: create-only, never stored; the learner is a cluster admin (kubectl auth can-i).
  kind({ kind: "SelfSubjectAccessReview", resource: "selfsubjectaccessreviews", singular: "selfsubjectaccessreview", group: "authorization.k8s.io", version: "v1", namespaced: false, shortNames: [], categories: [], verbs: ["create"] }),
  kind({ kind: "SelfSubjectRulesReview", resource: "selfsubjectrulesreviews", singular: "selfsubjectrulesreview", group: "authorization.k8s.io", version: "v1", namespaced: false, shortNames: [], categories: [], verbs: ["create"] }),
  // Node heartbeats: each kubelet renews kube-node-lease/<node> (describe node's Lease section).
  kind({ kind: "Lease", resource: "leases", singular: "lease", group: "coordination.k8s.io", version: "v1", namespaced: true, shortNames: [], categories: [] }),
  kind({ kind: "EndpointSlice", resource: "endpointslices", singular: "endpointslice", group: "discovery.k8s.io", version: "v1", namespaced: true, shortNames: [], categories: [] }),
];

export function groupVersion(k: Pick<KindInfo, "group" | "version">): string {
  return k.group ? `${k.group}/${k.version}` : k.version;
}

const byResource = new Map(KINDS.map((k) => [`${k.group}/${k.resource}`, k]));

/** Looks a kind up by group and plural resource name ("apps", "deployments"). */
export function kindByResource(group: string, resource: string): KindInfo | undefined {
  return byResource.get(`${group}/${resource}`);
}

export function kindByKind(apiVersion: string, kindName: string): KindInfo | undefined {
  return KINDS.find((k) => groupVersion(k) === apiVersion && k.kind === kindName);
}
