// Every controller of the kube-controller-manager the sandbox runs (plus the API server's event TTL).
import type { Reconciler } from "../cluster";
import { replicaSetReconciler, replicationControllerReconciler } from "./replicaset";
import { deploymentReconciler } from "./deployment";
import { daemonSetReconciler } from "./daemonset";
import { endpointSliceReconciler, endpointsReconciler } from "./endpoints";
import { rootCaPublisherReconciler, serviceAccountReconciler } from "./namespace-content";
import { namespaceReconciler } from "./namespace";
import { garbageCollectorReconciler } from "./garbage-collector";
import { eventTtlReconciler } from "./event-ttl";
import { podGcReconciler } from "./pod-gc";
import { nodeLifecycleReconciler, type NodeHealthProbe } from "./node-lifecycle";
import { jobReconciler } from "./job";
import { cronJobReconciler } from "./cronjob";
import { ttlAfterFinishedReconciler } from "./ttl-after-finished";
import { hpaReconciler } from "./hpa";

export type { NodeHealthProbe };

/** `probe` tells the node lifecycle controller whether each node's kubelet runs (the world wires it). */
export function controllerReconcilers(probe: NodeHealthProbe = {}): Reconciler[] {
  return [
    namespaceReconciler(),
    serviceAccountReconciler(),
    rootCaPublisherReconciler(),
    nodeLifecycleReconciler(probe),
    deploymentReconciler(),
    replicaSetReconciler(),
    replicationControllerReconciler(),
    daemonSetReconciler(),
    cronJobReconciler(),
    jobReconciler(),
    ttlAfterFinishedReconciler(),
    hpaReconciler(),
    endpointsReconciler(),
    endpointSliceReconciler(),
    garbageCollectorReconciler(),
    podGcReconciler(),
    eventTtlReconciler(),
  ];
}
