// The container runtime's view of a container: its behaviour (from the image catalogue) and the
// files it sees. Derived from kubelet state on demand, never stored.

import type { KubeObject } from "../api/types";
import { resolveImage, startProcess, type Behaviour, type NetReply, type ResolvedImage } from "../images/index";
import type { Instance } from "./state";
import { mountedFiles, type VolumeSources } from "./volumes";
import { parseQuantity } from "./env";

export function podHostname(pod: KubeObject): string {
  return pod.spec?.hostname ?? pod.metadata.name ?? "";
}

/** Files the kubelet itself puts into every container: /etc/hosts, /etc/hostname, resolv.conf. */
export function kubeletFiles(pod: KubeObject, podIP: string): Record<string, string> {
  const host = podHostname(pod);
  const ns = pod.metadata.namespace ?? "default";
  return {
    "/etc/hostname": `${host}\n`,
    "/etc/hosts": `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${podIP}\t${host}\n`,
    "/etc/resolv.conf": `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`,
  };
}

export function containerFiles(img: ResolvedImage | undefined, spec: any, sources: VolumeSources): Record<string, string> {
  return { ...(img?.info.files ?? {}), ...kubeletFiles(sources.pod, sources.podIP), ...mountedFiles(spec ?? {}, sources) };
}

function seedOf(id: string): number {
  return parseInt(id.slice(0, 8), 16) >>> 0;
}

/** What an instance's main process does (pure: same inputs, same behaviour). */
export function behaviourOf(inst: Instance, spec: any, sources: VolumeSources, net?: (url: string) => NetReply): Behaviour | undefined {
  const r = resolveImage(inst.image);
  if (!r.ok) return undefined;
  // One derivation sees one network: a loop of 1000 wgets asks each URL once.
  const seen = new Map<string, NetReply>();
  const cached = net && ((url: string) => seen.get(url) ?? (seen.set(url, net(url)), seen.get(url)!));
  return startProcess(r.image, {
    argv: inst.argv,
    env: inst.env,
    startedAtMs: inst.startedAt,
    hostname: podHostname(sources.pod),
    podIP: sources.podIP,
    files: containerFiles(r.image, spec, sources),
    seed: seedOf(inst.id),
    memoryLimitBytes: parseQuantity(spec?.resources?.limits?.memory),
    net: cached,
  });
}
