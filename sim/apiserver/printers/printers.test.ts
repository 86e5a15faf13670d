import { describe, expect, test } from "vitest";
import { kindByKind } from "../../api/kinds";
import type { KubeObject, Table } from "../../api/types";
import { KUBECTL_TABLE, tabwrite } from "../../core/tabwriter";
import { toTable } from "./index";
import { summarizePod } from "./pod";

const NOW = Date.parse("2026-11-25T12:00:00Z");
const ago = (s: number) => new Date(NOW - s * 1000).toISOString().replace(".000Z", "Z");

function meta(name: string, ageS = 300, extra: Record<string, unknown> = {}) {
  return { name, namespace: "default", uid: `uid-${name}`, creationTimestamp: ago(ageS), ...extra };
}

function table(apiVersion: string, kind: string, objects: Partial<KubeObject>[]): Table {
  const k = kindByKind(apiVersion, kind) ?? { kind, group: apiVersion.includes("/") ? apiVersion.split("/")[0] : "", version: "v1", resource: kind.toLowerCase() + "s", singular: kind.toLowerCase(), namespaced: true, shortNames: [], categories: [], verbs: [], subresources: [] };
  return toTable(k, objects.map((o) => ({ apiVersion, kind, ...o }) as KubeObject), { now: NOW, includeObject: "None" });
}

/** Renders a Table the way `kubectl get` (or `-o wide`) lays it out. */
function render(t: Table, wide = false): string {
  const keep = t.columnDefinitions.map((c) => wide || c.priority === 0);
  const lines = [t.columnDefinitions.filter((_, i) => keep[i]).map((c) => c.name.toUpperCase())];
  for (const r of t.rows) lines.push(r.cells.filter((_, i) => keep[i]).map(String));
  return tabwrite(lines.map((l) => l.join("\t")).join("\n") + "\n", KUBECTL_TABLE);
}

const running = { running: { startedAt: ago(290) } };
const podSpec = { containers: [{ name: "web", image: "nginx" }], nodeName: "node01" };

