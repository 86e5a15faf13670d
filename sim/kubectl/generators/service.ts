// `kubectl create service clusterip|nodeport|loadbalancer|externalname`
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_service.go).

import type { KubeObject } from "../../api/types";
import { GeneratorError, generatedMeta } from "./meta";

export type ServiceType = "ClusterIP" | "NodePort" | "LoadBalancer" | "ExternalName";

export interface ServiceOptions {
  name: string;
  type: ServiceType;
  tcp: string[];
  clusterIP?: string;
  nodePort?: number;
  externalName?: string;
  namespace?: string;
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function validateService(o: ServiceOptions): void {
  if (o.clusterIP === "None" && o.type !== "ClusterIP") throw new GeneratorError("ClusterIP=None can only be used with ClusterIP service type");
  if (o.clusterIP !== "None" && o.tcp.length === 0 && o.type !== "ExternalName") throw new GeneratorError("at least one tcp port specifier must be provided");
  if (o.type === "ExternalName") {
    const n = o.externalName ?? "";
    if (n.length > 253 || !DNS1123_SUBDOMAIN.test(n)) throw new GeneratorError(`invalid service external name ${n}`);
  }
}

export function generateService(o: ServiceOptions): KubeObject {
  validateService(o);
  const ports = o.tcp.map((spec) => {
    const { port, targetPort } = parseServicePorts(spec);
    const p: Record<string, unknown> = { name: spec.replace(/:/g, "-"), protocol: "TCP", port, targetPort };
    if (o.nodePort) p.nodePort = o.nodePort;
    return p;
  });
  const spec: Record<string, unknown> = {};
  if (ports.length) spec.ports = ports;
  spec.selector = { app: o.name };
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  spec.type = o.type;
  if (o.externalName) spec.externalName = o.externalName;
  return {
    kind: "Service",
    apiVersion: "v1",
    metadata: generatedMeta(o.name, { namespace: o.namespace, labels: { app: o.name } }),
    spec,
    status: { loadBalancer: {} },
  };
}

/** parsePorts: "<port>[:<targetPort>]", the target a number or a port name. */
export function parseServicePorts(spec: string): { port: number; targetPort: number | string } {
  const parts = spec.split(":");
  const port = parseUint16(parts[0]);
  if (parts.length === 1) return { port, targetPort: port };
  const t = parts[1];
  if (/^[+-]?\d+$/.test(t)) {
    const n = Number(t);
    if (n < 1 || n > 65535) throw new GeneratorError("must be between 1 and 65535, inclusive");
    return { port, targetPort: n };
  }
  const errs = portNameErrors(t);
  if (errs.length) throw new GeneratorError(errs.join(","));
  return { port, targetPort: t };
}

/** strconv.ParseUint(s, 10, 16) with Go's error texts. */
function parseUint16(s: string): number {
  if (!/^\d+$/.test(s)) throw new GeneratorError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new GeneratorError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

/** validation.IsValidPortName (k8s.io/apimachinery/pkg/util/validation). */
export function portNameErrors(port: string): string[] {
  const errs: string[] = [];
  if (port.length < 1 || port.length > 15) errs.push("must be no more than 15 characters");
  if (!/^[-a-z0-9]+$/.test(port)) errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!/[a-z]/.test(port)) errs.push("must contain at least one letter (a-z)");
  if (port.includes("--")) errs.push("must not contain consecutive hyphens");
  if (port.startsWith("-") || port.endsWith("-")) errs.push("must not begin or end with a hyphen");
  return errs;
}
