// The simulated resource metrics (what metrics-server would report): `kubectl top` prints them and
// the HorizontalPodAutoscaler controller scales on them. Usage is deterministic per pod (its uid)
// and per image family, a share of the requests when set, drifting slowly with the virtual minute.
// The Metrics API is up only while a metrics-server pod runs Ready in kube-system (label
// k8s-app=metrics-server), as on kubeadm and minikube, whose default install lacks it.

import type { KubeObject } from "./types";
import { quantityNanos } from "./defaults/quantity";
import { fnv32 } from "../core/fnv";

const MI = 1024 * 1024;

export interface Usage {
  cpuMilli: number;
  memBytes: number;
}

/** Typical idle usage by image family: [cpu millicores, memory MiB]. */
const PROFILES: [RegExp, number, number][] = [
  [/kube-apiserver/, 45, 260],
  [/etcd/, 20, 48],
  [/kube-controller-manager/, 14, 52],
  [/kube-scheduler/, 3, 22],
  [/coredns/, 2, 14],
  [/kube-proxy/, 1, 16],
  [/metrics-server/, 4, 20],
  [/flannel|calico|cilium|weave/, 6, 30],
  [/mysql|mariadb/, 8, 380],
  [/postgres/, 3, 40],
  [/mongo/, 9, 120],
  [/redis/, 2, 4],
  [/nginx|httpd|caddy|traefik|haproxy/, 0, 7],
  [/node|python|ruby|php|java|tomcat|openjdk/, 3, 45],
  [/busybox|alpine|ubuntu|debian|curl|pause/, 0, 1],
];

/** Quantity.MilliValue() and Value(), rounded up; undefined when unset. */
function milli(q: unknown): number | undefined {
  const n = quantityNanos(q);
  return n === undefined ? undefined : Number((n + 999_999n) / 1_000_000n);
}
function bytes(q: unknown): number | undefined {
  const n = quantityNanos(q);
  return n === undefined ? undefined : Number((n + 999_999_999n) / 1_000_000_000n);
}

function containerUsage(pod: KubeObject, c: { name: string; image?: string; resources?: { requests?: Record<string, string> } }, minute: number): Usage {
  const seed = fnv32(`${pod.metadata.uid}/${c.name}`);
  const wobble = (salt: number) => {
    // A slow drift: a value per 5 virtual minutes, eased between neighbours.
    const slot = Math.floor(minute / 5);
    const a = fnv32(`${seed}:${salt}:${slot}`) / 0xffffffff;
    const b = fnv32(`${seed}:${salt}:${slot + 1}`) / 0xffffffff;
    const f = (minute % 5) / 5;
    return a + (b - a) * f;
  };
  const profile = PROFILES.find(([re]) => re.test(c.image ?? ""));
  const reqCpu = milli(c.resources?.requests?.cpu);
  const reqMem = bytes(c.resources?.requests?.memory);
  let cpu = profile ? profile[1] : 1;
  let memMi = profile ? profile[2] : 8;
  if (reqCpu !== undefined && !profile) cpu = reqCpu * 0.25;
  if (reqMem !== undefined && !profile) memMi = (reqMem / MI) * 0.4;
  return {
    cpuMilli: Math.max(0, Math.round(cpu * (0.7 + 0.6 * wobble(1)))),
    memBytes: Math.round(memMi * MI * (0.85 + 0.3 * wobble(2))),
  };
}

/** A pod's usage at a virtual minute: in total and per container. */
export function podUsage(pod: KubeObject, minute: number): { total: Usage; containers: [string, Usage][] } {
  const containers: [string, Usage][] = (pod.spec?.containers ?? []).map((c: { name: string }) => [c.name, containerUsage(pod, c, minute)]);
  const total = containers.reduce((s, [, u]) => ({ cpuMilli: s.cpuMilli + u.cpuMilli, memBytes: s.memBytes + u.memBytes }), { cpuMilli: 0, memBytes: 0 });
  return { total, containers };
}

/** Whether metrics-server reports the pod: running and not being deleted. */
export function hasMetrics(pod: KubeObject): boolean {
  return pod.status?.phase === "Running" && !pod.metadata.deletionTimestamp;
}

/** Whether the Metrics API is up: a Ready metrics-server pod among kube-system's pods. */
export function metricsAvailable(kubeSystemPods: KubeObject[]): boolean {
  return kubeSystemPods.some(
    (p) => p.metadata.labels?.["k8s-app"] === "metrics-server" && (p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === "Ready" && c.status === "True"),
  );
}
