// Cases where the real kubectl v1.32.5 and ours disagree today, keyed by case id (cases.ts), each
// with the component to fix. oracle.test.ts expects these to still differ: when one is fixed the
// suite fails until the entry is removed, so this list only ever shrinks honestly.

export const KNOWN_MISMATCHES: Record<string, string> = {
  "get all -A":
    "API server discovery order: sim/apiserver/discovery.ts lists each group's resources in KINDS order (apps: deployments, replicasets, daemonsets); kube-apiserver lists them sorted by name (daemonsets, deployments, replicasets), which is the order the real kubectl expands `all` in. Ours already uses the real order.",
  "get pods -A --sort-by=.metadata.creationTimestamp":
    "kubectl --sort-by tie order: sim/kubectl/output/sort.ts sorts stably; kubectl's TableSorter uses Go's sort.Sort (pdqsort, not stable), so rows with equal keys come out in pdqsort's order. Port sort.Sort (insertion sort up to 12 rows, then pdqsort) for ties.",
  "get pods --sort-by=.spec.nope":
    "kubectl --sort-by on a missing field: the real v1.32 kubectl prints \"No resources found in default namespace.\" and exits 0 when no row has the field (sim/kubectl/verbs/get.ts / output/sort.ts print a jsonpath error, exit 1).",
  "replace -f $DIR/crasher-renamed.yaml": "kubectl replace is not implemented (sim/kubectl/registry.ts has no `replace` verb).",
  "replace -f $DIR/crasher-new-image.yaml": "kubectl replace is not implemented (sim/kubectl/registry.ts has no `replace` verb).",
  "describe node node01":
    "Node Lease: the API server serves no coordination.k8s.io/v1 Leases, so the real kubectl prints \"Failed to get lease: the server could not find the requested resource\"; ours invents one (sim/kubectl/describe/node.ts). Fix: serve Lease in sim/api/kinds.ts + have the kubelet/node lifecycle renew kube-node-lease/<node>, and make the describer GET it.",
  "describe namespace team-a":
    "ResourceQuota/LimitRange not served: the real kubectl omits \"No resource quota.\"/\"No LimitRange resource.\" when the list is a 404; ours prints them as a real server would. Fix: serve resourcequotas and limitranges (sim/api/kinds.ts, empty lists).",
};
