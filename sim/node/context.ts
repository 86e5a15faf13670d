// The pods/exec seam: the shell layer runs `kubectl exec` commands; the kubelet tells it what the
// container looks like from inside (files, env after expansion, hostname, working directory).
// containerContext has the shape of sim/shell/container-exec.ts ContainerResolver.

import type { ApiResponse } from "../core/api-types";
import type { ApiServer } from "../apiserver/server";
import { resolveImage, type NetReply } from "../images/index";
import { badRequest, findContainer, stateOf } from "./lookup";
import { kubeletState, ownPod } from "./state";
import { behaviourOf, containerFiles, podHostname, recordWrites } from "./runtime";
import { podNetwork } from "./network";
import { assignData } from "../core/objects";

export interface ContainerContext {
  files: Record<string, string>;
  env: Record<string, string>;
  hostname: string;
  workingDir?: string;
  mainProcess?: string;
  /** Commands the image has on its PATH: `sh` is missing from distroless images (kube-proxy,
   *  coredns, pause), where exec fails with `executable file not found in $PATH`. */
  executables?: string[];
  /** HTTP over the cluster network as the pod sees it (curl/wget in kubectl exec). */
  net?: (url: string) => NetReply;
  /** Cluster DNS as the pod's resolver reaches it (nslookup, dig). */
  dns?: (name: string) => { fqdn: string; ips: string[] } | undefined;
  /** The image's version ("1.28" for busybox:1.28): tools print differently across versions. */
  imageVersion?: string;
}

export type ContainerLookup = { context: ContainerContext } | { error: ApiResponse };

export function containerContext(server: ApiServer, namespace: string, pod: string, container: string | undefined): ContainerLookup {
  const found = findContainer(server, namespace, pod, container);
  if ("error" in found) return found;
  const phase = found.pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") return { error: badRequest(`cannot exec into a container in a completed pod; current phase is ${phase}`) };
  const c = found.container;
  const inst = c?.cur;
  if (!c || !inst || c.state !== "running") return { error: badRequest(`unable to upgrade connection: container not found ("${found.spec.name}")`) };
  const r = resolveImage(inst.image);
  const now = server.clock.now();
  const pn = podNetwork(server, namespace, found.sources.podIP);
  const b = behaviourOf(inst, found.spec, found.sources, pn.net, pn.dns);
  const files = assignData({ ...containerFiles(r.ok ? r.image : undefined, found.spec, found.sources, inst) }, b?.filesAt?.(now - inst.startedAt));
  return {
    context: {
      files,
      env: { ...inst.env },
      hostname: podHostname(found.pod),
      workingDir: found.spec.workingDir ?? (r.ok ? r.image.info.workingDir : "/"),
      mainProcess: inst.argv.join(" "),
      executables: r.ok ? [...r.image.info.bins] : undefined,
      net: pn.net,
      dns: pn.dns,
      ...(r.ok ? { imageVersion: r.image.version } : {}),
    },
  };
}

/** Keeps what an exec changed in the container (path → new content, null when removed), so the
 *  next exec sees it: shared and lasting under emptyDir mounts, per container run elsewhere. */
export function applyContainerWrites(server: ApiServer, namespace: string, pod: string, container: string | undefined, changes: Record<string, string | null>): void {
  const found = findContainer(server, namespace, pod, container);
  if ("error" in found || !found.worker || !found.container?.cur) return;
  // The worker may be shared with a checkpoint (frozen): change a private copy of it.
  const bag = stateOf(server);
  const w = bag && ownPod(kubeletState(bag), found.worker.uid);
  if (!w) return;
  recordWrites(w, found.container.cur, found.pod, found.spec, changes);
}
