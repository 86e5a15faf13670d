import { describe, expect, test } from "vitest";
import { TestCluster } from "./test-cluster";
import { applyContainerWrites, containerContext } from "./context";
import { clusterHttp } from "./network";
import { expand } from "./env";

const bb = (command: string[], extra: Record<string, unknown> = {}) => ({ name: "c", image: "busybox", imagePullPolicy: "IfNotPresent", command, ...extra });

describe("environment", () => {
  test("$(VAR) expands from earlier variables; $$ escapes; unknown references stay", () => {
    const env: Record<string, string> = { A: "x" };
    expect(expand("$(A)-$(B)-$$(A)-$", (n) => env[n])).toBe("x-$(B)-$(A)-$");
  });

  test("env values, fieldRefs and command arguments expand as the kubelet does", () => {
    const t = new TestCluster();
    t.pod("e", {
      nodeName: "node01",
      restartPolicy: "Never",
      containers: [bb(["sh", "-c", "echo $(GREETING) $POD $NODE $IP"], {
        env: [
          { name: "WHO", value: "world" },
          { name: "GREETING", value: "hello $(WHO)" },
          { name: "POD", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
          { name: "NODE", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } },
          { name: "IP", valueFrom: { fieldRef: { fieldPath: "status.podIP" } } },
        ],
      })],
    });
    t.at(15);
    const ip = t.get("e")!.status.podIP;
    expect(t.logs("e").text).toBe(`hello world e node01 ${ip}\n`);
  });

  test("a missing ConfigMap key reference holds the container in CreateContainerConfigError until it exists", () => {
    const t = new TestCluster();
    t.pod("cfg", { nodeName: "node01", containers: [bb(["sh", "-c", "echo $COLOR; sleep 3600"], { env: [{ name: "COLOR", valueFrom: { configMapKeyRef: { name: "app", key: "color" } } }] })] });
    t.at(10);
    expect(t.state("cfg")).toBe("waiting:CreateContainerConfigError");
    expect(t.status("cfg").state.waiting.message).toBe('configmap "app" not found');
    expect(t.events("cfg").map((e) => e.message)).toContain('Error: configmap "app" not found');
    t.create("/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "app" }, data: { color: "blue" } });
    t.wait(2);
    expect(t.state("cfg")).toBe("running");
    expect(t.logs("cfg").text).toBe("blue\n");
  });

  test("envFrom a Secret decodes its values", () => {
    const t = new TestCluster();
    t.create("/api/v1/namespaces/default/secrets", { apiVersion: "v1", kind: "Secret", metadata: { name: "db" }, data: { PASSWORD: btoa("s3cret") } });
    t.pod("s", { nodeName: "node01", restartPolicy: "Never", containers: [bb(["sh", "-c", "echo $DB_PASSWORD"], { envFrom: [{ prefix: "DB_", secretRef: { name: "db" } }] })] });
    t.at(15);
    expect(t.logs("s").text).toBe("s3cret\n");
  });
});

describe("volumes", () => {
  test("a missing ConfigMap volume keeps the pod in ContainerCreating with a FailedMount event", () => {
    const t = new TestCluster();
    t.pod("v", {
      nodeName: "node01",
      volumes: [{ name: "config", configMap: { name: "web-config" } }],
      containers: [bb(["sh", "-c", "cat /etc/web/index; sleep 3600"], { volumeMounts: [{ name: "config", mountPath: "/etc/web" }] })],
    });
    t.at(20);
    expect(t.state("v")).toBe("waiting:ContainerCreating");
    expect(t.events("v")).toContainEqual(expect.objectContaining({ type: "Warning", reason: "FailedMount", message: 'MountVolume.SetUp failed for volume "config" : configmap "web-config" not found' }));
    t.create("/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "web-config" }, data: { index: "hi from a volume" } });
    t.wait(10);
    expect(t.state("v")).toBe("running");
    expect(t.logs("v").text).toBe("hi from a volume\n");
  });
});

describe("logs", () => {
  test("logs of a running container; tailLines and timestamps", () => {
    const t = new TestCluster();
    t.pod("loop", { nodeName: "node01", containers: [bb(["sh", "-c", "i=0; while true; do echo tick $i; i=$((i+1)); sleep 5; done"])] });
    t.at(60);
    const all = t.logs("loop").text.trimEnd().split("\n");
    expect(all[0]).toBe("tick 0");
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(t.logs("loop", { tailLines: "2" }).text.trimEnd().split("\n")).toEqual(all.slice(-2));
    expect(t.logs("loop", { tailLines: "1", timestamps: "true" }).text).toMatch(/^2026-11-25T22:\d\d:\d\d\.\d{9}Z tick \d+\n$/);
  });

  test("previous logs come from the last terminated run", () => {
    const t = new TestCluster();
    t.pod("crash", { nodeName: "node01", containers: [bb(["sh", "-c", "echo started; sleep 2; echo dying; exit 1"])] });
    t.at(4);
    expect(t.logs("crash", { previous: "true" })).toEqual({ status: 400, text: 'previous terminated container "c" in pod "crash" not found' });
    t.at(40);
    expect(t.logs("crash", { previous: "true" }).text).toBe("started\ndying\n");
  });

  test("the API server's errors: several containers, unknown container, waiting container", () => {
    const t = new TestCluster();
    t.pod("two", { nodeName: "node01", containers: [{ name: "a", image: "nginx" }, { name: "b", image: "redis" }] });
    t.pod("slow", { nodeName: "node01", containers: [{ name: "c", image: "nginx" }] });
    t.at(0.1);
    expect(t.logs("two")).toEqual({ status: 400, text: "a container name must be specified for pod two, choose one of: [a b]" });
    expect(t.logs("two", { container: "zz" })).toEqual({ status: 400, text: "container zz is not valid for pod two" });
    expect(t.logs("slow")).toEqual({ status: 400, text: 'container "c" in pod "slow" is waiting to start: ContainerCreating' });
  });
});

describe("graceful deletion and exec", () => {
  test("a deleted nginx pod stops at once; a sleeping busybox waits out its grace period", () => {
    const t = new TestCluster();
    t.pod("web", { nodeName: "node01", containers: [{ name: "web", image: "nginx", imagePullPolicy: "IfNotPresent" }] });
    t.pod("sleeper", { nodeName: "node01", containers: [bb(["sleep", "3600"])] });
    t.at(15);
    t.deletePod("web");
    t.deletePod("sleeper");
    t.wait(2);
    expect(t.get("web")).toBeUndefined();
    // Terminating until the grace period (30 s) has passed: sleep as PID 1 ignores SIGTERM.
    expect(t.get("sleeper")!.metadata.deletionTimestamp).toBeDefined();
    expect(t.events("sleeper")).toContainEqual(expect.objectContaining({ reason: "Killing", message: "Stopping container c" }));
    t.wait(20);
    expect(t.get("sleeper")).toBeDefined();
    t.wait(10);
    expect(t.get("sleeper")).toBeUndefined();
  });

  test("exec sees the container's env, mounted files and hostname", () => {
    const t = new TestCluster();
    t.create("/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg" }, data: { "app.conf": "debug=true\n" } });
    t.pod("x", {
      nodeName: "node01",
      volumes: [{ name: "cfg", configMap: { name: "cfg" } }],
      containers: [{ name: "web", image: "nginx", env: [{ name: "MODE", value: "dev" }], volumeMounts: [{ name: "cfg", mountPath: "/etc/app" }] }],
    });
    t.at(1);
    const early = containerContext(t.c.api, "default", "x", "web");
    expect("error" in early && (early.error.body as { message: string }).message).toBe('unable to upgrade connection: container not found ("web")');
    t.at(15);
    const ctx = containerContext(t.c.api, "default", "x", undefined);
    if ("error" in ctx) throw new Error("expected a context");
    expect(ctx.context.env.MODE).toBe("dev");
    expect(ctx.context.env.HOSTNAME).toBe("x");
    expect(ctx.context.hostname).toBe("x");
    expect(ctx.context.files["/etc/app/app.conf"]).toBe("debug=true\n");
    expect(ctx.context.files["/usr/share/nginx/html/index.html"]).toContain("Welcome to nginx!");
    expect(ctx.context.mainProcess).toBe("/docker-entrypoint.sh nginx -g daemon off;");
  });
});

