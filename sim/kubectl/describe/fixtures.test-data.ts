// Test fixtures: a small read-only API over a list of objects, and objects shaped like what a
// v1.32 cluster holds (kubeadm node, a Deployment's pods, a NodePort Service, events).

import { KINDS } from "../../api/kinds";
import type { KubeObject } from "../../api/types";
import { discoveryDocument, isDiscoveryPath } from "../../apiserver/discovery";
import { parseLabelSelector } from "../../apiserver/label-selector";
import { matchesLabels } from "../../apiserver/selectors";
import type { ApiRequest, ApiResponse } from "../../core/api-types";
import type { ClusterPort } from "../../core/process";

/* eslint-disable @typescript-eslint/no-explicit-any */

const EXTRA: Record<string, string> = { resourcequotas: "ResourceQuota", limitranges: "LimitRange", leases: "Lease" };

function dotted(o: any, path: string): string {
  let v = o;
  for (const p of path.split(".")) v = v?.[p];
  return v === undefined || v === null ? "" : String(v);
}

function fieldMatch(o: KubeObject, sel: string): boolean {
  if (!sel) return true;
  return sel.split(",").every((term) => {
    const ne = term.indexOf("!=");
    if (ne >= 0) return dotted(o, term.slice(0, ne)) !== term.slice(ne + 2);
    const eq = term.indexOf("=");
    const key = term.slice(0, eq);
    const want = term.slice(eq + (term[eq + 1] === "=" ? 2 : 1));
    return dotted(o, key) === want;
  });
}

function notFound(resource: string, name: string): ApiResponse {
  return { status: 404, body: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: `${resource} "${name}" not found`, reason: "NotFound", details: { name, kind: resource }, code: 404 } };
}

/** A ClusterPort that serves GETs over fixed objects, at a fixed or live clock. */
export function fixtureApi(objects: KubeObject[], now: () => number): ClusterPort & { handle(req: ApiRequest): ApiResponse } {
  const resourceOf = (o: KubeObject) => KINDS.find((k) => k.kind === o.kind)?.resource ?? Object.keys(EXTRA).find((r) => EXTRA[r] === o.kind) ?? "";
  const handle = (req: ApiRequest): ApiResponse => {
    if (isDiscoveryPath(req.path)) {
      const doc = discoveryDocument(req.path);
      return doc ? { status: 200, body: doc } : { status: 404, body: {} };
    }
    const parts = req.path.split("?")[0].split("/").filter(Boolean);
    let i = parts[0] === "api" ? 2 : 3;
    let namespace: string | undefined;
    if (parts[i] === "namespaces" && parts.length > i + 2) {
      namespace = parts[i + 1];
      i += 2;
    }
    let resource = parts[i];
    let name = parts[i + 1];
    if (parts[i - 2] === "namespaces" && parts.length === i) {
      resource = "namespaces";
      name = namespace;
      namespace = undefined;
    }
    const matching = objects.filter((o) => resourceOf(o) === resource && (namespace === undefined || o.metadata.namespace === namespace));
    if (name !== undefined) {
      const o = matching.find((x) => x.metadata.name === name);
      return o ? { status: 200, body: o } : notFound(resource, name);
    }
    const labels = parseLabelSelector(req.query?.labelSelector ?? "");
    const items = matching.filter((o) => matchesLabels(labels, o.metadata.labels) && fieldMatch(o, req.query?.fieldSelector ?? ""));
    const kind = KINDS.find((k) => k.resource === resource)?.kind ?? EXTRA[resource] ?? "Unknown";
    const apiVersion = parts[0] === "api" ? "v1" : `${parts[1]}/${parts[2]}`;
    return { status: 200, body: { kind: `${kind}List`, apiVersion, metadata: { resourceVersion: "100" }, items } };
  };
  return { handle, request: handle, now, advanceTo: () => undefined, nextEventAt: () => undefined };
}

