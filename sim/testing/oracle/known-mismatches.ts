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
  "get svc,ep web":
    "kubectl get argument parsing: `TYPE1,TYPE2 NAME` is valid (resource.Builder gets NAME of each type); sim/kubectl/verbs/get.ts rejects it with \"you may only specify a single resource type\".",
  "get pods -o go-template={{range .items}}{{.metadata.name}}{{\"\\n\"}}{{end}}":
    "-o go-template is not implemented (sim/kubectl/output: text/template subset: range, index, printf, len, if).",
  "auth can-i create pods":
    "kubectl auth is not implemented (sim/kubectl registry), and the API server does not serve authorization.k8s.io/v1 SelfSubjectAccessReview (the real kubectl gets NotFound); a kubeadm admin gets \"yes\".",
  "delete namespace team-a":
    "Namespace deletion is broken: a reconciler records an Event in the terminating namespace, the API server refuses it (Forbidden) and the exception aborts the whole request (real: 500 InternalError, ours: sandbox rollback). Fix: sim/apiserver/events.ts recordEvent must drop events the server refuses (client-go's recorder does).",
  "cordon node01": "kubectl cordon is not implemented (sim/kubectl registry).",
  "taint nodes node01 dedicated=db:NoSchedule": "kubectl taint is not implemented (sim/kubectl registry).",
  "logs crasher -c wrong":
    "kubectl logs checks -c against the pod's containers before asking the server and prints \"error: container wrong is not valid for pod crasher\"; ours forwards the server's BadRequest (sim/kubectl/verbs/logs.ts).",
  "create job once --image=busybox":
    "kubectl create job is not implemented (sim/kubectl/verbs/create-subcommands.ts: \"unknown flag: --image\"); the API server does not serve batch/v1 jobs either (real: \"error: failed to create job: the server could not find the requested resource\").",
  "scale deployment nope --replicas=1":
    "kubectl scale of a missing object: v1.32 prints \"error: no objects passed to scale deployments.apps \\\"nope\\\" not found\" (scale.go wraps the builder's error); ours prints \"Error from server (NotFound): ...\" (sim/kubectl/verbs/scale.ts).",
};