describe("probes", () => {
  test("the liveness exec example restarts the container after the file disappears", () => {
    const t = new TestCluster();
    t.pod("liveness-exec", {
      nodeName: "node01",
      containers: [bb(["sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"], {
        livenessProbe: { exec: { command: ["cat", "/tmp/healthy"] }, initialDelaySeconds: 5, periodSeconds: 5 },
      })],
    });
    t.at(30);
    expect(t.status("liveness-exec").restartCount).toBe(0);
    t.at(90);
    const ev = t.events("liveness-exec").map((e) => `${e.reason}: ${e.message}`);
    expect(ev).toContain("Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(ev).toContain("Killing: Container c failed liveness probe, will be restarted");
    expect(t.status("liveness-exec").restartCount).toBe(1);
  });

  test("a readiness probe on a port nothing serves keeps the pod unready", () => {
    const t = new TestCluster();
    t.pod("r", { nodeName: "node01", containers: [{ name: "web", image: "nginx", readinessProbe: { httpGet: { path: "/", port: 8080 }, periodSeconds: 5 } }] });
    t.at(30);
    expect(t.state("r")).toBe("running");
    expect(t.status("r").ready).toBe(false);
    const ready = t.get("r")!.status.conditions.find((c: { type: string }) => c.type === "Ready");
    expect(ready).toMatchObject({ status: "False", reason: "ContainersNotReady", message: "containers with unready status: [web]" });
    expect(t.events("r").some((e) => /^Readiness probe failed: Get "http:\/\/10\.244\.1\.\d+:8080\/": dial tcp 10\.244\.1\.\d+:8080: connect: connection refused$/.test(e.message))).toBe(true);
  });

  test("a readiness probe on the served port makes the pod ready", () => {
    const t = new TestCluster();
    t.pod("r", { nodeName: "node01", containers: [{ name: "web", image: "nginx", readinessProbe: { httpGet: { path: "/", port: 80 }, periodSeconds: 5 } }] });
    t.at(20);
    expect(t.status("r").ready).toBe(true);
  });
});

describe("the cluster network", () => {
  test("wget in a busybox pod reaches an nginx pod through a Service name", () => {
    const t = new TestCluster();
    t.pod("web", { nodeName: "node01", containers: [{ name: "web", image: "nginx", ports: [{ containerPort: 80 }] }] }, { labels: { app: "web" } });
    t.create("/api/v1/namespaces/default/services", { apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { selector: { app: "web" }, ports: [{ port: 8080, targetPort: 80 }] } });
    t.at(15);
    t.pod("client", { nodeName: "node02", restartPolicy: "Never", containers: [bb(["sh", "-c", "wget -qO- http://web:8080 | head -4; wget -qO- http://nope"])] });
    t.at(30);
    const text = t.logs("client").text;
    expect(text).toContain("<title>Welcome to nginx!</title>");
    expect(text).toContain("wget: bad address 'nope'");
    expect(t.status("client").state.terminated).toMatchObject({ exitCode: 1 });
  });

  test("a Service without ready endpoints refuses connections", () => {
    const t = new TestCluster();
    t.create("/api/v1/namespaces/default/services", { apiVersion: "v1", kind: "Service", metadata: { name: "empty" }, spec: { selector: { app: "none" }, ports: [{ port: 80 }] } });
    t.pod("client", { nodeName: "node02", restartPolicy: "Never", containers: [bb(["wget", "-qO-", "http://empty"])] });
    t.at(20);
    expect(t.logs("client").text).toMatch(/^wget: can't connect to remote host \(10\.\d+\.\d+\.\d+\): Connection refused\n$/);
  });
});

describe("shared volumes", () => {
  const twoContainers = {
    nodeName: "node01",
    restartPolicy: "Never",
    volumes: [{ name: "shared-data", emptyDir: {} }],
    containers: [
      { name: "nginx-container", image: "nginx", volumeMounts: [{ name: "shared-data", mountPath: "/usr/share/nginx/html" }] },
      { name: "debian-container", image: "debian", volumeMounts: [{ name: "shared-data", mountPath: "/pod-data" }], command: ["/bin/sh"], args: ["-c", "echo Hello from the debian container > /pod-data/index.html"] },
    ],
  };

  test("a file one container writes into an emptyDir is served by the other (the docs' two-container pod)", () => {
    const t = new TestCluster();
    t.pod("two-containers", twoContainers);
    t.at(20);
    const ctx = containerContext(t.c.api, "default", "two-containers", "nginx-container");
    if ("error" in ctx) throw new Error("expected a context");
    expect(ctx.context.files["/usr/share/nginx/html/index.html"]).toBe("Hello from the debian container\n");
    const ip = t.get("two-containers")!.status.podIP;
    const reply = clusterHttp(t.c.api, { namespace: "default", podIP: ip }, "http://localhost/");
    expect(reply).toMatchObject({ ok: true, status: 200, body: "Hello from the debian container\n" });
  });

  test("files written through exec last in emptyDir volumes but not elsewhere across restarts", () => {
    const t = new TestCluster();
    t.pod("w", {
      nodeName: "node01",
      volumes: [{ name: "cache", emptyDir: {} }],
      containers: [bb(["sh", "-c", "sleep 30; exit 1"], { volumeMounts: [{ name: "cache", mountPath: "/cache" }] })],
    });
    t.at(10);
    applyContainerWrites(t.c.api, "default", "w", "c", { "/cache/kept": "yes\n", "/tmp/lost": "no\n" });
    const seen = containerContext(t.c.api, "default", "w", "c");
    if ("error" in seen) throw new Error("expected a context");
    expect(seen.context.files["/tmp/lost"]).toBe("no\n");
    t.at(50);
    expect(t.status("w").restartCount).toBe(1);
    const after = containerContext(t.c.api, "default", "w", "c");
    if ("error" in after) throw new Error("expected a context");
    expect(after.context.files["/cache/kept"]).toBe("yes\n");
    expect(after.context.files["/tmp/lost"]).toBeUndefined();
  });
});

describe("lifecycle hooks", () => {
  test("postStart writes a file exec can read; preStop delays the stop (the docs' lifecycle-demo)", () => {
    const t = new TestCluster();
    t.pod("lifecycle-demo", {
      nodeName: "node01",
      containers: [{
        name: "lifecycle-demo-container",
        image: "nginx",
        lifecycle: {
          postStart: { exec: { command: ["/bin/sh", "-c", "echo Hello from the postStart handler > /usr/share/message"] } },
          preStop: { exec: { command: ["/bin/sh", "-c", "nginx -s quit; sleep 5"] } },
        },
      }],
    });
    t.at(15);
    const ctx = containerContext(t.c.api, "default", "lifecycle-demo", undefined);
    if ("error" in ctx) throw new Error("expected a context");
    expect(ctx.context.files["/usr/share/message"]).toBe("Hello from the postStart handler\n");
    t.deletePod("lifecycle-demo");
    t.wait(3);
    expect(t.get("lifecycle-demo")).toBeDefined();
    t.wait(5);
    expect(t.get("lifecycle-demo")).toBeUndefined();
  });
});

describe("cluster DNS", () => {
  test("nslookup in busybox:1.28 resolves kubernetes.default as the docs show", () => {
    const t = new TestCluster();
    t.pod("dns", { nodeName: "node01", restartPolicy: "Never", containers: [bb(["nslookup", "kubernetes.default"], { image: "busybox:1.28" })] });
    t.pod("nx", { nodeName: "node01", restartPolicy: "Never", containers: [bb(["nslookup", "nope"], { image: "busybox:1.28" })] });
    t.at(20);
    expect(t.logs("dns").text).toBe("Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n");
    expect(t.status("dns").state.terminated.exitCode).toBe(0);
    expect(t.logs("nx").text).toContain("nslookup: can't resolve 'nope'");
    expect(t.status("nx").state.terminated.exitCode).toBe(1);
  });
});
