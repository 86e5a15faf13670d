// `kubectl describe pod` (describe.go PodDescriber / describePod, kubectl v1.32).

import type { KubeObject } from "../../api/types";
import type { Reader } from "./api";
import { describeContainers, describeVolumes, type EnvResolver } from "./containers";
import { describeEvents, searchEvents } from "./events";
import { controllerOf, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline, rfc1123z, since } from "./format";
import { LEVEL_0, LEVEL_1, PrefixWriter } from "./prefix-writer";
import { parseQuantity } from "./quantity";

/* eslint-disable @typescript-eslint/no-explicit-any */

/** fieldpath.ExtractFieldPathAsString for the downward API fields a pod can reference. */
export function podFieldResolver(pod: KubeObject): EnvResolver {
  return (path) => {
    const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
    if (m) return (pod.metadata as any)[m[1]]?.[m[2]] ?? "";
    switch (path) {
      case "metadata.name": return pod.metadata.name ?? "";
      case "metadata.namespace": return pod.metadata.namespace ?? "";
      case "metadata.uid": return pod.metadata.uid ?? "";
      case "spec.nodeName": return pod.spec?.nodeName ?? "";
      case "spec.serviceAccountName": return pod.spec?.serviceAccountName ?? "";
      case "status.hostIP": return pod.status?.hostIP ?? "";
      case "status.hostIPs": return (pod.status?.hostIPs ?? []).map((x: any) => x.ip).join(",");
      case "status.podIP": return pod.status?.podIP ?? "";
      case "status.podIPs": return (pod.status?.podIPs ?? []).map((x: any) => x.ip).join(",");
      default: return "";
    }
  };
}

/** qos.GetPodQOS: the status field when set, else computed from requests and limits. */
export function podQOS(pod: KubeObject): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const containers: any[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  let anySet = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ["cpu", "memory"]) {
      if (req[r] !== undefined || lim[r] !== undefined) anySet = true;
      const l = parseQuantity(lim[r]);
      const q = parseQuantity(req[r] ?? lim[r]);
      if (!l || !q || l.nanos !== q.nanos) guaranteed = false;
    }
  }
  if (!anySet) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}

export function describePod(pod: KubeObject, events: KubeObject[] | undefined, now: number): string {
  const w = new PrefixWriter();
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace}\n`);
  if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ""}\n` : "Node:\t<none>\n");
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  printLabelsMultiline(w, "Labels", pod.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && status.phase !== "Failed" && status.phase !== "Succeeded") {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pod.metadata.deletionTimestamp, now)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ""}\n`);
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  const seccomp = spec.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === "Localhost") w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ""}\n`);
  }
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ""}\n`);
  const ips: any[] = status.podIPs ?? [];
  if (ips.length === 0) w.write(LEVEL_0, "IPs:\t<none>\n");
  else {
    w.write(LEVEL_0, "IPs:\n");
    for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  }
  const controlledBy = controllerOf(pod);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  const resolve = podFieldResolver(pod);
  if ((spec.initContainers ?? []).length > 0) describeContainers("Init Containers", spec.initContainers, status.initContainerStatuses, resolve, w, "");
  describeContainers("Containers", spec.containers, status.containerStatuses, resolve, w, "");
  if ((spec.ephemeralContainers ?? []).length > 0) describeContainers("Ephemeral Containers", spec.ephemeralContainers, status.ephemeralContainerStatuses, resolve, w, "");
  if ((spec.readinessGates ?? []).length > 0) {
    w.write(LEVEL_0, "Readiness Gates:\n  Type\tStatus\n");
    for (const g of spec.readinessGates) {
      const c = (status.conditions ?? []).find((x: any) => x.type === g.conditionType);
      w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : "<none>"} \n`);
    }
  }
  if ((status.conditions ?? []).length > 0) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\n");
    for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(spec.volumes, w, "");
  w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
  printLabelsMultiline(w, "Node-Selectors", spec.nodeSelector);
  printTolerationsMultiline(w, "Tolerations", spec.tolerations);
  describeTopologySpread(spec.topologySpreadConstraints, w);
  if (events) describeEvents(events, w, now);
  return w.toString();
}

function describeTopologySpread(tscs: any[] | undefined, w: PrefixWriter): void {
  if (!tscs || tscs.length === 0) return;
  const sorted = [...tscs].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  w.write(LEVEL_0, "Topology Spread Constraints:\t");
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    w.write(LEVEL_0, `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`);
    if (t.labelSelector) {
      const ml = Object.keys(t.labelSelector.matchLabels ?? {}).sort().map((k) => `${k}=${t.labelSelector.matchLabels[k]}`);
      w.write(LEVEL_0, ` for selector ${ml.join(",") || "<none>"}`);
    }
    w.write(LEVEL_0, "\n");
  });
}

/** PodDescriber.Describe: the pod, then events for it (kind left out of the reference, as kubectl does). */
export function describePodByName(r: Reader, pod: KubeObject, showEvents: boolean): string {
  let events: KubeObject[] | undefined;
  if (showEvents) {
    const mirror = pod.metadata.annotations?.["kubernetes.io/config.mirror"];
    events = searchEvents(r, { namespace: pod.metadata.namespace, name: pod.metadata.name ?? "", uid: mirror ?? pod.metadata.uid });
  }
  return describePod(pod, events, r.now());
}