describe("pod STATUS, READY and RESTARTS", () => {
  const cases: [string, Partial<KubeObject>, string, string, number][] = [
    ["a running ready pod", { spec: podSpec, status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }], containerStatuses: [{ name: "web", ready: true, restartCount: 0, state: running }] } }, "1/1", "Running", 0],
    ["a pod whose image cannot be pulled", { spec: podSpec, status: { phase: "Pending", containerStatuses: [{ name: "web", ready: false, restartCount: 0, state: { waiting: { reason: "ImagePullBackOff" } } }] } }, "0/1", "ImagePullBackOff", 0],
    ["a pod not yet scheduled", { spec: { containers: podSpec.containers }, status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable" }] } }, "0/1", "Pending", 0],
    ["a pod held by scheduling gates", { spec: { containers: podSpec.containers }, status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }] } }, "0/1", "SchedulingGated", 0],
    ["a pod whose container exited 0", { spec: podSpec, status: { phase: "Succeeded", containerStatuses: [{ name: "web", ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: "Completed" } } }] } }, "0/1", "Completed", 0],
    ["a container terminated without a reason", { spec: podSpec, status: { phase: "Failed", containerStatuses: [{ name: "web", restartCount: 0, state: { terminated: { exitCode: 137 } } }] } }, "0/1", "ExitCode:137", 0],
    ["a container killed by a signal", { spec: podSpec, status: { phase: "Failed", containerStatuses: [{ name: "web", restartCount: 0, state: { terminated: { exitCode: 0, signal: 9 } } }] } }, "0/1", "Signal:9", 0],
    ["a pod waiting on its first init container", { spec: { ...podSpec, initContainers: [{ name: "a", image: "busybox" }, { name: "b", image: "busybox" }] }, status: { phase: "Pending", initContainerStatuses: [{ name: "a", restartCount: 0, state: { running: {} } }, { name: "b", restartCount: 0, state: { waiting: { reason: "PodInitializing" } } }], containerStatuses: [{ name: "web", restartCount: 0, state: { waiting: { reason: "PodInitializing" } } }] } }, "0/1", "Init:0/2", 0],
    ["a pod past its first init container", { spec: { ...podSpec, initContainers: [{ name: "a", image: "busybox" }, { name: "b", image: "busybox" }] }, status: { phase: "Pending", initContainerStatuses: [{ name: "a", restartCount: 0, state: { terminated: { exitCode: 0, reason: "Completed" } } }, { name: "b", restartCount: 0, state: { running: {} } }] } }, "0/1", "Init:1/2", 0],
    ["an init container crash-looping", { spec: { ...podSpec, initContainers: [{ name: "a", image: "busybox" }] }, status: { phase: "Pending", initContainerStatuses: [{ name: "a", restartCount: 3, state: { waiting: { reason: "CrashLoopBackOff" } } }] } }, "0/1", "Init:CrashLoopBackOff", 3],
    ["an init container that failed", { spec: { ...podSpec, initContainers: [{ name: "a", image: "busybox" }] }, status: { phase: "Pending", initContainerStatuses: [{ name: "a", restartCount: 0, state: { terminated: { exitCode: 1, reason: "Error" } } }] } }, "0/1", "Init:Error", 0],
    ["a running pod with a started sidecar", { spec: { ...podSpec, initContainers: [{ name: "proxy", image: "envoy", restartPolicy: "Always" }] }, status: { phase: "Running", conditions: [{ type: "Initialized", status: "True" }, { type: "Ready", status: "True" }], initContainerStatuses: [{ name: "proxy", ready: true, started: true, restartCount: 1, state: running }], containerStatuses: [{ name: "web", ready: true, restartCount: 2, state: running }] } }, "2/2", "Running", 3],
    ["a completed container beside a running one in a ready pod", { spec: { containers: [{ name: "a" }, { name: "b" }] }, status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }], containerStatuses: [{ name: "a", ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: "Completed" } } }, { name: "b", ready: true, restartCount: 0, state: running }] } }, "1/2", "Running", 0],
    ["a completed container beside a running one in a pod not ready", { spec: { containers: [{ name: "a" }, { name: "b" }] }, status: { phase: "Running", conditions: [{ type: "Ready", status: "False" }], containerStatuses: [{ name: "a", ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: "Completed" } } }, { name: "b", ready: true, restartCount: 0, state: running }] } }, "1/2", "NotReady", 0],
    ["a deleted running pod", { metadata: meta("x", 300, { deletionTimestamp: ago(1) }), spec: podSpec, status: { phase: "Running", containerStatuses: [{ name: "web", ready: true, restartCount: 0, state: running }] } }, "1/1", "Terminating", 0],
    ["a deleted pod on a lost node", { metadata: meta("x", 300, { deletionTimestamp: ago(1) }), spec: podSpec, status: { phase: "Running", reason: "NodeLost", containerStatuses: [{ name: "web", ready: true, restartCount: 0, state: running }] } }, "1/1", "Unknown", 0],
    ["a deleted pod that already succeeded", { metadata: meta("x", 300, { deletionTimestamp: ago(1) }), spec: podSpec, status: { phase: "Succeeded", containerStatuses: [{ name: "web", restartCount: 0, state: { terminated: { exitCode: 0, reason: "Completed" } } }] } }, "0/1", "Completed", 0],
    ["an evicted pod", { spec: podSpec, status: { phase: "Failed", reason: "Evicted" } }, "0/1", "Evicted", 0],
  ];
  test.each(cases)("%s", (_name, pod, ready, status, restarts) => {
    const s = summarizePod({ apiVersion: "v1", kind: "Pod", metadata: meta("x"), ...pod } as KubeObject);
    expect([`${s.ready}/${s.total}`, s.reason, s.restarts]).toEqual([ready, status, restarts]);
  });

  test("restarts show how long ago the last container restart finished", () => {
    const t = table("v1", "Pod", [{ metadata: meta("crash", 600), spec: podSpec, status: { phase: "Running", podIPs: [{ ip: "10.244.1.5" }], containerStatuses: [{ name: "web", ready: false, restartCount: 5, lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: ago(75) } }, state: { waiting: { reason: "CrashLoopBackOff" } } }] } }]);
    expect(t.rows[0].cells).toEqual(["crash", "0/1", "CrashLoopBackOff", "5 (75s ago)", "10m", "10.244.1.5", "node01", "<none>", "<none>"]);
  });

  test("kubectl get pods and -o wide line up as the real kubectl prints them", () => {
    const t = table("v1", "Pod", [
      { metadata: meta("web", 125), spec: podSpec, status: { phase: "Running", podIPs: [{ ip: "10.244.1.2" }], containerStatuses: [{ name: "web", ready: true, restartCount: 0, state: running }] } },
      { metadata: meta("redis", 40), spec: { containers: [{ name: "redis", image: "redis123" }], nodeName: "node02" }, status: { phase: "Pending", containerStatuses: [{ name: "redis", ready: false, restartCount: 0, state: { waiting: { reason: "ErrImagePull" } } }] } },
    ]);
    expect(render(t)).toBe(
      "NAME    READY   STATUS         RESTARTS   AGE\n" +
      "web     1/1     Running        0          2m5s\n" +
      "redis   0/1     ErrImagePull   0          40s\n");
    expect(render(t, true)).toBe(
      "NAME    READY   STATUS         RESTARTS   AGE    IP           NODE     NOMINATED NODE   READINESS GATES\n" +
      "web     1/1     Running        0          2m5s   10.244.1.2   node01   <none>           <none>\n" +
      "redis   0/1     ErrImagePull   0          40s    <none>       node02   <none>           <none>\n");
  });

  test("readiness gates count the gate conditions that are True", () => {
    const t = table("v1", "Pod", [{ metadata: meta("g"), spec: { ...podSpec, readinessGates: [{ conditionType: "a" }, { conditionType: "b" }] }, status: { phase: "Running", conditions: [{ type: "a", status: "True" }, { type: "b", status: "False" }] } }]);
    expect(t.rows[0].cells[8]).toBe("1/2");
  });
});

