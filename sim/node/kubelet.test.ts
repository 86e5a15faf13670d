import { describe, expect, test } from "vitest";
import type { KubeObject } from "../api/types";
import { TestCluster } from "./test-cluster";

const nginx = { nodeName: "node01", containers: [{ name: "web", image: "nginx" }] };

describe("starting a pod", () => {
  test("a new nginx pod shows ContainerCreating, then Running within a few seconds", () => {
    const t = new TestCluster();
    t.pod("web", nginx);
    t.at(0.2);
    expect(t.get("web")!.status.phase).toBe("Pending");
    expect(t.state("web")).toBe("waiting:ContainerCreating");
    t.at(8);
    const pod = t.get("web")!;
    expect(pod.status.phase).toBe("Running");
    expect(t.state("web")).toBe("running");
    expect(pod.status.podIP).toMatch(/^10\.244\.1\.\d+$/);
    expect(pod.status.podIPs).toEqual([{ ip: pod.status.podIP }]);
    expect(pod.status.hostIP).toBe(pod.status.hostIPs[0].ip);
    expect(pod.status.qosClass).toBe("BestEffort");
    const cs = t.status("web");
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs.image).toBe("docker.io/library/nginx:latest");
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs).toMatchObject({ ready: true, started: true, restartCount: 0 });
    expect(pod.status.conditions.map((c: any) => `${c.type}=${c.status}`)).toEqual([
      "PodReadyToStartContainers=True", "Initialized=True", "Ready=True", "ContainersReady=True", "PodScheduled=True",
    ]);
  });

  test("the kubelet reports Pulling, Pulled with the pull time and size, Created and Started", () => {
    const t = new TestCluster();
    t.pod("web", nginx);
    t.at(10);
    const ev = t.events("web").map((e) => `${e.reason}: ${e.message}`);
    expect(ev).toContain('Pulling: Pulling image "nginx"');
    expect(ev.find((e) => e.startsWith("Pulled:"))).toMatch(/^Pulled: Successfully pulled image "nginx" in (\d+(\.\d+)?s|\d+ms) \(\1 including waiting\)\. Image size: 72080558 bytes\.$/);
    expect(ev).toContain("Created: Created container: web");
    expect(ev).toContain("Started: Started container web");
  });

  test("a preloaded image's digest on the node is the imageID its containers report, the same on every node", () => {
    const t = new TestCluster();
    t.at(30);
    const nodes = t.c.request({ method: "GET", path: "/api/v1/nodes" }).body as { items: KubeObject[] };
    const digests = new Map<string, Set<string>>();
    for (const n of nodes.items) for (const img of n.status!.images) digests.set(img.names[1], (digests.get(img.names[1]) ?? new Set()).add(img.names[0]));
    for (const set of digests.values()) expect(set.size).toBe(1);
    const pods = t.c.request({ method: "GET", path: "/api/v1/namespaces/kube-system/pods" }).body as { items: KubeObject[] };
    const running = pods.items.flatMap((p) => p.status!.containerStatuses ?? []);
    expect(running.length).toBeGreaterThan(5);
    for (const cs of running) expect(digests.get(cs.image)).toEqual(new Set([cs.imageID]));
  });

  test("event names are the pod's name and the creation time in UnixNano, in hex", () => {
    const t = new TestCluster();
    t.pod("web", nginx);
    t.at(10);
    const all = (t.c.request({ method: "GET", path: "/api/v1/namespaces/default/events" }).body as { items: KubeObject[] }).items;
    const events = all.filter((e) => e.involvedObject.name === "web");
    expect(events.length).toBeGreaterThan(3);
    for (const e of events) {
      const [, hex] = /^web\.([0-9a-f]{16})$/.exec(e.metadata.name!)!;
      const ms = Number(BigInt(`0x${hex}`) / BigInt(1_000_000));
      expect(new Date(ms).toISOString().replace(/\.\d+Z$/, "Z")).toBe(e.firstTimestamp);
    }
    expect(new Set(events.map((e) => e.metadata.name)).size).toBe(events.length);
  });

  test("a cached image under IfNotPresent is already present on machine", () => {
    const t = new TestCluster();
    t.pod("a", { nodeName: "node01", containers: [{ name: "c", image: "nginx:1.25" }] });
    t.at(10);
    t.pod("b", { nodeName: "node01", containers: [{ name: "c", image: "nginx:1.25", imagePullPolicy: "IfNotPresent" }] });
    t.at(12);
    expect(t.events("b").map((e) => e.message)).toContain('Container image "nginx:1.25" already present on machine');
    expect(t.state("b")).toBe("running");
  });

  test("pods on one node get distinct IPs from its podCIDR", () => {
    const t = new TestCluster();
    for (const n of ["a", "b", "c"]) t.pod(n, { nodeName: "node02", containers: [{ name: "c", image: "redis" }] });
    t.at(10);
    const ips = ["a", "b", "c"].map((n) => t.get(n)!.status.podIP);
    expect(new Set(ips).size).toBe(3);
    for (const ip of ips) expect(ip).toMatch(/^10\.244\.2\.\d+$/);
  });

  test("the same seed and the same commands give the same pod status", () => {
    const run = () => {
      const t = new TestCluster(3);
      t.pod("web", nginx);
      t.at(30);
      return JSON.stringify(t.get("web")!.status);
    };
    expect(run()).toBe(run());
  });
});

