// The `minikube` command on the minikube topology: ip, status, service NAME [--url] and tunnel
// (LoadBalancer Services get their cluster IP as EXTERNAL-IP while the tunnel runs, as minikube's
// tunnel on Linux routes the service CIDR to the node).

import type { Proc } from "../core/process";
import type { Cluster } from "../cluster";
import type { KubeObject } from "../api/types";
import { clusterOf } from "./session";
import { hostsState, nodeSpec } from "./state";

/* eslint-disable @typescript-eslint/no-explicit-any */

function services(cluster: Cluster, ns?: string): KubeObject[] {
  const res = cluster.api.handle({ method: "GET", path: ns ? `/api/v1/namespaces/${ns}/services` : "/api/v1/services" });
  return (((res.body as any).items ?? []) as KubeObject[]);
}

/** Gives LoadBalancer Services their cluster IP as ingress while `minikube tunnel` runs. */
export function assignTunnelIPs(cluster: Cluster): void {
  if (!hostsState(cluster).tunnel) return;
  for (const svc of services(cluster)) {
    if (svc.spec?.type !== "LoadBalancer" || (svc.status?.loadBalancer?.ingress ?? []).length) continue;
    const path = `/api/v1/namespaces/${svc.metadata.namespace}/services/${svc.metadata.name}/status`;
    cluster.api.handle({ method: "PATCH", path, contentType: "application/merge-patch+json", body: { status: { loadBalancer: { ingress: [{ ip: svc.spec.clusterIP }] } } } });
  }
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const sep = "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|";
  const line = (r: string[], head: boolean) => "|" + r.map((cell, i) => ` ${head ? center(cell, widths[i]) : i === 2 && /^\d+$/.test(cell) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])} `).join("|") + "|";
  return [sep, line(rows[0], true), sep, ...rows.slice(1).map((r) => line(r, false)), sep].join("\n") + "\n";
}

function center(s: string, w: number): string {
  const left = Math.floor((w - s.length) / 2);
  return " ".repeat(left) + s + " ".repeat(w - s.length - left);
}

export function minikube(p: Proc): number {
  const cluster = clusterOf(p);
  const node = cluster ? nodeSpec(cluster, "minikube") : undefined;
  const [verb, ...args] = p.argv.slice(1);
  if (!cluster || !node) {
    p.stderr("🤷  The control-plane node minikube host does not exist\n👉  To start a cluster, run: \"minikube start\"\n");
    return 85;
  }
  const ns = (() => {
    const i = args.findIndex((a) => a === "-n" || a === "--namespace");
    return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith("--namespace="))?.slice(12) ?? "default";
  })();
  switch (verb) {
    case "ip":
      p.stdout(`${node.ip}\n`);
      return 0;
    case "status":
      p.stdout("minikube\ntype: Control Plane\nhost: Running\nkubelet: Running\napiserver: Running\nkubeconfig: Configured\n\n");
      return 0;
    case "service": {
      const name = args.find((a, i) => !a.startsWith("-") && args[i - 1] !== "-n" && args[i - 1] !== "--namespace");
      if (name === "list") {
        const rows = [["NAMESPACE", "NAME", "TARGET PORT", "URL"]];
        for (const s of services(cluster)) {
          const nodePorts = (s.spec?.ports ?? []).filter((x: any) => x.nodePort);
          rows.push([s.metadata.namespace!, s.metadata.name!, nodePorts.length ? String(nodePorts[0].targetPort ?? nodePorts[0].port) : "No node port", nodePorts.length ? `http://${node.ip}:${nodePorts[0].nodePort}` : ""]);
        }
        p.stdout(table(rows));
        return 0;
      }
      const svc = services(cluster, ns).find((s) => s.metadata.name === name);
      if (!name || !svc) {
        p.stderr(`\n❌  Exiting due to SVC_NOT_FOUND: Service '${name ?? ""}' was not found in '${ns}' namespace.\nYou may select another namespace by using 'minikube service ${name ?? ""} -n <namespace>'. Or list out all the services using 'minikube service list'\n\n`);
        return 103;
      }
      const ports = (svc.spec?.ports ?? []).filter((x: any) => x.nodePort);
      if (!ports.length) {
        p.stderr(`😿  service ${ns}/${name} has no node port\n`);
        return 0;
      }
      const urls = ports.map((x: any) => `http://${node.ip}:${x.nodePort}`);
      if (args.includes("--url")) {
        p.stdout(urls.join("\n") + "\n");
        return 0;
      }
      p.stdout(table([["NAMESPACE", "NAME", "TARGET PORT", "URL"], ...ports.map((x: any, i: number) => [ns, name, String(x.targetPort ?? x.port), urls[i]])]));
      p.stdout(`🎉  Opening service ${ns}/${name} in default browser...\n👉  http://${node.ip}:${ports[0].nodePort}\n`);
      return 0;
    }
    case "tunnel": {
      hostsState(cluster).tunnel = true;
      assignTunnelIPs(cluster);
      p.stdout("✅  Tunnel successfully started\n\n📌  NOTE: Please do not close this terminal as this process must stay alive for the tunnel to be accessible ...\n\n");
      for (const s of services(cluster)) if (s.spec?.type === "LoadBalancer") p.stdout(`🏃  Starting tunnel for service ${s.metadata.name}.\n`);
      return 0;
    }
    default:
      p.stderr(`Error: unknown command "${verb ?? ""}" for "minikube"\nRun 'minikube --help' for usage.\n`);
      return 64;
  }
}