describe("nodes", () => {
  const node = (name: string, labels: Record<string, string>, ready: string | undefined, unschedulable = false): Partial<KubeObject> => ({
    metadata: { name, uid: name, creationTimestamp: ago(3 * 86400 + 3600), labels },
    spec: unschedulable ? { unschedulable: true } : {},
    status: {
      conditions: ready ? [{ type: "MemoryPressure", status: "False" }, { type: "Ready", status: ready }] : [],
      addresses: [{ type: "InternalIP", address: "192.168.1.2" }, { type: "Hostname", address: name }],
      nodeInfo: { kubeletVersion: "v1.32.5", osImage: "Ubuntu 22.04.5 LTS", kernelVersion: "5.15.0-1083-gcp", containerRuntimeVersion: "containerd://1.7.27" },
    },
  });
  test("status, roles, age and version, with the wide system columns", () => {
    const t = table("v1", "Node", [
      node("controlplane", { "node-role.kubernetes.io/control-plane": "" }, "True"),
      node("node01", {}, "False", true),
      node("node02", { "kubernetes.io/role": "worker", "node-role.kubernetes.io/infra": "" }, undefined),
    ]);
    expect(t.rows.map((r) => r.cells.slice(0, 5))).toEqual([
      ["controlplane", "Ready", "control-plane", "3d1h", "v1.32.5"],
      ["node01", "NotReady,SchedulingDisabled", "<none>", "3d1h", "v1.32.5"],
      ["node02", "Unknown", "infra,worker", "3d1h", "v1.32.5"],
    ]);
    expect(t.rows[0].cells.slice(5)).toEqual(["192.168.1.2", "<none>", "Ubuntu 22.04.5 LTS", "5.15.0-1083-gcp", "containerd://1.7.27"]);
  });
});

