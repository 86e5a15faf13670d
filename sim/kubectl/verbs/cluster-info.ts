// `kubectl cluster-info` (staging/src/k8s.io/kubectl/pkg/cmd/clusterinfo/clusterinfo.go): the
// control plane URL and every kube-system service labelled kubernetes.io/cluster-service=true.
// The real one colours names and URLs only on a terminal; the sandbox prints as to a pipe.

import { KINDS } from "../../api/kinds";
import { listObjects } from "../framework/api";
import { kubectlError } from "../framework/errors";
import { currentServer } from "../framework/kubeconfig";
import { verb } from "../framework/verb";

const SERVICES = KINDS.find((k) => k.resource === "services")!;
function line(name: string, link: string): string {
  return `${name} is running at ${link}\n`;
}

interface Port {
  name?: string;
  port: number;
}

export const clusterInfoVerb = verb({
  name: "cluster-info",
  subcommands: [
    verb({
      name: "dump",
      run() {
        throw kubectlError("cluster-info dump is not available in this simulator");
      },
    }),
  ],
  run(ctx) {
    const host = currentServer(ctx.kubeconfig, ctx.flags.string("context")).replace(/\/+$/, "");
    const ns = ctx.namespaceExplicit ? ctx.namespace : "kube-system";
    const services = listObjects(ctx, SERVICES, ns, { labelSelector: "kubernetes.io/cluster-service=true" }).items;
    let out = line("Kubernetes control plane", host);
    for (const s of services) {
      let link = "";
      const ingress = s.status?.loadBalancer?.ingress ?? [];
      const ports: Port[] = s.spec?.ports ?? [];
      if (ingress.length > 0) {
        const ip = ingress[0].ip || ingress[0].hostname;
        for (const p of ports) link += `http://${ip}:${p.port} `;
      } else {
        let name = s.metadata.name ?? "";
        if (ports.length > 0) {
          const p = ports[0];
          const scheme = p.name === "https" || p.port === 443 ? "https" : "";
          name = joinSchemeNamePort(scheme, name, p.name ?? "");
        }
        link = `${host}/api/v1/namespaces/${s.metadata.namespace}/services/${name}/proxy`;
      }
      out += line(s.metadata.labels?.["kubernetes.io/name"] || s.metadata.name || "", link);
    }
    ctx.out(`${out}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
    return 0;
  },
});

/** k8s.io/apimachinery/pkg/util/net.JoinSchemeNamePort. */
function joinSchemeNamePort(scheme: string, name: string, port: string): string {
  if (scheme) return `${scheme}:${name}:${port}`;
  return port ? `${name}:${port}` : name;
}
