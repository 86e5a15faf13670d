// Pod IPs as the host-local IPAM plugin hands them out: from the node's podCIDR, starting after
// the gateway (.1), continuing round-robin from the last allocation, never one still in use.

import type { NodeRt } from "./state";

function parseCidr(cidr: string): { base: number; size: number } | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  if (!m) return undefined;
  const base = ((+m[1] << 24) | (+m[2] << 16) | (+m[3] << 8) | +m[4]) >>> 0;
  const bits = +m[5];
  return { base: (base & (bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0)) >>> 0, size: 2 ** (32 - bits) };
}

function ipString(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

/** Allocates an IP for `uid`; undefined when the range is exhausted. */
export function allocateIp(node: NodeRt, podCIDR: string, uid: string): string | undefined {
  for (const [ip, owner] of Object.entries(node.ipsInUse)) if (owner === uid) return ip;
  const r = parseCidr(podCIDR) ?? parseCidr("10.244.0.0/24")!;
  // Usable: .2 .. .(size-2); .0 is the network, .1 the gateway, the last the broadcast address.
  const n = r.size - 3;
  for (let i = 0; i < n; i++) {
    const idx = (((node.lastIp - 1 + i) % n) + n) % n + 2;
    const ip = ipString(r.base + idx);
    if (node.ipsInUse[ip]) continue;
    node.ipsInUse[ip] = uid;
    node.lastIp = idx;
    return ip;
  }
  return undefined;
}

export function releaseIp(node: NodeRt, uid: string): void {
  for (const [ip, owner] of Object.entries(node.ipsInUse)) if (owner === uid) delete node.ipsInUse[ip];
}
