// Reads kubelet state on behalf of the API server (pods/log) and the shell (pods/exec): finds the
// pod, its worker and the container a request names, with the API server's own error messages.

import type { ApiRequest, ApiResponse, Status } from "../core/api-types";
import type { KubeObject } from "../api/types";
import type { ApiServer } from "../apiserver/server";
import { Client } from "../apiserver/client";
import { kubeletState, type ContainerRt, type Instance, type PodRt } from "./state";
import type { VolumeSources } from "./volumes";

/* eslint-disable @typescript-eslint/no-explicit-any */

const STATES = new WeakMap<ApiServer, () => Record<string, unknown>>();

export function attachKubeletState(api: ApiServer, states: () => Record<string, unknown>): void {
  STATES.set(api, states);
}

/** The kubelet state bag of the cluster `api` belongs to. */
export function stateOf(api: ApiServer): Record<string, unknown> | undefined {
  return STATES.get(api)?.();
}

export function statusError(code: number, reason: string, message: string): ApiResponse {
  const body: Status = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code };
  return { status: code, body };
}

export const badRequest = (message: string) => statusError(400, "BadRequest", message);

export interface Found {
  pod: KubeObject;
  worker?: PodRt;
  container: ContainerRt | undefined;
  spec: any;
  client: Client;
  sources: VolumeSources;
}

/** The pod and container a log or exec request is about, or the error the API server answers. */
export function findContainer(server: ApiServer, namespace: string, name: string, container: string | undefined): Found | { error: ApiResponse } {
  const client = new Client({ request: (r: ApiRequest) => server.handle(r) }, "kube-apiserver");
  const res = server.handle({ method: "GET", path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}` });
  if (res.status !== 200) return { error: res };
  const pod = res.body as KubeObject;
  const mains: any[] = pod.spec?.containers ?? [];
  const inits: any[] = pod.spec?.initContainers ?? [];
  let spec: any;
  let init = false;
  if (!container) {
    if (mains.length !== 1) {
      const names = mains.map((c) => c.name).join(" ");
      const initPart = inits.length ? ` or one of the init containers: [${inits.map((c) => c.name).join(" ")}]` : "";
      return { error: badRequest(`a container name must be specified for pod ${name}, choose one of: [${names}]${initPart}`) };
    }
    spec = mains[0];
  } else {
    spec = mains.find((c) => c.name === container);
    if (!spec) {
      spec = inits.find((c) => c.name === container);
      init = !!spec;
    }
    if (!spec) return { error: badRequest(`container ${container} is not valid for pod ${name}`) };
  }
  const bag = STATES.get(server)?.();
  const nodeName: string | undefined = pod.spec?.nodeName;
  if (bag && nodeName && kubeletState(bag).nodes[nodeName]?.running === false) {
    // The API server proxies logs and exec to the kubelet's port; a stopped kubelet refuses.
    const node = client.get("nodes", undefined, nodeName);
    const ip: string = (node?.status?.addresses ?? []).find((a: any) => a.type === "InternalIP")?.address ?? nodeName;
    return { error: statusError(500, "InternalError", `Get "https://${ip}:10250/containerLogs/${namespace}/${name}/${spec.name}": dial tcp ${ip}:10250: connect: connection refused`) };
  }
  const worker = bag ? kubeletState(bag).pods[pod.metadata.uid ?? ""] : undefined;
  const c = worker?.containers.find((x) => x.name === spec.name && x.init === init);
  const sources: VolumeSources = {
    pod,
    worker,
    now: server.clock.now(),
    hostIP: pod.status?.hostIP ?? "",
    podIP: worker?.ip ?? pod.status?.podIP ?? "",
    configMap: (n) => client.get("configmaps", namespace, n),
    secret: (n) => client.get("secrets", namespace, n),
  };
  return { pod, worker, container: c, spec, client, sources };
}

/** The run `kubectl logs` reads (kubelet validateContainerLogStatus), or the error it reports. */
export function logInstance(f: Found, previous: boolean): Instance | string {
  const name = f.spec.name;
  const podName = f.pod.metadata.name;
  const c = f.container;
  if (!f.pod.spec?.nodeName) return `pod ${podName} does not have a host assigned`;
  const lastTerminated = c ? (c.state === "waiting" && c.cur ? c.cur : c.last) : undefined;
  if (previous) return lastTerminated ?? `previous terminated container "${name}" in pod "${podName}" not found`;
  if (c?.cur && (c.state === "running" || c.state === "terminated")) return c.cur;
  if (lastTerminated) return lastTerminated;
  const reason = c?.reason ?? "ContainerCreating";
  if (reason === "ErrImagePull") return `container "${name}" in pod "${podName}" is waiting to start: image can't be pulled`;
  if (reason === "ImagePullBackOff") return `container "${name}" in pod "${podName}" is waiting to start: trying and failing to pull image`;
  return `container "${name}" in pod "${podName}" is waiting to start: ${reason}`;
}