describe("services, endpoints and endpoint slices", () => {
  const svc = (name: string, spec: Record<string, unknown>, status: Record<string, unknown> = {}): Partial<KubeObject> => ({ metadata: meta(name, 7200), spec, status });
  test("type, cluster IP, external IP, ports and selector", () => {
    const t = table("v1", "Service", [
      svc("kubernetes", { type: "ClusterIP", clusterIPs: ["10.96.0.1"], ports: [{ port: 443, protocol: "TCP" }] }),
      svc("web", { type: "NodePort", clusterIPs: ["10.96.12.7"], ports: [{ port: 80, nodePort: 30080, protocol: "TCP" }, { port: 443, nodePort: 30443, protocol: "TCP" }], selector: { app: "web", tier: "fe" } }),
      svc("lb", { type: "LoadBalancer", clusterIPs: ["10.96.3.3"], ports: [{ port: 80, nodePort: 31000, protocol: "TCP" }] }),
      svc("lb2", { type: "LoadBalancer", clusterIPs: ["10.96.3.4"], ports: [{ port: 80, nodePort: 31001, protocol: "TCP" }] }, { loadBalancer: { ingress: [{ ip: "34.1.2.3" }] } }),
      svc("db", { type: "ClusterIP", clusterIP: "None", clusterIPs: ["None"], selector: { app: "db" } }),
      svc("ext", { type: "ExternalName", externalName: "example.com" }),
    ]);
    expect(t.rows.map((r) => r.cells.filter((_, i) => i !== 5))).toEqual([
      ["kubernetes", "ClusterIP", "10.96.0.1", "<none>", "443/TCP", "<none>"],
      ["web", "NodePort", "10.96.12.7", "<none>", "80:30080/TCP,443:30443/TCP", "app=web,tier=fe"],
      ["lb", "LoadBalancer", "10.96.3.3", "<pending>", "80:31000/TCP", "<none>"],
      ["lb2", "LoadBalancer", "10.96.3.4", "34.1.2.3", "80:31001/TCP", "<none>"],
      ["db", "ClusterIP", "None", "<none>", "<none>", "app=db"],
      ["ext", "ExternalName", "<none>", "example.com", "<none>", "<none>"],
    ]);
    expect(t.rows[0].cells[5]).toBe("120m");
  });

  test("endpoints list three addresses, then how many more", () => {
    const addrs = (n: number) => Array.from({ length: n }, (_, i) => ({ ip: `10.244.${i + 1}.2` }));
    const t = table("v1", "Endpoints", [
      { metadata: meta("web"), subsets: [{ addresses: addrs(4), ports: [{ port: 80, protocol: "TCP" }] }] },
      { metadata: meta("two"), subsets: [{ addresses: addrs(2), ports: [{ port: 8080, protocol: "TCP" }] }] },
      { metadata: meta("none") },
      { metadata: meta("headless"), subsets: [{ addresses: addrs(1) }] },
    ]);
    expect(t.rows.map((r) => r.cells[1])).toEqual(["10.244.1.2:80,10.244.2.2:80,10.244.3.2:80 + 1 more...", "10.244.1.2:8080,10.244.2.2:8080", "<none>", "10.244.1.2"]);
  });

  test("endpoint slices show address type, ports and addresses, <unset> when empty", () => {
    const t = table("discovery.k8s.io/v1", "EndpointSlice", [
      { metadata: meta("web-abcde"), addressType: "IPv4", ports: [{ name: "", port: 80, protocol: "TCP" }], endpoints: [{ addresses: ["10.244.1.2"] }, { addresses: ["10.244.2.3"] }] },
      { metadata: meta("empty-x"), addressType: "IPv4", ports: null, endpoints: [] },
    ]);
    expect(t.rows.map((r) => r.cells.slice(0, 4))).toEqual([
      ["web-abcde", "IPv4", "80", "10.244.1.2,10.244.2.3"],
      ["empty-x", "IPv4", "<unset>", "<unset>"],
    ]);
  });
});