/** Objects for a cluster observed at `now` (ms). Ages are chosen so kubectl's own clock, a few
 *  hundred ms later, prints the same AGE (whole minutes past ten minutes). */
export function clusterObjects(now: number): KubeObject[] {
  const at = (secondsAgo: number) => new Date(Math.floor(now / 1000) * 1000 - secondsAgo * 1000).toISOString().replace(".000Z", "Z");
  const rsName = "web-7d4b9c8f5";
  const deployUid = "d0000000-0000-4000-8000-000000000001";
  const rsUid = "d0000000-0000-4000-8000-000000000002";
  const podUid = "d0000000-0000-4000-8000-000000000003";
  const podTemplate = {
    metadata: { labels: { app: "web", "pod-template-hash": "7d4b9c8f5" } },
    spec: {
      containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80, protocol: "TCP" }], resources: {}, terminationMessagePath: "/dev/termination-log", terminationMessagePolicy: "File", imagePullPolicy: "IfNotPresent" }],
      restartPolicy: "Always", terminationGracePeriodSeconds: 30, dnsPolicy: "ClusterFirst", securityContext: {}, schedulerName: "default-scheduler",
    },
  };
  const deployTemplate = structuredClone(podTemplate);
  delete (deployTemplate.metadata.labels as Record<string, string>)["pod-template-hash"];
  const pod: KubeObject = {
    apiVersion: "v1", kind: "Pod",
    metadata: {
      name: "web-7d4b9c8f5-x2x7q", generateName: "web-7d4b9c8f5-", namespace: "default", uid: podUid, resourceVersion: "900", creationTimestamp: at(1500),
      labels: { app: "web", "pod-template-hash": "7d4b9c8f5" },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: rsName, uid: rsUid, controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      ...structuredClone(podTemplate.spec),
      containers: [{
        ...podTemplate.spec.containers[0],
        command: ["nginx", "-g", "daemon off;"],
        env: [{ name: "MODE", value: "prod" }, { name: "POD_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.name" } } }, { name: "PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } }],
        resources: { limits: { cpu: "500m", memory: "128Mi" }, requests: { cpu: "250m", memory: "64Mi" } },
        livenessProbe: { httpGet: { path: "/", port: 80, scheme: "HTTP" }, initialDelaySeconds: 3, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
        volumeMounts: [{ name: "kube-api-access-5k2xq", readOnly: true, mountPath: "/var/run/secrets/kubernetes.io/serviceaccount" }, { name: "config", mountPath: "/etc/nginx/conf.d" }],
      }],
      serviceAccountName: "default", serviceAccount: "default", nodeName: "node01", priority: 0, enableServiceLinks: true, preemptionPolicy: "PreemptLowerPriority",
      tolerations: [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 }, { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 }],
      volumes: [
        { name: "config", configMap: { name: "web-config", defaultMode: 420 } },
        { name: "kube-api-access-5k2xq", projected: { defaultMode: 420, sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: "token" } }, { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } }, { downwardAPI: { items: [{ path: "namespace", fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } }] } }] } },
      ],
    },
    status: {
      phase: "Running", hostIP: "192.168.1.3", hostIPs: [{ ip: "192.168.1.3" }], podIP: "10.244.1.4", podIPs: [{ ip: "10.244.1.4" }], startTime: at(1500), qosClass: "Burstable",
      conditions: [
        { type: "PodReadyToStartContainers", status: "True", lastProbeTime: null, lastTransitionTime: at(1490) },
        { type: "Initialized", status: "True", lastProbeTime: null, lastTransitionTime: at(1500) },
        { type: "Ready", status: "True", lastProbeTime: null, lastTransitionTime: at(1400) },
        { type: "ContainersReady", status: "True", lastProbeTime: null, lastTransitionTime: at(1400) },
        { type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: at(1500) },
      ],
      containerStatuses: [{
        name: "nginx", ready: true, started: true, restartCount: 2, image: "docker.io/library/nginx:1.27",
        imageID: "docker.io/library/nginx@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a",
        containerID: "containerd://4c1b9a2b7e0d5f8a3c6e9d2f1a4b7c0e3d6f9a2b5c8e1d4f7a0b3c6e9d2f5a8b",
        state: { running: { startedAt: at(1400) } },
        lastState: { terminated: { exitCode: 137, reason: "Error", startedAt: at(1460), finishedAt: at(1420), containerID: "containerd://1111" } },
      }],
    },
  };
  const pending: KubeObject = {
    apiVersion: "v1", kind: "Pod",
    metadata: { name: "big", namespace: "default", uid: "d0000000-0000-4000-8000-000000000009", creationTimestamp: at(900), labels: { run: "big" } },
    spec: { containers: [{ name: "big", image: "busybox", args: ["sleep", "3600"], resources: { requests: { cpu: "64" } } }], restartPolicy: "Always", serviceAccountName: "default", priority: 0, tolerations: [{ operator: "Exists" }] },
    status: { phase: "Pending", qosClass: "Burstable", conditions: [{ type: "PodScheduled", status: "False", lastProbeTime: null, lastTransitionTime: at(900), reason: "Unschedulable", message: "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod." }] },
  };
  const ev = (name: string, involved: KubeObject, type: string, reason: string, message: string, first: number, last: number, count: number, component: string, host?: string, fieldPath?: string): KubeObject => ({
    apiVersion: "v1", kind: "Event",
    metadata: { name, namespace: involved.metadata.namespace ?? "default", uid: `e-${name}`, creationTimestamp: at(first) },
    involvedObject: { kind: involved.kind, namespace: involved.metadata.namespace, name: involved.metadata.name, uid: involved.metadata.uid, apiVersion: involved.apiVersion, ...(fieldPath ? { fieldPath } : {}) },
    reason, message, source: host ? { component, host } : { component }, firstTimestamp: at(first), lastTimestamp: at(last), count, type, eventTime: null, reportingComponent: component, reportingInstance: host ?? "",
  });
  const rs: KubeObject = {
    apiVersion: "apps/v1", kind: "ReplicaSet",
    metadata: { name: rsName, namespace: "default", uid: rsUid, creationTimestamp: at(1500), generation: 1, labels: { app: "web", "pod-template-hash": "7d4b9c8f5" }, annotations: { "deployment.kubernetes.io/desired-replicas": "1", "deployment.kubernetes.io/max-replicas": "2", "deployment.kubernetes.io/revision": "2" }, ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: deployUid, controller: true, blockOwnerDeletion: true }] },
    spec: { replicas: 1, selector: { matchLabels: { app: "web", "pod-template-hash": "7d4b9c8f5" } }, template: podTemplate },
    status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 },
  };
  const oldTemplate = structuredClone(podTemplate);
  oldTemplate.metadata.labels["pod-template-hash"] = "5c6d7f8b9";
  oldTemplate.spec.containers[0].image = "nginx:1.26";
  const oldRs: KubeObject = structuredClone(rs);
  Object.assign(oldRs.metadata, { name: "web-5c6d7f8b9", uid: "d0000000-0000-4000-8000-00000000000a", creationTimestamp: at(3000), labels: { app: "web", "pod-template-hash": "5c6d7f8b9" } });
  oldRs.spec = { replicas: 0, selector: { matchLabels: { app: "web", "pod-template-hash": "5c6d7f8b9" } }, template: oldTemplate };
  oldRs.status = { replicas: 0, observedGeneration: 2 };
  const deploy: KubeObject = {
    apiVersion: "apps/v1", kind: "Deployment",
    metadata: { name: "web", namespace: "default", uid: deployUid, creationTimestamp: at(3000), generation: 2, labels: { app: "web" }, annotations: { "deployment.kubernetes.io/revision": "2" } },
    spec: { replicas: 1, selector: { matchLabels: { app: "web" } }, template: deployTemplate, strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 },
    status: {
      observedGeneration: 2, replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1,
      conditions: [
        { type: "Available", status: "True", lastUpdateTime: at(2900), lastTransitionTime: at(2900), reason: "MinimumReplicasAvailable", message: "Deployment has minimum availability." },
        { type: "Progressing", status: "True", lastUpdateTime: at(1400), lastTransitionTime: at(3000), reason: "NewReplicaSetAvailable", message: 'ReplicaSet "web-7d4b9c8f5" has successfully progressed.' },
      ],
    },
  };
  const svc: KubeObject = {
    apiVersion: "v1", kind: "Service",
    metadata: { name: "web", namespace: "default", uid: "d0000000-0000-4000-8000-000000000004", creationTimestamp: at(2000), labels: { app: "web" } },
    spec: { type: "NodePort", selector: { app: "web" }, clusterIP: "10.96.120.7", clusterIPs: ["10.96.120.7"], ipFamilies: ["IPv4"], ipFamilyPolicy: "SingleStack", ports: [{ port: 80, protocol: "TCP", targetPort: 80, nodePort: 30080 }], sessionAffinity: "None", externalTrafficPolicy: "Cluster", internalTrafficPolicy: "Cluster" },
    status: { loadBalancer: {} },
  };
  const slice: KubeObject = {
    apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice",
    metadata: { name: "web-8k2hd", generateName: "web-", namespace: "default", uid: "d0000000-0000-4000-8000-000000000005", creationTimestamp: at(2000), labels: { "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io", "kubernetes.io/service-name": "web" }, annotations: { "endpoints.kubernetes.io/last-change-trigger-time": at(1400) } },
    addressType: "IPv4",
    ports: [{ name: "", port: 80, protocol: "TCP" }],
    endpoints: [{ addresses: ["10.244.1.4"], conditions: { ready: true, serving: true, terminating: false }, nodeName: "node01", targetRef: { kind: "Pod", namespace: "default", name: pod.metadata.name, uid: podUid } }],
  };
  const endpoints: KubeObject = {
    apiVersion: "v1", kind: "Endpoints",
    metadata: { name: "web", namespace: "default", uid: "d0000000-0000-4000-8000-000000000006", creationTimestamp: at(2000), labels: { app: "web" } },
    subsets: [{ addresses: [{ ip: "10.244.1.4", nodeName: "node01", targetRef: { kind: "Pod", namespace: "default", name: pod.metadata.name, uid: podUid } }], notReadyAddresses: [{ ip: "10.244.2.9" }], ports: [{ port: 80, protocol: "TCP" }] }],
  };
  const node: KubeObject = {
    apiVersion: "v1", kind: "Node",
    metadata: {
      name: "node01", uid: "d0000000-0000-4000-8000-000000000007", creationTimestamp: at(86400 * 3),
      labels: { "beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64", "kubernetes.io/hostname": "node01", "kubernetes.io/os": "linux" },
      annotations: { "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock", "node.alpha.kubernetes.io/ttl": "0", "volumes.kubernetes.io/controller-managed-attach-detach": "true" },
    },
    spec: { podCIDR: "10.244.1.0/24", podCIDRs: ["10.244.1.0/24"], taints: [{ key: "dedicated", value: "web", effect: "NoSchedule" }] },
    status: {
      capacity: { cpu: "2", "ephemeral-storage": "101430960Ki", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: "4025836Ki", pods: "110" },
      allocatable: { cpu: "2", "ephemeral-storage": "93478772582", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: "3923436Ki", pods: "110" },
      conditions: [
        { type: "MemoryPressure", status: "False", lastHeartbeatTime: at(30), lastTransitionTime: at(86400 * 3), reason: "KubeletHasSufficientMemory", message: "kubelet has sufficient memory available" },
        { type: "Ready", status: "True", lastHeartbeatTime: at(30), lastTransitionTime: at(86400 * 3 - 20), reason: "KubeletReady", message: "kubelet is posting ready status" },
      ],
      addresses: [{ type: "InternalIP", address: "192.168.1.3" }, { type: "Hostname", address: "node01" }],
      nodeInfo: { machineID: "a1b2c3", systemUUID: "d4e5f6", bootID: "0789ab", kernelVersion: "5.15.0-1083-gcp", osImage: "Ubuntu 22.04.5 LTS", containerRuntimeVersion: "containerd://1.7.27", kubeletVersion: "v1.32.5", kubeProxyVersion: "", operatingSystem: "linux", architecture: "amd64" },
    },
  };
  const lease: KubeObject = { apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name: "node01", namespace: "kube-node-lease", uid: "l1", creationTimestamp: at(86400 * 3) }, spec: { holderIdentity: "node01", leaseDurationSeconds: 40, renewTime: at(7).replace("Z", ".000000Z") } };
  const proxyPod: KubeObject = {
    apiVersion: "v1", kind: "Pod",
    metadata: { name: "kube-proxy-abcde", namespace: "kube-system", uid: "p2", creationTimestamp: at(86400 * 3) },
    spec: { nodeName: "node01", containers: [{ name: "kube-proxy", image: "registry.k8s.io/kube-proxy:v1.32.5" }] },
    status: { phase: "Running" },
  };
  const ns: KubeObject = { apiVersion: "v1", kind: "Namespace", metadata: { name: "default", uid: "n1", creationTimestamp: at(86400 * 3), labels: { "kubernetes.io/metadata.name": "default" } }, spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } };
  const cm: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "web-config", namespace: "default", uid: "c1", creationTimestamp: at(2000) }, data: { "default.conf": "server {\n  listen 80;\n}" } };
  const secret: KubeObject = { apiVersion: "v1", kind: "Secret", metadata: { name: "db", namespace: "default", uid: "s1", creationTimestamp: at(2000) }, type: "Opaque", data: { password: "cGFzc3dvcmQ=", user: "YWRtaW4=" } };
  const sa: KubeObject = { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: "default", uid: "sa1", creationTimestamp: at(86400 * 3) } };
  return [
    pod, pending, rs, oldRs, deploy, svc, slice, endpoints, node, lease, proxyPod, ns, cm, secret, sa,
    ev("web-7d4b9c8f5-x2x7q.1", pod, "Normal", "Scheduled", `Successfully assigned default/${pod.metadata.name} to node01`, 1500, 1500, 1, "default-scheduler"),
    ev("web-7d4b9c8f5-x2x7q.2", pod, "Normal", "Pulled", 'Container image "nginx:1.27" already present on machine', 1490, 1400, 3, "kubelet", "node01", "spec.containers{nginx}"),
    ev("web-7d4b9c8f5-x2x7q.3", pod, "Warning", "BackOff", "Back-off restarting failed container nginx in pod web-7d4b9c8f5-x2x7q_default(d0000000-0000-4000-8000-000000000003)", 1450, 1410, 2, "kubelet", "node01", "spec.containers{nginx}"),
    ev("big.1", pending, "Warning", "FailedScheduling", "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.", 900, 600, 4, "default-scheduler"),
    ev("web.1", deploy, "Normal", "ScalingReplicaSet", "Scaled up replica set web-7d4b9c8f5 from 0 to 1", 1500, 1500, 1, "deployment-controller"),
    ev("web.2", deploy, "Normal", "ScalingReplicaSet", "Scaled down replica set web-5c6d7f8b9 from 1 to 0", 1400, 1400, 1, "deployment-controller"),
    ev("node01.1", node, "Normal", "RegisteredNode", "Node node01 event: Registered Node node01 in Controller", 86400 * 3 - 30, 86400 * 3 - 30, 1, "node-controller"),
  ];
}
