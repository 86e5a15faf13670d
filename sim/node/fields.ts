// Downward API field paths (pkg/fieldpath ExtractFieldPathAsString, plus the kubelet's status.* ones).

import type { KubeObject } from "../api/types";

export function fieldValue(path: string, pod: KubeObject, hostIP: string, podIP: string): string {
  const meta = pod.metadata;
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return (meta[m[1]] as Record<string, string> | undefined)?.[m[2]] ?? "";
  switch (path) {
    case "metadata.name": return meta.name ?? "";
    case "metadata.namespace": return meta.namespace ?? "";
    case "metadata.uid": return meta.uid ?? "";
    case "spec.nodeName": return pod.spec?.nodeName ?? "";
    case "spec.serviceAccountName": return pod.spec?.serviceAccountName ?? "";
    case "status.hostIP": case "status.hostIPs": return hostIP;
    case "status.podIP": case "status.podIPs": return podIP;
  }
  return "";
}
