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
  "describe node node01":
    "Node Lease: the API server serves no coordination.k8s.io/v1 Leases, so the real kubectl prints \"Failed to get lease: the server could not find the requested resource\"; ours invents one (sim/kubectl/describe/node.ts). Fix: serve Lease in sim/api/kinds.ts + have the kubelet/node lifecycle renew kube-node-lease/<node>, and make the describer GET it.",
  "describe namespace team-a":
    "ResourceQuota/LimitRange not served: the real kubectl omits \"No resource quota.\"/\"No LimitRange resource.\" when the list is a 404; ours prints them as a real server would. Fix: serve resourcequotas and limitranges (sim/api/kinds.ts, empty lists).",
  "describe node controlplane": "Same as describe node node01 (no Lease served; ours invents one).",
  "get pods -o go-template={{range .items}}{{.metadata.name}}{{\"\\n\"}}{{end}}":
    "-o go-template is not implemented (sim/kubectl/output: text/template subset: range, index, printf, len, if).",
  "auth can-i create pods":
    "kubectl auth is not implemented (sim/kubectl registry), and the API server does not serve authorization.k8s.io/v1 SelfSubjectAccessReview (the real kubectl gets NotFound); a kubeadm admin gets \"yes\".",
  "delete namespace team-a":
    "Namespace deletion is broken: a reconciler records an Event in the terminating namespace, the API server refuses it (Forbidden) and the exception aborts the whole request (real: 500 InternalError, ours: sandbox rollback). Fix: sim/apiserver/events.ts recordEvent must drop events the server refuses (client-go's recorder does).",
  "cordon node01": "kubectl cordon is not implemented (sim/kubectl registry).",
  "taint nodes node01 dedicated=db:NoSchedule": "kubectl taint is not implemented (sim/kubectl registry).",
  "get events --sort-by=.metadata.creationTimestamp": "Same tie order issue as --sort-by=.metadata.creationTimestamp on pods (Go sort.Sort vs our stable sort, sim/kubectl/output/sort.ts).",
  "explain pod.spec.containers":
    "The API server serves no OpenAPI v3 (/openapi/v3, /openapi/v3/api/v1), so the real kubectl fails with \"GVK ... not found in OpenAPI schema\"; ours explains from built-in docs (likely right for a real cluster). Fix: sim/apiserver should serve OpenAPI v3 documents for the served kinds.",
  "top nodes":
    "kubectl top: a kubeadm cluster without metrics-server prints \"error: Metrics API not available\" (exit 1); ours prints \"kubectl top is not available in this simulator yet\" (sim/kubectl registry: add top with that message).",
  "set resources deploy web --limits=cpu=200m": "kubectl set resources is not implemented (sim/kubectl: set subcommands; \"unknown flag: --limits\").",
  "autoscale deploy web --max=5":
    "kubectl autoscale is not implemented (sim/kubectl registry), and the API server does not serve autoscaling/v2 HorizontalPodAutoscaler (the real kubectl gets NotFound).",
  "delete all --all -n team-a":
    "kubectl delete does not expand the `all` category (sim/kubectl/verbs/delete.ts: \"the server doesn't have a resource type all\"); the real kubectl deletes pods, services, deployments and replica sets of the namespace.",
  "drain node01 --ignore-daemonsets": "kubectl drain is not implemented (sim/kubectl registry; it cordons, then evicts pods through the eviction subresource).",
  "wait --for=condition=Available deploy/web --timeout=5s": "kubectl wait is not implemented (sim/kubectl registry; conditions via a watch, --for=delete, timeouts in virtual time).",
  "wait --for=condition=Ready pod/crasher --timeout=1s": "kubectl wait is not implemented (real: \"error: timed out waiting for the condition on pods/crasher\").",
  "wait --for=delete pod/badimage --timeout=1s": "kubectl wait is not implemented (real: \"error: timed out waiting for the condition on pods/badimage\").",
};
