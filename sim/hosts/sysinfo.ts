// A node's system view: ip addr / ip route (the node IP, the cni0 bridge on the pod CIDR,
// flannel routes to the other nodes' pod CIDRs), df -h, free -m/-h, uptime.

import type { Proc } from "../core/process";
import { hostCtx } from "./session";
import { bootTime, hashString, nodeSpec, nodeSpecs } from "./state";
import { podSandboxes } from "./processes";

const two = (n: number) => String(n).padStart(2, "0");

function mac(seed: string): string {
  const h = hashString(seed);
  const hex = (n: number) => n.toString(16).padStart(2, "0");
  return `52:54:00:${hex((h >>> 16) & 255)}:${hex((h >>> 8) & 255)}:${hex(h & 255)}`;
}

function cidrBase(cidr: string): { net: string; prefix: number } {
  const [net, p] = cidr.split("/");
  return { net, prefix: Number(p) };
}

function withLast(ip: string, last: number): string {
  return ip.split(".").slice(0, 3).concat(String(last)).join(".");
}

export function ip(p: Proc): number {
  const c = hostCtx(p);
  const spec = c ? nodeSpec(c.cluster, c.node) : undefined;
  const args = p.argv.slice(1).filter((a) => a !== "-4" && a !== "-br");
  const obj = args[0] ?? "";
  if (!c || !spec) {
    p.stderr("Cannot open netlink socket: Operation not permitted\n");
    return 1;
  }
  const nic = spec.minikube ? "eth0" : "enp1s0";
  const gw = withLast(spec.ip, 1);
  const pod = cidrBase(spec.podCIDR);
  if (/^r(o(u(te?)?)?)?$/.test(obj)) {
    p.stdout(`default via ${gw} dev ${nic} proto dhcp src ${spec.ip} metric 100 \n`);
    for (const n of nodeSpecs(c.cluster)) {
      const b = cidrBase(n.podCIDR);
      if (n.name === c.node) p.stdout(`${n.podCIDR} dev cni0 proto kernel scope link src ${withLast(b.net, 1)} \n`);
      else p.stdout(`${n.podCIDR} via ${b.net} dev flannel.1 onlink \n`);
    }
    p.stdout(`${withLast(spec.ip, 0)}/24 dev ${nic} proto kernel scope link src ${spec.ip} metric 100 \n`);
    return 0;
  }
  if (/^(a(d(d(r)?)?)?|link|l)$/.test(obj) || obj === "") {
    if (obj === "") {
      p.stderr('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       ip [ -force ] -batch filename\nwhere  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp | link |\n                   macsec | maddress | monitor | mptcp | mroute | mrule |\n                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n                   ntbl | route | rule | sr | tap | tcpmetrics |\n                   token | tunnel | tuntap | vrf | xfrm }\n');
      return 255;
    }
    const lines: string[] = [
      "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000",
      "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00",
      "    inet 127.0.0.1/8 scope host lo",
      "       valid_lft forever preferred_lft forever",
      `2: ${nic}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000`,
      `    link/ether ${mac(c.node)} brd ff:ff:ff:ff:ff:ff`,
      `    inet ${spec.ip}/24 brd ${withLast(spec.ip, 255)} scope global ${nic}`,
      "       valid_lft forever preferred_lft forever",
      "3: flannel.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UNKNOWN group default ",
      `    link/ether ${mac(c.node + "flannel")} brd ff:ff:ff:ff:ff:ff`,
      `    inet ${pod.net}/32 scope global flannel.1`,
      "       valid_lft forever preferred_lft forever",
      "4: cni0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UP group default qlen 1000",
      `    link/ether ${mac(c.node + "cni0")} brd ff:ff:ff:ff:ff:ff`,
      `    inet ${withLast(pod.net, 1)}/${pod.prefix} brd ${withLast(pod.net, 255)} scope global cni0`,
      "       valid_lft forever preferred_lft forever",
    ];
    let idx = 5;
    for (const sb of podSandboxes(c)) {
      if (!sb.pod.ip || sb.pod.ip === spec.ip) continue;
      const name = `veth${hashString(sb.id).toString(16).padStart(8, "0")}`;
      lines.push(`${idx++}: ${name}@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue master cni0 state UP group default `);
      lines.push(`    link/ether ${mac(sb.id)} brd ff:ff:ff:ff:ff:ff link-netns cni-${sb.id.slice(0, 8)}-${sb.id.slice(8, 12)}-${sb.id.slice(12, 16)}-${sb.id.slice(16, 20)}-${sb.id.slice(20, 32)}`);
    }
    const linkOnly = obj === "link" || obj === "l";
    p.stdout(lines.filter((l) => !linkOnly || !/^\s+(inet|valid_lft)/.test(l)).join("\n") + "\n");
    return 0;
  }
  p.stderr(`Object "${obj}" is unknown, try "ip help".\n`);
  return 1;
}

