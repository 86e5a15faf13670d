// Describers per kind (staging/src/k8s.io/kubectl/pkg/describe/describe.go, kubectl v1.32).
// Each reads through the API as the real describer does: the object, then related objects and
// Events (by involvedObject field selector).

import { kindByResource, type KindInfo } from "../../api/kinds";
import type { KubeObject } from "../../api/types";
import type { ClusterPort } from "../../core/process";
import { Reader } from "./api";
import { describeConfigMap, describeGeneric, describeNamespace, describeSecret, describeServiceAccount } from "./misc";
import { describeEndpoints, describeEndpointSlice, describeService } from "./network";
import { describeNode } from "./node";
import { describePodByName } from "./pod";
import { describeHpa } from "./autoscaling";
import { describeCronJob, describeDaemonSet, describeDeployment, describeJob, describeReplicaSet, describeReplicationController } from "./workloads";

type Describer = (r: Reader, o: KubeObject, showEvents: boolean) => string;

const DESCRIBERS: Record<string, Describer> = {
  "/Pod": describePodByName,
  "/Namespace": (r, o) => describeNamespace(r, o),
  "/Node": describeNode,
  "/ReplicationController": describeReplicationController,
  "/Service": describeService,
  "/Endpoints": describeEndpoints,
  "/ConfigMap": describeConfigMap,
  "/Secret": (_r, o) => describeSecret(o),
  "/ServiceAccount": describeServiceAccount,
  "apps/Deployment": describeDeployment,
  "apps/ReplicaSet": describeReplicaSet,
  "apps/DaemonSet": describeDaemonSet,
  "autoscaling/HorizontalPodAutoscaler": describeHpa,
  "batch/Job": describeJob,
  "batch/CronJob": describeCronJob,
  "discovery.k8s.io/EndpointSlice": describeEndpointSlice,
};

/** The text `kubectl describe KIND NAME` prints, or undefined when the object does not exist. */
export function describeObject(k: KindInfo, namespace: string | undefined, name: string, port: ClusterPort, opts: { showEvents: boolean }): string | undefined {
  const r = new Reader(port);
  // Describers read the version they know (autoscaling/v2 for an HPA named as v1, as the real one).
  const o = r.get(kindByResource(k.group, k.resource) ?? k, k.namespaced ? namespace : undefined, name);
  if (!o) return undefined;
  const describe = DESCRIBERS[`${k.group}/${k.kind}`] ?? describeGeneric;
  return describe(r, o, opts.showEvents);
}