describe("image pull failures", () => {
  test("an unknown image fails with ErrImagePull, then backs off with ImagePullBackOff", () => {
    const t = new TestCluster();
    t.pod("redis", { nodeName: "node01", containers: [{ name: "redis", image: "redis123" }] });
    t.at(5);
    expect(t.state("redis")).toBe("waiting:ErrImagePull");
    expect(t.status("redis").state.waiting.message).toContain('pull access denied, repository does not exist or may require authorization');
    t.at(20);
    expect(t.state("redis")).toBe("waiting:ImagePullBackOff");
    const ev = t.events("redis").map((e) => `${e.type} ${e.reason}: ${e.message}`);
    expect(ev).toContain('Warning Failed: Failed to pull image "redis123": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/redis123:latest": failed to resolve reference "docker.io/library/redis123:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed');
    expect(ev).toContain("Warning Failed: Error: ErrImagePull");
    expect(ev).toContain('Normal BackOff: Back-off pulling image "redis123"');
    expect(ev).toContain("Warning Failed: Error: ImagePullBackOff");
    expect(t.get("redis")!.status.phase).toBe("Pending");
  });

  test("pull retries back off 10 s, 20 s, 40 s, ... up to 5 minutes", () => {
    const t = new TestCluster();
    t.pod("bad", { nodeName: "node01", containers: [{ name: "c", image: "nginx:nope" }] });
    const pullTimes: number[] = [];
    let last = 0;
    for (let s = 0; s <= 1200; s += 1) {
      t.at(s);
      const count = t.events("bad").find((e) => e.reason === "Pulling")?.count ?? 0;
      if (count > last) pullTimes.push(s);
      last = count;
    }
    const gaps = pullTimes.slice(1).map((x, i) => x - pullTimes[i]);
    // Each gap: the failed pull (<2 s) + ErrImagePull shown for 10 s + the back-off.
    const backoffs = gaps.map((g) => Math.round((g - 11) / 10) * 10);
    expect(backoffs.slice(0, 6)).toEqual([10, 20, 40, 80, 160, 300]);
    expect(t.logs("bad").text).toMatch(/^container "c" in pod "bad" is waiting to start: (trying and failing to pull image|image can't be pulled)$/);
  });

  test("fixing the image of a backing-off pod makes it run", () => {
    const t = new TestCluster();
    const pod = t.pod("redis", { nodeName: "node01", containers: [{ name: "redis", image: "redis123" }] });
    t.at(40);
    const cur = t.get("redis")!;
    cur.spec.containers[0].image = "redis";
    const res = t.c.request({ method: "PUT", path: "/api/v1/namespaces/default/pods/redis", body: cur });
    expect(res.status).toBeLessThan(300);
    t.wait(10);
    expect(t.state("redis")).toBe("running");
    expect(t.get("redis")!.metadata.uid).toBe(pod.metadata.uid);
  });
});

describe("containers that exit", () => {
  test("busybox's default shell completes, restarts once, then crash-loops with growing back-off", () => {
    const t = new TestCluster();
    t.pod("bb", { nodeName: "node01", containers: [{ name: "bb", image: "busybox", imagePullPolicy: "IfNotPresent" }] });
    t.at(12);
    expect(t.state("bb")).toBe("waiting:CrashLoopBackOff");
    const cs = t.status("bb");
    expect(cs.restartCount).toBe(1);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
    const uid = t.get("bb")!.metadata.uid;
    expect(cs.state.waiting.message).toBe(`back-off 10s restarting failed container=bb pod=bb_default(${uid})`);
    expect(t.events("bb").map((e) => e.message)).toContain(`Back-off restarting failed container bb in pod bb_default(${uid})`);
    t.at(29);
    expect(t.status("bb").restartCount).toBe(2);
    expect(t.status("bb").state.waiting?.message).toMatch(/^back-off 20s /);
    t.at(64);
    expect(t.status("bb").state.waiting?.message).toMatch(/^back-off 40s /);
    expect(t.get("bb")!.status.phase).toBe("Running");
  });

  test("the back-off stops growing at 5 minutes", () => {
    const t = new TestCluster();
    t.pod("bb", { nodeName: "node01", containers: [{ name: "bb", image: "busybox", imagePullPolicy: "IfNotPresent", command: ["sh", "-c", "exit 1"] }] });
    t.at(3600);
    expect(t.status("bb").state.waiting?.message).toMatch(/^back-off 5m0s /);
    expect(t.status("bb").lastState.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
    // 10+20+40+80+160 s, then one restart per 5 minutes.
    expect(t.status("bb").restartCount).toBeGreaterThanOrEqual(15);
    expect(t.status("bb").restartCount).toBeLessThanOrEqual(18);
  });

  test("fast-forwarding an hour of a crash loop costs one wake-up per back-off step", () => {
    const t = new TestCluster();
    t.pod("bb", { nodeName: "node01", containers: [{ name: "bb", image: "busybox", imagePullPolicy: "IfNotPresent", command: ["sh", "-c", "echo boom; exit 1"] }] });
    t.at(5);
    // Count the kubelet's wake-ups (the cluster keeps its reconcilers private).
    const kubelet = (t.c as unknown as { reconcilers: { name: string; onTimer?: (k: string, c: unknown) => void }[] }).reconcilers.find((r) => r.name === "kubelet")!;
    const onTimer = kubelet.onTimer!;
    let wakes = 0;
    kubelet.onTimer = (k, c) => { wakes++; onTimer(k, c); };
    t.at(3600);
    const restarts = t.status("bb").restartCount;
    // Per restart: back-off end, start, exit noticed; a handful more for the first fast restarts.
    expect(wakes).toBeLessThanOrEqual(restarts * 3 + 6);
    expect(t.c.clock.toJSON().timers.filter((x) => x.target === "kubelet").length).toBe(1);
    // Wall-clock cost is measured by `npm run bench:sim` (sim/BENCHMARKS.md), not asserted here.
  });

  test("restartPolicy Never ends Succeeded or Failed with Completed or Error", () => {
    const t = new TestCluster();
    t.pod("ok", { nodeName: "node01", restartPolicy: "Never", containers: [{ name: "c", image: "busybox", imagePullPolicy: "IfNotPresent", command: ["sh", "-c", "echo done"] }] });
    t.pod("bad", { nodeName: "node01", restartPolicy: "Never", containers: [{ name: "c", image: "busybox", imagePullPolicy: "IfNotPresent", command: ["sh", "-c", "exit 3"] }] });
    t.at(15);
    expect(t.get("ok")!.status.phase).toBe("Succeeded");
    expect(t.status("ok").state.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
    expect(t.get("bad")!.status.phase).toBe("Failed");
    expect(t.status("bad").state.terminated).toMatchObject({ exitCode: 3, reason: "Error" });
    expect(t.status("bad").restartCount).toBe(0);
    const ready = t.get("ok")!.status.conditions.find((c: any) => c.type === "Ready");
    expect(ready).toMatchObject({ status: "False", reason: "PodCompleted" });
  });

  test("restartPolicy OnFailure restarts failures but not successes", () => {
    const t = new TestCluster();
    t.pod("ok", { nodeName: "node01", restartPolicy: "OnFailure", containers: [{ name: "c", image: "busybox", imagePullPolicy: "IfNotPresent", command: ["true"] }] });
    t.pod("bad", { nodeName: "node01", restartPolicy: "OnFailure", containers: [{ name: "c", image: "busybox", imagePullPolicy: "IfNotPresent", command: ["false"] }] });
    t.at(30);
    expect(t.get("ok")!.status.phase).toBe("Succeeded");
    expect(t.status("bad").restartCount).toBeGreaterThan(0);
    expect(t.get("bad")!.status.phase).toBe("Running");
  });

  test("sleep runs for its duration, then the container completes", () => {
    const t = new TestCluster();
    t.pod("s", { nodeName: "node01", restartPolicy: "Never", containers: [{ name: "c", image: "busybox", imagePullPolicy: "IfNotPresent", command: ["sleep", "60"] }] });
    t.at(30);
    expect(t.state("s")).toBe("running");
    t.at(70);
    expect(t.state("s")).toBe("terminated:Completed");
  });

  test("a missing executable is a StartError with exit code 128", () => {
    const t = new TestCluster();
    t.pod("x", { nodeName: "node01", restartPolicy: "Never", containers: [{ name: "c", image: "busybox", imagePullPolicy: "IfNotPresent", command: ["nginx"] }] });
    t.at(10);
    expect(t.status("x").state.terminated).toMatchObject({ exitCode: 128, reason: "StartError" });
    expect(t.status("x").state.terminated.message).toContain('exec: "nginx": executable file not found in $PATH');
  });
});

describe("init containers", () => {
  test("init containers run in order before the app container", () => {
    const t = new TestCluster();
    t.pod("app", {
      nodeName: "node01",
      initContainers: [
        { name: "one", image: "busybox", imagePullPolicy: "IfNotPresent", command: ["sleep", "10"] },
        { name: "two", image: "busybox", imagePullPolicy: "IfNotPresent", command: ["sleep", "10"] },
      ],
      containers: [{ name: "web", image: "nginx" }],
    });
    t.at(7);
    const p = t.get("app")!;
    expect(p.status.phase).toBe("Pending");
    expect(p.status.initContainerStatuses[0].state.running).toBeDefined();
    expect(p.status.initContainerStatuses[1].state.waiting.reason).toBe("PodInitializing");
    expect(t.state("app")).toBe("waiting:PodInitializing");
    expect(p.status.conditions.find((c: any) => c.type === "Initialized")).toMatchObject({ status: "False", reason: "ContainersNotInitialized", message: "containers with incomplete status: [one two]" });
    t.at(35);
    expect(t.get("app")!.status.phase).toBe("Running");
    expect(t.get("app")!.status.initContainerStatuses.map((s: any) => s.state.terminated?.reason)).toEqual(["Completed", "Completed"]);
  });
});

describe("sidecar containers", () => {
  test("a restartable init container keeps running beside the app container", () => {
    const t = new TestCluster();
    t.pod("side", {
      nodeName: "node01",
      initContainers: [{ name: "logger", image: "busybox", imagePullPolicy: "IfNotPresent", restartPolicy: "Always", command: ["sh", "-c", "while true; do echo shipping; sleep 10; done"] }],
      containers: [{ name: "web", image: "nginx" }],
    });
    t.at(30);
    const p = t.get("side")!;
    expect(p.status.phase).toBe("Running");
    expect(p.status.initContainerStatuses[0].state.running).toBeDefined();
    expect(t.state("side")).toBe("running");
  });
});

describe("snapshots", () => {
  test("a restored cluster continues a crash loop exactly as the original", async () => {
    const { restoreCluster } = await import("../world");
    const t = new TestCluster(11);
    t.pod("bb", { nodeName: "node02", containers: [{ name: "bb", image: "busybox", command: ["sh", "-c", "echo hi; sleep 3; exit 2"] }] });
    t.at(25);
    const copy = restoreCluster(JSON.parse(JSON.stringify(t.c.toJSON())));
    const until = t.c.now() + 600_000;
    t.c.advanceTo(until);
    copy.advanceTo(until);
    const read = (c: typeof copy) => JSON.stringify(c.request({ method: "GET", path: "/api/v1/namespaces/default/pods/bb" }).body);
    expect(read(copy)).toBe(read(t.c));
    const logs = (c: typeof copy) => c.request({ method: "GET", path: "/api/v1/namespaces/default/pods/bb/log", query: { previous: "true" } }).body;
    expect(logs(copy)).toBe("hi\n");
    expect(logs(t.c)).toBe("hi\n");
  });
});

describe("resource limits", () => {
  test("a container allocating more than its memory limit is OOMKilled with exit code 137", () => {
    const t = new TestCluster();
    t.pod("memory-demo-2", {
      nodeName: "node01",
      containers: [{ name: "memory-demo-2-ctr", image: "polinux/stress", resources: { requests: { memory: "50Mi" }, limits: { memory: "100Mi" } }, command: ["stress"], args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"] }],
    });
    t.at(40);
    const cs = t.status("memory-demo-2");
    const term = cs.state.terminated ?? cs.lastState.terminated;
    expect(term).toMatchObject({ exitCode: 137, reason: "OOMKilled" });
    expect(cs.restartCount).toBeGreaterThan(0);
    expect(t.get("memory-demo-2")!.status.qosClass).toBe("Burstable");
  });
});

describe("init container failures", () => {
  test("a failing init container crash-loops under Always and fails the pod under Never", () => {
    const t = new TestCluster();
    const init = [{ name: "wait", image: "busybox", imagePullPolicy: "IfNotPresent", command: ["sh", "-c", "exit 1"] }];
    t.pod("always", { nodeName: "node01", initContainers: init, containers: [{ name: "app", image: "nginx" }] });
    t.pod("never", { nodeName: "node01", restartPolicy: "Never", initContainers: init, containers: [{ name: "app", image: "nginx" }] });
    t.at(40);
    const a = t.get("always")!;
    expect(a.status.phase).toBe("Pending");
    expect(a.status.initContainerStatuses[0].restartCount).toBeGreaterThan(0);
    expect(t.get("never")!.status.phase).toBe("Failed");
    expect(t.get("never")!.status.initContainerStatuses[0].state.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
  });
});

describe("a stopped kubelet", () => {
  test("does nothing while stopped and catches up when started again", async () => {
    const { setKubeletRunning } = await import("./state");
    const t = new TestCluster();
    setKubeletRunning(t.c, "node01", false);
    t.pod("web", { nodeName: "node01", containers: [{ name: "web", image: "nginx" }] });
    t.at(30);
    expect(t.get("web")!.status?.containerStatuses).toBeUndefined();
    expect(t.logs("web")).toEqual({ status: 500, text: expect.stringMatching(/^Get "https:\/\/[\d.]+:10250\/containerLogs\/default\/web\/web": dial tcp [\d.]+:10250: connect: connection refused$/) });
    setKubeletRunning(t.c, "node01", true);
    t.c.request({ method: "PATCH", path: "/api/v1/namespaces/default/pods/web", contentType: "application/merge-patch+json", body: { metadata: { labels: { poke: "1" } } } });
    t.wait(10);
    expect(t.state("web")).toBe("running");
  });
});

describe("changing a running pod", () => {
  test("a new image restarts the container with a Killing event and one more restart", () => {
    const t = new TestCluster();
    t.pod("web", { nodeName: "node01", containers: [{ name: "web", image: "nginx:1.25" }] });
    t.at(10);
    const pod = t.get("web")!;
    pod.spec.containers[0].image = "nginx:1.27";
    expect(t.c.request({ method: "PUT", path: "/api/v1/namespaces/default/pods/web", body: pod }).status).toBe(200);
    t.wait(10);
    const cs = t.status("web");
    expect(cs.state.running).toBeDefined();
    expect(cs.image).toBe("docker.io/library/nginx:1.27");
    expect(cs.restartCount).toBe(1);
    expect(t.events("web").map((e) => e.message)).toContain("Container web definition changed, will be restarted");
  });
});