export function df(p: Proc): number {
  const human = p.argv.slice(1).some((a) => /^-[a-zA-Z]*h/.test(a));
  if (!human) {
    p.stdout("Filesystem     1K-blocks    Used Available Use% Mounted on\ntmpfs             400580    1616    398964   1% /run\n/dev/vda1       20134592 9318400  10799808  47% /\ntmpfs            2002892       0   2002892   0% /dev/shm\ntmpfs               5120       0      5120   0% /run/lock\n/dev/vda15        106858    6186    100672   6% /boot/efi\ntmpfs             400576       4    400572   1% /run/user/0\n");
    return 0;
  }
  p.stdout("Filesystem      Size  Used Avail Use% Mounted on\ntmpfs           392M  1.6M  390M   1% /run\n/dev/vda1        20G  8.9G   11G  47% /\ntmpfs           2.0G     0  2.0G   0% /dev/shm\ntmpfs           5.0M     0  5.0M   0% /run/lock\n/dev/vda15      105M  6.1M   99M   6% /boot/efi\ntmpfs           392M  4.0K  392M   1% /run/user/0\n");
  return 0;
}

export function free(p: Proc): number {
  const c = hostCtx(p);
  const pods = c ? podSandboxes(c).length : 4;
  const totalMi = 3911;
  const used = 700 + pods * 45;
  const cache = 1900;
  const free = totalMi - used - cache;
  const human = p.argv.includes("-h");
  const fmt = (mi: number) => (human ? (mi >= 1024 ? `${(mi / 1024).toFixed(1)}Gi` : `${mi}Mi`) : String(mi));
  const row = (label: string, cols: string[]) => label + cols[0].padStart(20 - label.length) + cols.slice(1).map((x) => x.padStart(12)).join("");
  p.stdout("               total        used        free      shared  buff/cache   available\n");
  p.stdout(row("Mem:", [fmt(totalMi), fmt(used), fmt(free), fmt(3), fmt(cache), fmt(totalMi - used)]) + "\n");
  p.stdout(row("Swap:", [fmt(0), fmt(0), fmt(0)]).replace(/0Mi/g, "0B") + "\n");
  return 0;
}

export function uptime(p: Proc): number {
  const c = hostCtx(p);
  const now = p.cluster.now();
  const boot = c ? bootTime(c.cluster, c.node) : now - 600_000;
  const d = new Date(now);
  const mins = Math.floor((now - boot) / 60_000);
  const up = mins < 60 ? `${mins} min` : mins < 1440 ? `${Math.floor(mins / 60)}:${two(mins % 60)}` : `${Math.floor(mins / 1440)} day${mins >= 2880 ? "s" : ""}, ${Math.floor((mins % 1440) / 60)}:${two(mins % 60)}`;
  const load = (x: number) => (0.2 + ((hashString(String(Math.floor(now / 60_000) + x)) % 40) / 100)).toFixed(2);
  p.stdout(` ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} up ${up},  1 user,  load average: ${load(0)}, ${load(1)}, ${load(2)}\n`);
  return 0;
}
