// Admission plugins that touch every new Pod, in the API server's order: ServiceAccount
// (plugin/pkg/admission/serviceaccount), Priority (plugin/pkg/admission/priority) and
// DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds).

/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KubeObject } from "../types";
import { StrategyError, type StrategyContext } from "../strategy";

const SA_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
const TOKEN_EXPIRATION_SECONDS = 3607;

/** System priority classes every cluster has (pkg/apis/scheduling SystemPriorityClasses). */
const SYSTEM_PRIORITY_CLASSES: Record<string, number> = {
  "system-node-critical": 2000001000,
  "system-cluster-critical": 2000000000,
};

function forbiddenPod(name: string, why: string): StrategyError {
  return new StrategyError(403, "Forbidden", `pods "${name}" is forbidden: ${why}`);
}

function hasMount(c: any): boolean {
  return (c.volumeMounts ?? []).some((m: any) => m?.mountPath === SA_MOUNT_PATH);
}

export function admitServiceAccount(pod: KubeObject, ctx: StrategyContext): void {
  const spec = pod.spec;
  if (!spec) return;
  // Mirror pods (static pods) are left alone.
  if (pod.metadata.annotations?.["kubernetes.io/config.mirror"]) return;
  const saName: string = spec.serviceAccountName || spec.serviceAccount || "default";
  spec.serviceAccountName = saName;
  spec.serviceAccount = saName;
  const ns = pod.metadata.namespace ?? "default";
  const sa = ctx.get("/serviceaccounts", ns, saName);
  // The real plugin also rejects a missing "default" account; the serviceaccount controller
  // creates it in the same step as the namespace here, so only named accounts are checked.
  if (!sa && saName !== "default") throw forbiddenPod(pod.metadata.name ?? "", `error looking up service account ${ns}/${saName}: serviceaccount "${saName}" not found`);
  if (!spec.imagePullSecrets?.length && sa?.imagePullSecrets?.length) spec.imagePullSecrets = structuredClone(sa.imagePullSecrets);
  const automount = spec.automountServiceAccountToken ?? sa?.automountServiceAccountToken ?? true;
  if (!automount) return;
  const containers: any[] = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  if (containers.every(hasMount)) return;
  const volumeName = `kube-api-access-${ctx.prng.string(5)}`;
  spec.volumes = [
    ...(spec.volumes ?? []),
    {
      name: volumeName,
      projected: {
        sources: [
          { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: "token" } },
          { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
          { downwardAPI: { items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }] } },
        ],
        defaultMode: 420,
      },
    },
  ];
  for (const c of containers) {
    if (hasMount(c)) continue;
    c.volumeMounts = [...(c.volumeMounts ?? []), { name: volumeName, readOnly: true, mountPath: SA_MOUNT_PATH }];
  }
}

export function admitPriority(pod: KubeObject, ctx: StrategyContext): void {
  const spec = pod.spec;
  if (!spec) return;
  const className: string | undefined = spec.priorityClassName || undefined;
  if (className === undefined) {
    spec.priority ??= 0;
  } else if (SYSTEM_PRIORITY_CLASSES[className] !== undefined) {
    spec.priority = SYSTEM_PRIORITY_CLASSES[className];
  } else {
    const pc = ctx.get("scheduling.k8s.io/priorityclasses", undefined, className);
    if (!pc) throw forbiddenPod(pod.metadata.name ?? "", `no PriorityClass with name ${className} was found`);
    spec.priority = pc.value ?? 0;
    spec.preemptionPolicy ??= pc.preemptionPolicy;
  }
  spec.preemptionPolicy ??= "PreemptLowerPriority";
}

const DEFAULT_TOLERATIONS = ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"];

export function admitDefaultTolerationSeconds(pod: KubeObject): void {
  const spec = pod.spec;
  if (!spec) return;
  const tolerations: any[] = spec.tolerations ?? [];
  for (const key of DEFAULT_TOLERATIONS) {
    const tolerated = tolerations.some((t) => (t?.effect === "NoExecute" || !t?.effect) && (t?.key === key || !t?.key));
    if (!tolerated) tolerations.push({ key, operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;
}
