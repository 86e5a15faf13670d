// The container runtime's view of a container: its behaviour (from the image catalogue) and the
// files it sees. Derived from kubelet state on demand, never stored.

import type { KubeObject } from "../api/types";
import { resolveImage, startProcess, type Behaviour, type NetReply, type ResolvedImage, type RunContext } from "../images/index";
import { freezeInstance, type Instance, type PodRt } from "./state";
import { mountedFiles, mountedObjects, type VolumeSources } from "./volumes";
import { parseQuantity } from "./env";
import { assignData } from "../core/objects";

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

/** Everything a container sees, lowest precedence first: image, kubelet files, volumes, shared
 *  emptyDir contents other containers wrote, then files written through exec. */
export function containerFiles(img: ResolvedImage | undefined, spec: any, sources: VolumeSources, inst?: Instance): Record<string, string> {
  // assignData: as spreads (a second spread in a literal is slow).
  const files: Record<string, string> = { ...(img?.info.files ?? {}) };
  assignData(files, kubeletFiles(sources.pod, sources.podIP));
  assignData(files, mountedFiles(spec ?? {}, sources));
  if (sources.worker) Object.assign(files, sharedEmptyDirFiles(sources.worker, spec, sources));
  applyWrites(files, emptyDirWrites(sources.worker, spec));
  applyWrites(files, inst?.writes ?? {});
  return files;
}

function applyWrites(files: Record<string, string>, writes: Record<string, string | null>): void {
  for (const [path, data] of Object.entries(writes)) {
    if (data === null) delete files[path];
    else files[path] = data;
  }
}

function emptyDirMounts(pod: KubeObject, spec: any): { name: string; mountPath: string }[] {
  const dirs = new Set(((pod.spec?.volumes ?? []) as any[]).filter((v) => v.emptyDir || v.hostPath).map((v) => v.name));
  return ((spec?.volumeMounts ?? []) as { name: string; mountPath: string }[]).filter((m) => dirs.has(m.name)).map((m) => ({ name: m.name, mountPath: m.mountPath.replace(/\/+$/, "") }));
}

/** Exec writes into emptyDir volumes, mapped to this container's mount paths. */
function emptyDirWrites(w: PodRt | undefined, spec: any): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (!w?.volumeWrites || !spec) return out;
  for (const m of ((spec.volumeMounts ?? []) as { name: string; mountPath: string }[])) {
    for (const [rel, data] of Object.entries(w.volumeWrites[m.name] ?? {})) out[`${m.mountPath.replace(/\/+$/, "")}/${rel}`] = data;
  }
  return out;
}

/** Files other containers' scripts wrote into emptyDir volumes this container mounts too. */
function sharedEmptyDirFiles(w: PodRt, spec: any, sources: VolumeSources): Record<string, string> {
  const pod = sources.pod;
  const mine = emptyDirMounts(pod, spec);
  if (!mine.length) return {};
  const out: Record<string, string> = {};
  const now = sources.now ?? 0;
  for (const c of w.containers) {
    if (!c.cur || c.name === spec?.name) continue;
    const theirSpec = ((c.init ? pod.spec?.initContainers : pod.spec?.containers) ?? []).find((x: any) => x.name === c.name);
    const theirs = emptyDirMounts(pod, theirSpec).filter((m) => mine.some((x) => x.name === m.name));
    if (!theirs.length) continue;
    const b = behaviourOf(c.cur, theirSpec, { ...sources, worker: undefined });
    const files = b?.filesAt?.(Math.max(0, (c.cur.finishedAt ?? now) - c.cur.startedAt)) ?? {};
    for (const tm of theirs) {
      const target = mine.find((x) => x.name === tm.name)!;
      for (const [p, d] of Object.entries(files)) if (p.startsWith(`${tm.mountPath}/`)) out[target.mountPath + p.slice(tm.mountPath.length)] = d;
    }
  }
  return out;
}

/** Records files written through exec: under an emptyDir mount they are shared and outlive the
 *  container; elsewhere they belong to this run of the container and vanish on restart. */
export function recordWrites(w: PodRt, inst: Instance, pod: KubeObject, spec: any, changes: Record<string, string | null>): void {
  const mounts = emptyDirMounts(pod, spec);
  let writes: Record<string, string | null> | undefined;
  for (const [path, data] of Object.entries(changes)) {
    const m = mounts.find((x) => path.startsWith(`${x.mountPath}/`));
    if (m) {
      w.volumeWrites ??= {};
      (w.volumeWrites[m.name] ??= {})[path.slice(m.mountPath.length + 1)] = data;
    } else {
      (writes ??= { ...inst.writes })[path] = data;
    }
  }
  if (!writes) return;
  // A run is frozen (state.ts freezeInstance): the container gets a new one with the writes.
  const c = w.containers.find((x) => x.cur === inst);
  if (c) c.cur = freezeInstance({ ...inst, writes });
}

function seedOf(id: string): number {
  return parseInt(id.slice(0, 8), 16) >>> 0;
}

/** What an instance's main process does (pure: same inputs, same behaviour). */
export function behaviourOf(inst: Instance, spec: any, sources: VolumeSources, net?: (url: string) => NetReply, dns?: RunContext["dns"]): Behaviour | undefined {
  const r = resolveImage(inst.image);
  if (!r.ok) return undefined;
  // One derivation sees one network: a loop of 1000 wgets asks each URL once.
  const seen = new Map<string, NetReply>();
  const cached = net && ((url: string) => seen.get(url) ?? (seen.set(url, net(url)), seen.get(url)!));
  const files = filesWhenAsked(r.image, spec, sources, inst);
  return startProcess(r.image, {
    argv: inst.argv,
    env: inst.env,
    startedAtMs: inst.startedAt,
    hostname: podHostname(sources.pod),
    podIP: sources.podIP,
    get files() {
      return files();
    },
    seed: seedOf(inst.id),
    memoryLimitBytes: parseQuantity(spec?.resources?.limits?.memory),
    net: cached,
    dns,
  });
}

/**
 * containerFiles(img, spec, sources, inst) as of now, built when first asked (many programs never
 * look: a crash-looping `false`). What it reads that may change is taken now: the pod's top level
 * (the kubelet replaces its fields after a status write), the exec writes, the ConfigMaps and
 * Secrets (read from the store now, in containerFiles' order). Files shared through emptyDir or
 * hostPath volumes follow the other containers' runs: those are built at once.
 */
function filesWhenAsked(img: ResolvedImage, spec: any, sources: VolumeSources, inst: Instance): () => Record<string, string> {
  const sharing = !!sources.worker?.volumeWrites || ((sources.pod.spec?.volumes ?? []) as any[]).some((v) => v.emptyDir || v.hostPath);
  if (sharing) {
    const now = containerFiles(img, spec, sources, inst);
    return () => now;
  }
  const objects = new Map<string, KubeObject | undefined>();
  for (const [kind, name] of mountedObjects(spec ?? {}, sources.pod)) {
    const key = `${kind}/${name}`;
    if (!objects.has(key)) objects.set(key, kind === "configMap" ? sources.configMap(name) : sources.secret(name));
  }
  const taken: VolumeSources = {
    pod: { ...sources.pod },
    hostIP: sources.hostIP,
    podIP: sources.podIP,
    now: sources.now,
    configMap: (name) => objects.get(`configMap/${name}`),
    secret: (name) => objects.get(`secret/${name}`),
  };
  const writes = inst.writes && { ...inst.writes };
  let files: Record<string, string> | undefined;
  return () => (files ??= containerFiles(img, spec, taken, writes ? { ...inst, writes } : undefined));
}