describe("workloads", () => {
  const template = { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }, { name: "log", image: "busybox" }] } };
  test("deployments show READY as ready/desired and the wide template columns", () => {
    const t = table("apps/v1", "Deployment", [{ metadata: meta("web", 3600), spec: { replicas: 3, selector: { matchLabels: { app: "web" }, matchExpressions: [{ key: "tier", operator: "In", values: ["fe", "be"] }] }, template }, status: { replicas: 3, readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 } }]);
    expect(t.rows[0].cells).toEqual(["web", "2/3", 3, 2, "60m", "nginx,log", "nginx:1.27,busybox", "app=web,tier in (be,fe)"]);
    expect(t.columnDefinitions.map((c) => `${c.name}:${c.priority}`)).toEqual(["Name:0", "Ready:0", "Up-to-date:0", "Available:0", "Age:0", "Containers:1", "Images:1", "Selector:1"]);
  });

  test("replica sets and replication controllers show desired, current and ready counts", () => {
    const rs = table("apps/v1", "ReplicaSet", [{ metadata: meta("web-7d4b9c8f5", 3600), spec: { replicas: 3, selector: { matchLabels: { app: "web", "pod-template-hash": "7d4b9c8f5" } }, template }, status: { replicas: 3, readyReplicas: 1 } }]);
    expect(rs.rows[0].cells).toEqual(["web-7d4b9c8f5", 3, 3, 1, "60m", "nginx,log", "nginx:1.27,busybox", "app=web,pod-template-hash=7d4b9c8f5"]);
    const rc = table("v1", "ReplicationController", [{ metadata: meta("old", 60), spec: { replicas: 2, selector: { app: "old" }, template }, status: { replicas: 2 } }]);
    expect(rc.rows[0].cells).toEqual(["old", 2, 2, 0, "60s", "nginx,log", "nginx:1.27,busybox", "app=old"]);
  });

  test("daemon sets show scheduling counts and the node selector", () => {
    const t = table("apps/v1", "DaemonSet", [{ metadata: meta("kube-proxy", 86400), spec: { selector: { matchLabels: { "k8s-app": "kube-proxy" } }, template: { spec: { nodeSelector: { "kubernetes.io/os": "linux" }, containers: [{ name: "kube-proxy", image: "registry.k8s.io/kube-proxy:v1.32.5" }] } } }, status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 3, numberAvailable: 3 } }]);
    expect(t.rows[0].cells).toEqual(["kube-proxy", 3, 3, 3, 3, 3, "kubernetes.io/os=linux", "24h", "kube-proxy", "registry.k8s.io/kube-proxy:v1.32.5", "k8s-app=kube-proxy"]);
  });

  test("jobs show status, completions and duration; cron jobs their schedule", () => {
    const jobs = table("batch/v1", "Job", [
      { metadata: meta("pi", 200), spec: { completions: 1, parallelism: 1, selector: { matchLabels: { "batch.kubernetes.io/controller-uid": "u" } }, template }, status: { succeeded: 1, startTime: ago(200), completionTime: ago(185), conditions: [{ type: "Complete", status: "True" }] } },
      { metadata: meta("work", 30), spec: { parallelism: 3, template }, status: { active: 3, startTime: ago(30) } },
    ]);
    expect(jobs.rows.map((r) => r.cells.slice(0, 5))).toEqual([["pi", "Complete", "1/1", "15s", "3m20s"], ["work", "Running", "0/1 of 3", "30s", "30s"]]);
    const cj = table("batch/v1", "CronJob", [{ metadata: meta("hello", 600), spec: { schedule: "*/1 * * * *", suspend: false, jobTemplate: { spec: { template } } }, status: { active: [{ name: "hello-1" }], lastScheduleTime: ago(20) } }]);
    expect(cj.rows[0].cells.slice(0, 7)).toEqual(["hello", "*/1 * * * *", "<none>", "False", 1, "20s", "10m"]);
  });
});

