// The Service that `kubectl expose` and `kubectl run --expose` build
// (staging/src/k8s.io/kubectl/pkg/generate/versioned/service.go, ServiceGeneratorV2).

import type { KubeObject } from "../../api/types";
import { generatedMeta } from "./meta";

export interface ExposePort {
  port: number;
  protocol: string;
}

export interface ExposeOptions {
  name: string;
  selector: Record<string, string>;
  ports: ExposePort[];
  /** --target-port: a number or a port name; empty: each port targets itself. */
  targetPort?: string;
  type?: string;
  clusterIP?: string;
  externalIP?: string;
  loadBalancerIP?: string;
  sessionAffinity?: string;
  labels?: Record<string, string>;
  namespace?: string;
  copyLabels?: boolean;
}

export function generateExposeService(o: ExposeOptions): KubeObject {
  const target = o.targetPort ? (/^-?\d+$/.test(o.targetPort) ? Number(o.targetPort) : o.targetPort) : undefined;
  const ports = o.ports.map((p, i) => {
    const sp: Record<string, unknown> = {};
    if (o.ports.length > 1) sp.name = `port-${i + 1}`;
    sp.protocol = p.protocol;
    sp.port = p.port;
    sp.targetPort = target ?? p.port;
    return sp;
  });
  const spec: Record<string, unknown> = { ports, selector: { ...o.selector } };
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  if (o.type) spec.type = o.type;
  if (o.externalIP) spec.externalIPs = [o.externalIP];
  if (o.sessionAffinity) spec.sessionAffinity = o.sessionAffinity;
  if (o.type === "LoadBalancer" && o.loadBalancerIP) spec.loadBalancerIP = o.loadBalancerIP;
  return {
    kind: "Service",
    apiVersion: "v1",
    metadata: generatedMeta(o.name, { namespace: o.namespace, labels: o.labels }),
    spec,
    status: { loadBalancer: {} },
  };
}
