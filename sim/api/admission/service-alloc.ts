// Cluster IP and node port allocation (pkg/registry/core/service/ipallocator and portallocator,
// storage/alloc.go). Dynamic picks come from the upper band of each range, as the v1.32 bitmap
// allocators reserve the lower band for static requests; picks use the seeded PRNG.

/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KubeObject } from "../types";
import type { StrategyContext } from "../strategy";
import { fieldError, type FieldCause } from "../field-errors";

const SERVICE_CIDR_BASE = (10 << 24) | (96 << 16); // 10.96.0.0/12
const SERVICE_CIDR_SIZE = 1 << 20;
const IP_STATIC_BAND = 256;
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
const PORT_STATIC_BAND = 128;

export function ipToString(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

function ipToNumber(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

function usedClusterIPs(ctx: StrategyContext, except?: string): Set<string> {
  const used = new Set<string>();
  for (const s of ctx.list("/services")) {
    if (s.metadata.uid === except) continue;
    for (const ip of s.spec?.clusterIPs ?? [s.spec?.clusterIP]) if (ip && ip !== "None") used.add(ip);
  }
  return used;
}

function usedNodePorts(ctx: StrategyContext, except?: string): Set<number> {
  const used = new Set<number>();
  for (const s of ctx.list("/services")) {
    if (s.metadata.uid === except) continue;
    for (const p of s.spec?.ports ?? []) if (p?.nodePort) used.add(p.nodePort);
  }
  return used;
}

function pickClusterIP(ctx: StrategyContext, used: Set<string>): string {
  for (let i = 0; i < 64; i++) {
    const ip = ipToString((SERVICE_CIDR_BASE + IP_STATIC_BAND + ctx.prng.int(SERVICE_CIDR_SIZE - IP_STATIC_BAND - 1)) >>> 0);
    if (!used.has(ip)) return ip;
  }
  for (let off = 1; off < SERVICE_CIDR_SIZE - 1; off++) {
    const ip = ipToString((SERVICE_CIDR_BASE + off) >>> 0);
    if (!used.has(ip)) return ip;
  }
  return "";
}

function pickNodePort(ctx: StrategyContext, used: Set<number>): number {
  const span = NODE_PORT_MAX - NODE_PORT_MIN + 1 - PORT_STATIC_BAND;
  for (let i = 0; i < 64; i++) {
    const p = NODE_PORT_MIN + PORT_STATIC_BAND + ctx.prng.int(span);
    if (!used.has(p)) return p;
  }
  for (let p = NODE_PORT_MIN; p <= NODE_PORT_MAX; p++) if (!used.has(p)) return p;
  return 0;
}

function needsClusterIP(spec: any): boolean {
  return spec.type !== "ExternalName";
}

function needsNodePorts(spec: any): boolean {
  return spec.type === "NodePort" || (spec.type === "LoadBalancer" && spec.allocateLoadBalancerNodePorts !== false);
}

/** Allocates (or checks the requested) cluster IP, IP families and node ports of a new Service. */
export function allocateService(svc: KubeObject, ctx: StrategyContext, oldUid?: string): FieldCause[] {
  const spec = svc.spec;
  const out: FieldCause[] = [];
  if (!spec || typeof spec !== "object") return out;
  if (needsClusterIP(spec)) {
    const requested: string | undefined = spec.clusterIP || spec.clusterIPs?.[0] || undefined;
    if (requested === "None") {
      spec.clusterIP = "None";
      spec.clusterIPs = ["None"];
      const hasSelector = spec.selector && Object.keys(spec.selector).length > 0;
      spec.ipFamilyPolicy ??= hasSelector ? "SingleStack" : "RequireDualStack";
      spec.ipFamilies ??= ["IPv4"];
    } else {
      const used = usedClusterIPs(ctx, oldUid);
      if (requested) {
        const n = ipToNumber(requested);
        if (n === undefined) out.push(fieldError.invalid("spec.clusterIPs[0]", requested, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
        else if (n < SERVICE_CIDR_BASE || n >= SERVICE_CIDR_BASE + SERVICE_CIDR_SIZE) out.push(invalidIPs(requested, `failed to allocate IP ${requested}: the provided network does not match the current range`));
        else if (used.has(requested)) out.push(invalidIPs(requested, `failed to allocate IP ${requested}: provided IP is already allocated`));
      }
      const ip = requested ?? pickClusterIP(ctx, used);
      spec.clusterIP = ip;
      spec.clusterIPs = [ip];
      spec.ipFamilyPolicy ??= "SingleStack";
      spec.ipFamilies ??= ["IPv4"];
    }
  }
  if (needsNodePorts(spec)) out.push(...allocateNodePorts(spec, ctx, oldUid));
  return out;
}

function invalidIPs(ip: string, detail: string): FieldCause {
  return { reason: "FieldValueInvalid", field: "spec.clusterIPs", message: `Invalid value: []string{${JSON.stringify(ip)}}: ${detail}` };
}

export function allocateNodePorts(spec: any, ctx: StrategyContext, oldUid?: string): FieldCause[] {
  const out: FieldCause[] = [];
  const used = usedNodePorts(ctx, oldUid);
  (spec.ports ?? []).forEach((p: any, i: number) => {
    if (!p || typeof p !== "object") return;
    if (p.nodePort) {
      if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
        out.push(fieldError.invalid(`spec.ports[${i}].nodePort`, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`));
      } else if (used.has(p.nodePort)) {
        out.push(fieldError.invalid(`spec.ports[${i}].nodePort`, p.nodePort, "provided port is already allocated"));
      }
      used.add(p.nodePort);
    } else {
      p.nodePort = pickNodePort(ctx, used);
      used.add(p.nodePort);
    }
  });
  return out;
}
