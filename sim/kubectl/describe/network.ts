// Service, Endpoints and EndpointSlice describers (describe.go, kubectl v1.32).

import type { KubeObject } from "../../api/types";
import { formatLabels, joinHostPort } from "../../apiserver/printers/columns";
import type { Reader } from "./api";
import { describeEvents, refOf, searchEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./format";
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter } from "./prefix-writer";

/* eslint-disable @typescript-eslint/no-explicit-any */

/** formatEndpointSlices for one service port name: ready addresses as ip:port, three then "+ N more...". */
export function formatEndpointSlices(slices: KubeObject[], portName: string | undefined): string {
  if (slices.length === 0) return "<none>";
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  const ready = (e: any) => e.conditions?.ready === undefined || e.conditions?.ready === null || e.conditions.ready === true;
  for (const s of slices) {
    const ports: any[] = s.ports ?? [];
    const endpoints: any[] = s.endpoints ?? [];
    if (ports.length === 0) {
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(e.addresses[0]);
        count++;
      }
      continue;
    }
    for (const p of ports) {
      if (portName !== undefined && (p.name ?? "") !== portName) continue;
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(joinHostPort(e.addresses[0], p.port));
        count++;
      }
    }
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - max} more...` : ret;
}

function loadBalancerIngress(ingress: any[]): string {
  return ingress.map((i) => (i.ip ? i.ip + (i.ipMode ? ` (${i.ipMode})` : "") : (i.hostname ?? ""))).join(", ");
}

export function describeService(r: Reader, svc: KubeObject, showEvents: boolean): string {
  const slices = r.list("endpointslices", "discovery.k8s.io", svc.metadata.namespace, { labelSelector: `kubernetes.io/service-name=${svc.metadata.name}` })
    .items.filter((s) => s.metadata.labels?.["kubernetes.io/service-name"] === svc.metadata.name);
  const events = showEvents ? searchEvents(r, refOf(svc)) : undefined;
  const spec = svc.spec ?? {};
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace}\n`);
  printLabelsMultiline(w, "Labels", svc.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", svc.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type ?? ""}\n`);
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).join(",") || "<none>"}\n`);
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ""}\n`);
  w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).join(",") || "<none>"}\n`);
  if ((spec.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(",")}\n`);
  if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
  const ingress: any[] = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${loadBalancerIngress(ingress)}\n`);
  for (const p of spec.ports ?? []) {
    const name = p.name || "<unset>";
    w.write(LEVEL_0, `Port:\t${name}\t${p.port}/${p.protocol}\n`);
    w.write(LEVEL_0, `TargetPort:\t${p.targetPort ?? 0}/${p.protocol}\n`);
    if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${p.nodePort}/${p.protocol}\n`);
    w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? "")}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ""}\n`);
  if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if ((spec.loadBalancerSourceRanges ?? []).length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(",")}\n`);
  if (events) describeEvents(events, w, r.now());
  return w.toString();
}

export function describeEndpoints(r: Reader, ep: KubeObject, showEvents: boolean): string {
  const events = showEvents ? searchEvents(r, refOf(ep)) : undefined;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ep.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace}\n`);
  printLabelsMultiline(w, "Labels", ep.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", ep.metadata.annotations);
  w.write(LEVEL_0, "Subsets:\n");
  for (const ss of ep.subsets ?? []) {
    w.write(LEVEL_1, `Addresses:\t${(ss.addresses ?? []).map((a: any) => a.ip).join(",") || "<none>"}\n`);
    w.write(LEVEL_1, `NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a: any) => a.ip).join(",") || "<none>"}\n`);
    if ((ss.ports ?? []).length > 0) {
      w.write(LEVEL_1, "Ports:\n");
      w.write(LEVEL_2, "Name\tPort\tProtocol\n");
      w.write(LEVEL_2, "----\t----\t--------\n");
      for (const p of ss.ports) w.write(LEVEL_2, `${p.name || "<unset>"}\t${p.port}\t${p.protocol}\n`);
    }
    w.write(LEVEL_0, "\n");
  }
  if (events) describeEvents(events, w, r.now());
  return w.toString();
}

export function describeEndpointSlice(r: Reader, eps: KubeObject, showEvents: boolean): string {
  const events = showEvents ? searchEvents(r, refOf(eps)) : undefined;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${eps.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${eps.metadata.namespace}\n`);
  printLabelsMultiline(w, "Labels", eps.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", eps.metadata.annotations);
  w.write(LEVEL_0, `AddressType:\t${eps.addressType ?? ""}\n`);
  const ports: any[] = eps.ports ?? [];
  if (ports.length === 0) w.write(LEVEL_0, "Ports: <unset>\n");
  else {
    w.write(LEVEL_0, "Ports:\n");
    w.write(LEVEL_1, "Name\tPort\tProtocol\n");
    w.write(LEVEL_1, "----\t----\t--------\n");
    for (const p of ports) w.write(LEVEL_1, `${p.name || "<unset>"}\t${p.port ?? "<unset>"}\t${p.protocol ?? ""}\n`);
  }
  const endpoints: any[] = eps.endpoints ?? [];
  if (endpoints.length === 0) w.write(LEVEL_0, "Endpoints: <none>\n");
  else {
    w.write(LEVEL_0, "Endpoints:\n");
    for (const e of endpoints) {
      w.write(LEVEL_1, `- Addresses:\t${(e.addresses ?? []).join(", ") || "<none>"}\n`);
      w.write(LEVEL_2, "Conditions:\n");
      const ready = e.conditions?.ready;
      w.write(LEVEL_3, `Ready:\t${ready === undefined || ready === null ? "<unset>" : String(ready)}\n`);
      w.write(LEVEL_2, `Hostname:\t${e.hostname ?? "<unset>"}\n`);
      if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`);
      w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? "<unset>"}\n`);
      w.write(LEVEL_2, `Zone:\t${e.zone ?? "<unset>"}\n`);
    }
  }
  if (events) describeEvents(events, w, r.now());
  return w.toString();
}
