// What `kubectl rollout status` says about an object
// (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go).

import type { KubeObject } from "../../api/types";

export interface RolloutStatus {
  message: string;
  done: boolean;
  /** A failure that ends the command (progress deadline exceeded). */
  error?: string;
}

export function deploymentStatus(d: KubeObject): RolloutStatus {
  const name = d.metadata.name;
  const st = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const progressing = (st.conditions ?? []).find((c: { type: string }) => c.type === "Progressing");
    if (progressing?.reason === "ProgressDeadlineExceeded") return { message: "", done: false, error: `deployment "${name}" exceeded its progress deadline` };
    const want = d.spec?.replicas ?? 1;
    const updated = st.updatedReplicas ?? 0;
    const replicas = st.replicas ?? 0;
    const available = st.availableReplicas ?? 0;
    if (updated < want) return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...\n`, done: false };
    if (replicas > updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${replicas - updated} old replicas are pending termination...\n`, done: false };
    if (available < updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...\n`, done: false };
    return { message: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { message: "Waiting for deployment spec update to be observed...\n", done: false };
}

export function daemonSetStatus(ds: KubeObject): RolloutStatus {
  const name = ds.metadata.name;
  if (ds.spec?.updateStrategy?.type && ds.spec.updateStrategy.type !== "RollingUpdate") {
    return { message: "", done: true, error: "rollout status is only available for RollingUpdate strategy type" };
  }
  const st = ds.status ?? {};
  if ((ds.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const desired = st.desiredNumberScheduled ?? 0;
    const updated = st.updatedNumberScheduled ?? 0;
    const available = st.numberAvailable ?? 0;
    if (updated < desired) return { message: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`, done: false };
    if (available < desired) return { message: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...\n`, done: false };
    return { message: `daemon set "${name}" successfully rolled out\n`, done: true };
  }
  return { message: "Waiting for daemon set spec update to be observed...\n", done: false };
}

export function statusFor(o: KubeObject): RolloutStatus | undefined {
  if (o.kind === "Deployment") return deploymentStatus(o);
  if (o.kind === "DaemonSet") return daemonSetStatus(o);
  return undefined;
}
