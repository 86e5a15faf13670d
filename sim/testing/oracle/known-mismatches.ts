// Cases where the real kubectl v1.32.5 and ours disagree today, keyed by case id (cases.ts), each
// with the component to fix. oracle.test.ts expects these to still differ: when one is fixed the
// suite fails until the entry is removed, so this list only ever shrinks honestly.

export const KNOWN_MISMATCHES: Record<string, string> = {
  "autoscale deploy web --max=5":
    "Owner: kubectl engineer (sim/kubectl registry: autoscale prints \"not available in this simulator yet\") plus API (autoscaling/v2 HorizontalPodAutoscaler is not served, so the real kubectl gets \"Error from server (NotFound): the server could not find the requested resource\"). Serving HPA alone would make the real kubectl succeed and ours still refuse.",
};
