// Go ranges over Secret and ConfigMap data maps in random order, so the fixtures keep one key
// each where the real kubectl's output is compared line for line.
// Test fixtures: a small read-only API over a list of objects, and objects shaped like what a
// v1.32 cluster holds (kubeadm node, a Deployment's pods, a NodePort Service, events).

import { KINDS } from "../../api/kinds";
import type { KubeObject } from "../../api/types";
import { discoveryDocument, isDiscoveryPath } from "../../apiserver/discovery";
import { parseLabelSelector } from "../../apiserver/label-selector";
import { matchesLabels } from "../../apiserver/selectors";
import type { ApiRequest, ApiResponse } from "../../core/api-types";
import type { ClusterPort } from "../../core/process";
import { toTable } from "../../apiserver/printers/index";

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
    let name: string | undefined = parts[i + 1];
    if (parts[i - 2] === "namespaces" && parts.length === i) {
      resource = "namespaces";
      name = namespace;
      namespace = undefined;
    }
    const matching = objects.filter((o) => resourceOf(o) === resource && (namespace === undefined || o.metadata.namespace === namespace));
    const info = KINDS.find((k) => k.resource === resource);
    const asTable = (items: KubeObject[]) => toTable(info!, items, { now: now(), includeObject: "Metadata", resourceVersion: "100" });
    const wantsTable = info && (req.accept ?? "").includes("as=Table");
    if (name !== undefined) {
      const o = matching.find((x) => x.metadata.name === name);
      if (!o) return notFound(resource, name);
      return { status: 200, body: wantsTable ? asTable([o]) : o };
    }
    const labels = parseLabelSelector(req.query?.labelSelector ?? "");
    const items = matching.filter((o) => matchesLabels(labels, o.metadata.labels) && fieldMatch(o, req.query?.fieldSelector ?? ""));
    const kind = KINDS.find((k) => k.resource === resource)?.kind ?? EXTRA[resource] ?? "Unknown";
    const apiVersion = parts[0] === "api" ? "v1" : `${parts[1]}/${parts[2]}`;
    if (wantsTable) return { status: 200, body: asTable(items) };
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
  const secret: KubeObject = { apiVersion: "v1", kind: "Secret", metadata: { name: "db", namespace: "default", uid: "s1", creationTimestamp: at(2000) }, type: "Opaque", data: { password: "cGFzc3dvcmQ=" } };
  const sa: KubeObject = { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: "default", uid: "sa1", creationTimestamp: at(86400 * 3) } };
  const extra = moreObjects(at, node);
  return [
    ...extra,
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

/** Workloads and edge cases beyond the web Deployment: DaemonSet, Job, CronJob, RC, init containers,
 *  a terminating pod, LoadBalancer and headless services, binary config data, token secrets. */
function moreObjects(at: (s: number) => string, node: KubeObject): KubeObject[] {
  const tpl = (labels: Record<string, string>, image = "busybox:1.36", extra: Record<string, unknown> = {}) => ({
    metadata: { labels },
    spec: { containers: [{ name: "main", image, command: ["sh", "-c", "echo hi; sleep 3600"], resources: {}, imagePullPolicy: "IfNotPresent" }], restartPolicy: "Always", ...extra },
  });
  const ds: KubeObject = {
    apiVersion: "apps/v1", kind: "DaemonSet",
    metadata: { name: "logger", namespace: "default", uid: "ds1", creationTimestamp: at(4000), generation: 1, labels: { app: "logger" }, annotations: { "deprecated.daemonset.template.generation": "1" } },
    spec: { selector: { matchLabels: { app: "logger" } }, template: tpl({ app: "logger" }, "fluentd:v1", { nodeSelector: { "kubernetes.io/os": "linux" }, tolerations: [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" }] }), updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } } },
    status: { currentNumberScheduled: 2, numberMisscheduled: 0, desiredNumberScheduled: 2, numberReady: 1, observedGeneration: 1, updatedNumberScheduled: 2, numberAvailable: 1, numberUnavailable: 1 },
  };
  const dsPod: KubeObject = {
    apiVersion: "v1", kind: "Pod",
    metadata: { name: "logger-q8r7k", namespace: "default", uid: "dsp1", creationTimestamp: at(3900), labels: { app: "logger" }, ownerReferences: [{ apiVersion: "apps/v1", kind: "DaemonSet", name: "logger", uid: "ds1", controller: true }] },
    spec: { nodeName: "node01", containers: [{ name: "main", image: "fluentd:v1" }], initContainers: [{ name: "setup", image: "busybox:1.36", command: ["sh", "-c", "exit 1"] }] },
    status: {
      phase: "Pending", hostIP: "192.168.1.3", startTime: at(3900), qosClass: "BestEffort",
      conditions: [{ type: "Initialized", status: "False", lastTransitionTime: at(3900), reason: "ContainersNotInitialized", message: "containers with incomplete status: [setup]" }, { type: "PodScheduled", status: "True", lastTransitionTime: at(3900) }],
      initContainerStatuses: [{ name: "setup", ready: false, restartCount: 6, image: "docker.io/library/busybox:1.36", imageID: "", containerID: "containerd://abc", started: false, state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 5m0s restarting failed container=setup" } }, lastState: { terminated: { exitCode: 1, reason: "Error", startedAt: at(700), finishedAt: at(700) } } }],
      containerStatuses: [{ name: "main", ready: false, restartCount: 0, image: "fluentd:v1", imageID: "", started: false, state: { waiting: { reason: "PodInitializing" } } }],
    },
  };
  const job: KubeObject = {
    apiVersion: "batch/v1", kind: "Job",
    metadata: { name: "pi", namespace: "default", uid: "j1", creationTimestamp: at(2400), labels: { "batch.kubernetes.io/controller-uid": "j1", "batch.kubernetes.io/job-name": "pi", "controller-uid": "j1", "job-name": "pi" } },
    spec: { parallelism: 1, completions: 1, backoffLimit: 4, completionMode: "NonIndexed", suspend: false, manualSelector: false, podReplacementPolicy: "TerminatingOrFailed",
      selector: { matchLabels: { "batch.kubernetes.io/controller-uid": "j1" } },
      template: tpl({ "batch.kubernetes.io/controller-uid": "j1", "batch.kubernetes.io/job-name": "pi", "controller-uid": "j1", "job-name": "pi" }, "perl:5.34", { restartPolicy: "Never" }) },
    status: { startTime: at(2400), completionTime: at(2340), succeeded: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {}, conditions: [{ type: "Complete", status: "True", lastProbeTime: at(2340), lastTransitionTime: at(2340) }] },
  };
  const cron: KubeObject = {
    apiVersion: "batch/v1", kind: "CronJob",
    metadata: { name: "hello", namespace: "default", uid: "cj1", creationTimestamp: at(3600) },
    spec: { schedule: "*/5 * * * *", concurrencyPolicy: "Allow", suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1, jobTemplate: { metadata: {}, spec: { template: tpl({}, "busybox:1.36", { restartPolicy: "OnFailure" }) } } },
    status: { lastScheduleTime: at(900), lastSuccessfulTime: at(880), active: [{ kind: "Job", namespace: "default", name: "hello-29410000", uid: "x", apiVersion: "batch/v1" }] },
  };
  const rc: KubeObject = {
    apiVersion: "v1", kind: "ReplicationController",
    metadata: { name: "legacy", namespace: "default", uid: "rc1", creationTimestamp: at(5000), generation: 1, labels: { app: "legacy" } },
    spec: { replicas: 2, selector: { app: "legacy" }, template: tpl({ app: "legacy" }, "nginx:1.27") },
    status: { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 },
  };
  const terminating: KubeObject = {
    apiVersion: "v1", kind: "Pod",
    metadata: { name: "old", namespace: "default", uid: "t1", creationTimestamp: at(7200), deletionTimestamp: at(-30), deletionGracePeriodSeconds: 30, labels: {}, annotations: { note: "x".repeat(150), multi: "line one\nline two" } },
    spec: { nodeName: "node01", containers: [{ name: "app", image: "redis", ports: [{ containerPort: 6379, protocol: "TCP" }, { containerPort: 6380, hostPort: 6380, protocol: "TCP" }], readinessProbe: { exec: { command: ["redis-cli", "ping"] }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 }, resources: { limits: { cpu: "1", memory: "1Gi" }, requests: { cpu: "1", memory: "1Gi" } }, envFrom: [{ configMapRef: { name: "web-config" } }, { prefix: "DB_", secretRef: { name: "db", optional: true } }] }],
      volumes: [{ name: "data", emptyDir: {} }, { name: "host", hostPath: { path: "/var/log", type: "Directory" } }, { name: "creds", secret: { secretName: "db", defaultMode: 420 } }] },
    status: { phase: "Running", hostIP: "192.168.1.3", podIP: "10.244.1.9", podIPs: [{ ip: "10.244.1.9" }], startTime: at(7200), qosClass: "Guaranteed",
      containerStatuses: [{ name: "app", ready: true, restartCount: 0, image: "docker.io/library/redis:latest", imageID: "docker.io/library/redis@sha256:1", containerID: "containerd://2", started: true, state: { running: { startedAt: at(7100) } } }] },
  };
  const done: KubeObject = {
    apiVersion: "v1", kind: "Pod",
    metadata: { name: "pi-xk2p9", namespace: "default", uid: "pd1", creationTimestamp: at(2400), labels: { "job-name": "pi" }, ownerReferences: [{ apiVersion: "batch/v1", kind: "Job", name: "pi", uid: "j1", controller: true }] },
    spec: { nodeName: "node01", restartPolicy: "Never", containers: [{ name: "main", image: "perl:5.34", command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(20)"] }] },
    status: { phase: "Succeeded", hostIP: "192.168.1.3", podIP: "10.244.1.7", podIPs: [{ ip: "10.244.1.7" }], startTime: at(2400), qosClass: "BestEffort",
      containerStatuses: [{ name: "main", ready: false, restartCount: 0, image: "docker.io/library/perl:5.34", imageID: "docker.io/library/perl@sha256:2", containerID: "containerd://3", started: false, state: { terminated: { exitCode: 0, reason: "Completed", startedAt: at(2390), finishedAt: at(2345) } } }] },
  };
  const lb: KubeObject = {
    apiVersion: "v1", kind: "Service",
    metadata: { name: "lb", namespace: "default", uid: "lb1", creationTimestamp: at(1800) },
    spec: { type: "LoadBalancer", selector: { app: "web" }, clusterIP: "10.96.5.5", clusterIPs: ["10.96.5.5"], ipFamilies: ["IPv4"], ipFamilyPolicy: "SingleStack", ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: "http", nodePort: 31080 }, { name: "https", port: 443, protocol: "TCP", targetPort: 8443, nodePort: 31443 }], sessionAffinity: "None", externalTrafficPolicy: "Local", healthCheckNodePort: 32000, internalTrafficPolicy: "Cluster", allocateLoadBalancerNodePorts: true },
    status: { loadBalancer: { ingress: [{ ip: "34.120.1.2", ipMode: "VIP" }] } },
  };
  const headless: KubeObject = {
    apiVersion: "v1", kind: "Service",
    metadata: { name: "db", namespace: "default", uid: "h1", creationTimestamp: at(1800) },
    spec: { type: "ClusterIP", clusterIP: "None", clusterIPs: ["None"], selector: { app: "db" }, ipFamilies: ["IPv4"], ipFamilyPolicy: "SingleStack", ports: [{ port: 5432, protocol: "TCP", targetPort: 5432 }], sessionAffinity: "None", internalTrafficPolicy: "Cluster" },
    status: { loadBalancer: {} },
  };
  const ext: KubeObject = {
    apiVersion: "v1", kind: "Service",
    metadata: { name: "ext", namespace: "default", uid: "x1", creationTimestamp: at(1800) },
    spec: { type: "ExternalName", externalName: "example.com", sessionAffinity: "None" },
    status: { loadBalancer: {} },
  };
  const binCm: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "bin", namespace: "default", uid: "b1", creationTimestamp: at(1200), labels: { tier: "x" } }, data: { b: "two\nlines" }, binaryData: { blob: "AAECAwQ=" } };
  const tokenSecret: KubeObject = { apiVersion: "v1", kind: "Secret", metadata: { name: "build-token", namespace: "default", uid: "s2", creationTimestamp: at(1200), annotations: { "kubernetes.io/service-account.name": "build", "kubernetes.io/service-account.uid": "sa2" } }, type: "kubernetes.io/service-account-token", data: { token: "ZXlKaGJHY2lPaUpTVXpJMU5pSjk=" } };
  const buildSa: KubeObject = { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "build", namespace: "default", uid: "sa2", creationTimestamp: at(1200) }, secrets: [{ name: "build-token" }, { name: "gone" }], imagePullSecrets: [{ name: "regcred" }] };
  const nodeEvent: KubeObject = {
    apiVersion: "v1", kind: "Event",
    metadata: { name: "node01.starting", namespace: "default", uid: "ev9", creationTimestamp: at(1000) },
    involvedObject: { kind: "Node", name: "node01", uid: "node01", apiVersion: "v1" },
    reason: "Starting", message: "Starting kubelet.", source: { component: "kubelet", host: "node01" },
    firstTimestamp: at(1000), lastTimestamp: at(1000), count: 1, type: "Normal", eventTime: null, reportingComponent: "kubelet", reportingInstance: "node01",
  };
  void node;
  return [ds, dsPod, job, cron, rc, terminating, done, lb, headless, ext, binCm, tokenSecret, buildSa, nodeEvent];
}
