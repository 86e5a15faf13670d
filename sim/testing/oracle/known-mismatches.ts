// Cases where the real kubectl v1.32.5 and ours disagree today, keyed by case id (cases.ts), each
// with the component to fix. oracle.test.ts expects these to still differ: when one is fixed the
// suite fails until the entry is removed, so this list only ever shrinks honestly.

export const KNOWN_MISMATCHES: Record<string, string> = {
  "describe node node01":
    "Node Lease: the API server serves no coordination.k8s.io/v1 Leases, so the real kubectl prints \"Failed to get lease: the server could not find the requested resource\"; ours invents one (sim/kubectl/describe/node.ts). Fix: serve Lease in sim/api/kinds.ts + have the kubelet/node lifecycle renew kube-node-lease/<node>, and make the describer GET it.",
  "describe namespace team-a":
    "ResourceQuota/LimitRange not served: the real kubectl omits \"No resource quota.\"/\"No LimitRange resource.\" when the list is a 404; ours prints them as a real server would. Fix: serve resourcequotas and limitranges (sim/api/kinds.ts, empty lists).",
  "describe node controlplane": "Same as describe node node01 (no Lease served; ours invents one).",
  "explain pod.spec.containers":
    "The API server serves no OpenAPI v3 (/openapi/v3, /openapi/v3/api/v1), so the real kubectl fails with \"GVK ... not found in OpenAPI schema\"; ours explains from built-in docs (likely right for a real cluster). Fix: sim/apiserver should serve OpenAPI v3 documents for the served kinds.",
  "autoscale deploy web --max=5":
    "kubectl autoscale is not implemented (sim/kubectl registry), and the API server does not serve autoscaling/v2 HorizontalPodAutoscaler (the real kubectl gets NotFound).",
};