describe("events, namespaces, config maps, secrets and service accounts", () => {
  test("events show last seen, type, reason, kind/name and the trimmed message; wide adds source, first seen, count, name", () => {
    const t = table("v1", "Event", [{ metadata: meta("redis.18a1b2c3d4e5f601"), involvedObject: { kind: "Pod", name: "redis", namespace: "default", fieldPath: "spec.containers{redis}" }, reason: "BackOff", message: "Back-off pulling image \"redis123\"\n", source: { component: "kubelet", host: "node01" }, firstTimestamp: ago(240), lastTimestamp: ago(10), count: 5, type: "Warning" }]);
    expect(t.rows[0].cells).toEqual(["10s", "Warning", "BackOff", "pod/redis", "spec.containers{redis}", "kubelet, node01", 'Back-off pulling image "redis123"', "4m", 5, "redis.18a1b2c3d4e5f601"]);
    expect(render(t)).toBe("LAST SEEN   TYPE      REASON    OBJECT      MESSAGE\n10s         Warning   BackOff   pod/redis   Back-off pulling image \"redis123\"\n");
  });

  test("an event without timestamps falls back to eventTime and counts as one", () => {
    const t = table("v1", "Event", [{ metadata: meta("e"), involvedObject: { kind: "Node", name: "node01" }, reason: "Starting", message: "", eventTime: ago(30), reportingComponent: "kube-proxy", reportingInstance: "kube-proxy-node01", type: "Normal" }]);
    expect(t.rows[0].cells).toEqual(["30s", "Normal", "Starting", "node/node01", "", "kube-proxy, kube-proxy-node01", "", "30s", 1, "e"]);
  });

  test("namespaces, config maps, secrets and service accounts count what they hold", () => {
    expect(table("v1", "Namespace", [{ metadata: { name: "dev", creationTimestamp: ago(5) }, status: { phase: "Active" } }]).rows[0].cells).toEqual(["dev", "Active", "5s"]);
    expect(table("v1", "ConfigMap", [{ metadata: meta("cfg"), data: { a: "1", b: "2" }, binaryData: { c: "AA==" } }]).rows[0].cells).toEqual(["cfg", 3, "5m"]);
    expect(table("v1", "Secret", [{ metadata: meta("s"), type: "Opaque", data: { password: "cGFzcw==" } }]).rows[0].cells).toEqual(["s", "Opaque", 1, "5m"]);
    expect(table("v1", "ServiceAccount", [{ metadata: meta("default") }]).rows[0].cells).toEqual(["default", 0, "5m"]);
  });
});

describe("the Table envelope", () => {
  test("rows carry the object as asked: none, partial metadata, or the full object", () => {
    const k = kindByKind("v1", "ConfigMap")!;
    const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: meta("cfg"), data: { a: "1" } } as KubeObject;
    expect(toTable(k, [cm], { now: NOW, includeObject: "None" }).rows[0]).not.toHaveProperty("object");
    expect(toTable(k, [cm], { now: NOW, includeObject: "Metadata" }).rows[0].object).toEqual({ kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: cm.metadata });
    expect(toTable(k, [cm], { now: NOW, includeObject: "Object", resourceVersion: "42" })).toMatchObject({ kind: "Table", apiVersion: "meta.k8s.io/v1", metadata: { resourceVersion: "42" }, rows: [{ object: cm }] });
  });

  test("an object without a creation timestamp has an unknown age", () => {
    expect(table("v1", "ConfigMap", [{ metadata: { name: "x" } }]).rows[0].cells[2]).toBe("<unknown>");
  });
});
