// The rules kube-proxy's iptables proxier writes on a node (pkg/proxy/iptables/proxier.go,
// syncProxyRules), derived from the current Services and ready EndpointSlice endpoints: the
// KUBE-SERVICES captures, KUBE-SVC-/KUBE-EXT-/KUBE-SEP- chains with their hashed names and
// probability rules, KUBE-NODEPORTS, KUBE-MARK-MASQ and KUBE-POSTROUTING; in the filter table the
// REJECT rules for services without endpoints. Services are ordered by name for stability.

import type { KubeObject } from "../api/types";
import type { Cluster } from "../cluster";
import { base32, sha256 } from "./sha256";

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface Rule {
  s?: string;
  notS?: boolean;
  d?: string;
  p?: string;
  comment?: string;
  /** Matches after the comment, in iptables-save and -L form. */
  m?: { save: string; list: string }[];
  j: string;
  jSave?: string;
  jList?: string;
}

export interface Table {
  builtins: string[];
  chains: Record<string, Rule[]>;
}

const CLUSTER_CIDR = "10.244.0.0/16";
const MARK = "0x4000";

function portProtoHash(s: string, protocol: string): string {
  return base32(sha256(s + protocol)).slice(0, 16);
}

export const svcChain = (spn: string, proto: string) => `KUBE-SVC-${portProtoHash(spn, proto)}`;
export const extChain = (spn: string, proto: string) => `KUBE-EXT-${portProtoHash(spn, proto)}`;
export const sepChain = (spn: string, proto: string, ep: string) => `KUBE-SEP-${base32(sha256(spn + proto + ep)).slice(0, 16)}`;

/** The probability kube-proxy asks for (1/n) as the kernel stores it and iptables prints it (%.11f of a 2^31 fraction). */
export function probability(n: number): string {
  const fixed = Math.round((1 / n) * 0x80000000);
  return (fixed / 0x80000000).toFixed(11);
}

export interface ServicePortInfo {
  name: string; // "ns/svc:port" or "ns/svc"
  proto: string; // "tcp"
  clusterIP: string;
  port: number;
  nodePort?: number;
  lbIPs: string[];
  externalIPs: string[];
  endpoints: string[]; // "ip:port", ready ones
}

function list(cluster: Cluster, path: string): KubeObject[] {
  const res = cluster.api.handle({ method: "GET", path });
  return res.status === 200 ? (((res.body as any).items ?? []) as KubeObject[]) : [];
}

/** Every service port kube-proxy programs, with its ready endpoints (EndpointSlices). */
export function servicePorts(cluster: Cluster): ServicePortInfo[] {
  const slices = list(cluster, "/apis/discovery.k8s.io/v1/endpointslices");
  const out: ServicePortInfo[] = [];
  const services = list(cluster, "/api/v1/services").sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
  for (const svc of services) {
    const spec = svc.spec ?? {};
    if (spec.type === "ExternalName" || !spec.clusterIP || spec.clusterIP === "None") continue;
    const ns = svc.metadata.namespace!;
    const mine = slices.filter((s) => s.metadata.namespace === ns && s.metadata.labels?.["kubernetes.io/service-name"] === svc.metadata.name);
    for (const sp of spec.ports ?? []) {
      const name = `${ns}/${svc.metadata.name}${sp.name ? `:${sp.name}` : ""}`;
      const proto = String(sp.protocol ?? "TCP").toLowerCase();
      const endpoints: string[] = [];
      for (const sl of mine) {
        const port = (sl.ports ?? []).find((p: any) => (p.name ?? "") === (sp.name ?? "") && (p.protocol ?? "TCP") === (sp.protocol ?? "TCP"));
        if (!port) continue;
        for (const ep of sl.endpoints ?? []) if (ep.conditions?.ready !== false) for (const a of ep.addresses ?? []) endpoints.push(`${a}:${port.port}`);
      }
      endpoints.sort(compareEndpoints);
      out.push({ name, proto, clusterIP: spec.clusterIP, port: sp.port, nodePort: sp.nodePort, lbIPs: (svc.status?.loadBalancer?.ingress ?? []).map((i: any) => i.ip).filter(Boolean), externalIPs: spec.externalIPs ?? [], endpoints: [...new Set(endpoints)] });
    }
  }
  return out;
}

