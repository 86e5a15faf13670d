// Cases where the real kubectl v1.32.5 and ours disagree today, keyed by case id (cases.ts), each
// with the component to fix. oracle.test.ts expects these to still differ: when one is fixed the
// suite fails until the entry is removed, so this list only ever shrinks honestly.

export const KNOWN_MISMATCHES: Record<string, string> = {
  "explain pod.spec.containers":
    "The API server serves no OpenAPI v3 (/openapi/v3, /openapi/v3/api/v1), so the real kubectl fails with \"GVK ... not found in OpenAPI schema\"; ours explains from built-in docs (likely right for a real cluster). Fix: sim/apiserver should serve OpenAPI v3 documents for the served kinds.",
  "autoscale deploy web --max=5":
    "kubectl autoscale is not implemented (sim/kubectl registry), and the API server does not serve autoscaling/v2 HorizontalPodAutoscaler (the real kubectl gets NotFound).",
};