function compareEndpoints(a: string, b: string): number {
  const key = (e: string) => e.split(/[.:]/).map((x) => x.padStart(5, "0")).join(".");
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

const cm = (text: string) => text;
const tcpMatch = (proto: string, dport?: number) => ({ save: `-m ${proto}${dport !== undefined ? ` --dport ${dport}` : ""}`, list: `${proto}${dport !== undefined ? ` dpt:${dport}` : ""}` });

/** The nat and filter tables on a node. */
export function iptablesTables(ports: ServicePortInfo[]): { nat: Table; filter: Table } {
  const nat: Record<string, Rule[]> = {
    PREROUTING: [{ comment: "kubernetes service portals", j: "KUBE-SERVICES" }],
    INPUT: [],
    OUTPUT: [{ comment: "kubernetes service portals", j: "KUBE-SERVICES" }],
    POSTROUTING: [{ comment: "kubernetes postrouting rules", j: "KUBE-POSTROUTING" }],
    "KUBE-KUBELET-CANARY": [],
    "KUBE-MARK-MASQ": [{ j: "MARK", jSave: `--set-xmark ${MARK}/${MARK}`, jList: `MARK or ${MARK}` }],
    "KUBE-NODEPORTS": [],
    "KUBE-POSTROUTING": [
      { m: [{ save: `-m mark ! --mark ${MARK}/${MARK}`, list: `mark match ! ${MARK}/${MARK}` }], j: "RETURN" },
      { j: "MARK", jSave: `--set-xmark ${MARK}/0x0`, jList: `MARK xor ${MARK}` },
      { comment: "kubernetes service traffic requiring SNAT", j: "MASQUERADE", jSave: "--random-fully", jList: "random-fully" },
    ],
    "KUBE-PROXY-CANARY": [],
    "KUBE-SERVICES": [],
  };
  const filter: Record<string, Rule[]> = {
    INPUT: [
      { m: [{ save: "-m conntrack --ctstate NEW", list: "ctstate NEW" }], comment: "kubernetes load balancer firewall", j: "KUBE-PROXY-FIREWALL" },
      { comment: "kubernetes health check service ports", j: "KUBE-NODEPORTS" },
      { m: [{ save: "-m conntrack --ctstate NEW", list: "ctstate NEW" }], comment: "kubernetes externally-visible service portals", j: "KUBE-EXTERNAL-SERVICES" },
      { j: "KUBE-FIREWALL" },
    ],
    FORWARD: [
      { m: [{ save: "-m conntrack --ctstate NEW", list: "ctstate NEW" }], comment: "kubernetes load balancer firewall", j: "KUBE-PROXY-FIREWALL" },
      { comment: "kubernetes forwarding rules", j: "KUBE-FORWARD" },
      { m: [{ save: "-m conntrack --ctstate NEW", list: "ctstate NEW" }], comment: "kubernetes service portals", j: "KUBE-SERVICES" },
      { m: [{ save: "-m conntrack --ctstate NEW", list: "ctstate NEW" }], comment: "kubernetes externally-visible service portals", j: "KUBE-EXTERNAL-SERVICES" },
    ],
    OUTPUT: [
      { m: [{ save: "-m conntrack --ctstate NEW", list: "ctstate NEW" }], comment: "kubernetes load balancer firewall", j: "KUBE-PROXY-FIREWALL" },
      { m: [{ save: "-m conntrack --ctstate NEW", list: "ctstate NEW" }], comment: "kubernetes service portals", j: "KUBE-SERVICES" },
      { j: "KUBE-FIREWALL" },
    ],
    "KUBE-EXTERNAL-SERVICES": [],
    "KUBE-FIREWALL": [{ d: "127.0.0.0/8", s: "127.0.0.0/8", notS: true, comment: "block incoming localnet connections", m: [{ save: "-m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT", list: "! ctstate RELATED,ESTABLISHED,DNAT" }], j: "DROP" }],
    "KUBE-FORWARD": [
      { m: [{ save: "-m conntrack --ctstate INVALID", list: "ctstate INVALID" }], j: "DROP" },
      { comment: "kubernetes forwarding rules", m: [{ save: `-m mark --mark ${MARK}/${MARK}`, list: `mark match ${MARK}/${MARK}` }], j: "ACCEPT" },
      { comment: "kubernetes forwarding conntrack rule", m: [{ save: "-m conntrack --ctstate RELATED,ESTABLISHED", list: "ctstate RELATED,ESTABLISHED" }], j: "ACCEPT" },
    ],
    "KUBE-KUBELET-CANARY": [],
    "KUBE-NODEPORTS": [],
    "KUBE-PROXY-CANARY": [],
    "KUBE-PROXY-FIREWALL": [],
    "KUBE-SERVICES": [],
  };
  const reject = (r: Omit<Rule, "j">): Rule => ({ ...r, j: "REJECT", jSave: "--reject-with icmp-port-unreachable", jList: "reject-with icmp-port-unreachable" });
  for (const sp of ports) {
    const svc = svcChain(sp.name, sp.proto);
    const ext = extChain(sp.name, sp.proto);
    const has = sp.endpoints.length > 0;
    const d = `${sp.clusterIP}/32`;
    if (has) nat["KUBE-SERVICES"].push({ d, p: sp.proto, comment: cm(`${sp.name} cluster IP`), m: [tcpMatch(sp.proto, sp.port)], j: svc });
    else filter["KUBE-SERVICES"].push(reject({ d, p: sp.proto, comment: `${sp.name} has no endpoints`, m: [tcpMatch(sp.proto, sp.port)] }));
    for (const ip of sp.externalIPs) if (has) nat["KUBE-SERVICES"].push({ d: `${ip}/32`, p: sp.proto, comment: `${sp.name} external IP`, m: [tcpMatch(sp.proto, sp.port)], j: ext });
    for (const ip of sp.lbIPs) {
      if (has) nat["KUBE-SERVICES"].push({ d: `${ip}/32`, p: sp.proto, comment: `${sp.name} loadbalancer IP`, m: [tcpMatch(sp.proto, sp.port)], j: ext });
      else filter["KUBE-EXTERNAL-SERVICES"].push(reject({ d: `${ip}/32`, p: sp.proto, comment: `${sp.name} has no endpoints`, m: [tcpMatch(sp.proto, sp.port)] }));
    }
    if (sp.nodePort) {
      if (has) nat["KUBE-NODEPORTS"].push({ p: sp.proto, comment: sp.name, m: [tcpMatch(sp.proto, sp.nodePort)], j: ext });
      else filter["KUBE-EXTERNAL-SERVICES"].push(reject({ p: sp.proto, comment: `${sp.name} has no endpoints`, m: [{ save: "-m addrtype --dst-type LOCAL", list: "ADDRTYPE match dst-type LOCAL" }, tcpMatch(sp.proto, sp.nodePort)] }));
    }
    if (!has) continue;
    const external = !!sp.nodePort || sp.lbIPs.length > 0 || sp.externalIPs.length > 0;
    if (external) {
      nat[ext] = [
        { comment: `masquerade traffic for ${sp.name} external destinations`, j: "KUBE-MARK-MASQ" },
        { j: svc },
      ];
    }
    const svcRules: Rule[] = [{ s: CLUSTER_CIDR, notS: true, d, p: sp.proto, comment: `${sp.name} cluster IP`, m: [tcpMatch(sp.proto, sp.port)], j: "KUBE-MARK-MASQ" }];
    sp.endpoints.forEach((ep, i) => {
      const rule: Rule = { comment: `${sp.name} -> ${ep}`, j: sepChain(sp.name, sp.proto, ep) };
      if (i < sp.endpoints.length - 1) rule.m = [{ save: `-m statistic --mode random --probability ${probability(sp.endpoints.length - i)}`, list: `statistic mode random probability ${probability(sp.endpoints.length - i)}` }];
      svcRules.push(rule);
      nat[sepChain(sp.name, sp.proto, ep)] = [
        { s: `${ep.split(":")[0]}/32`, comment: sp.name, j: "KUBE-MARK-MASQ" },
        { p: sp.proto, comment: sp.name, m: [tcpMatch(sp.proto)], j: "DNAT", jSave: `--to-destination ${ep}`, jList: `to:${ep}` },
      ];
    });
    nat[svc] = svcRules;
  }
  nat["KUBE-SERVICES"].push({ comment: "kubernetes service nodeports; NOTE: this must be the last rule in this chain", m: [{ save: "-m addrtype --dst-type LOCAL", list: "ADDRTYPE match dst-type LOCAL" }], j: "KUBE-NODEPORTS" });
  return {
    nat: { builtins: ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"], chains: nat },
    filter: { builtins: ["INPUT", "FORWARD", "OUTPUT"], chains: filter },
  };
}

/** Chains in the order iptables-save lists them: built-ins first, then user chains by name. */
export function chainOrder(t: Table): string[] {
  const user = Object.keys(t.chains).filter((c) => !t.builtins.includes(c)).sort();
  return [...t.builtins, ...user];
}

function saveQuote(s: string): string {
  return /^[\w./:-]+$/.test(s) ? s : `"${s.replace(/(["\\])/g, "\\$1")}"`;
}

export function saveRule(chain: string, r: Rule): string {
  const parts = [`-A ${chain}`];
  if (r.s) parts.push(`${r.notS ? "! " : ""}-s ${r.s}`);
  if (r.d) parts.push(`-d ${r.d}`);
  if (r.p) parts.push(`-p ${r.p}`);
  const matches = r.m ?? [];
  // The conntrack match is written before the comment by kube-proxy for the filter jump rules.
  const before = matches.filter((x) => x.save.startsWith("-m conntrack --ctstate NEW"));
  const after = matches.filter((x) => !before.includes(x));
  for (const x of before) parts.push(x.save);
  if (r.comment) parts.push(`-m comment --comment ${saveQuote(r.comment)}`);
  for (const x of after) parts.push(x.save);
  parts.push(`-j ${r.j}`);
  if (r.jSave) parts.push(r.jSave);
  return parts.join(" ");
}

/** One row of `iptables -L -n`. */
export function listRule(r: Rule): string {
  const bare = (a?: string) => (a ? a.replace(/\/32$/, "") : "0.0.0.0/0");
  const extras: string[] = [];
  const matches = r.m ?? [];
  const before = matches.filter((x) => x.save.startsWith("-m conntrack --ctstate NEW"));
  for (const x of before) extras.push(x.list);
  if (r.comment) extras.push(`/* ${r.comment} */`);
  for (const x of matches.filter((y) => !before.includes(y))) extras.push(x.list);
  if (r.jList) extras.push(r.jList);
  // iptables' print_firewall: "%-9s " target, the inversion flag, "%-5s" protocol, "-- ", then
  // source and destination as "%-19s " each preceded by their inversion flag; matches lead with a space.
  const src = `${r.notS ? "!" : " "}${bare(r.s).padEnd(19)} `;
  const dst = ` ${bare(r.d).padEnd(19)} `;
  return `${r.j.padEnd(9)}  ${(r.p ?? "all").padEnd(5)}-- ${src}${dst}${extras.map((e) => " " + e).join("")}`;}
