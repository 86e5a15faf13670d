import { describe, expect, test } from "vitest";
import { apiFixture, deployment, pod } from "../testing/api-fixture";
import type { KubeObject } from "./types";

describe("pods get the v1.32 defaults and admission", () => {
  test("a bare pod comes back with every server default, the service account volume and default tolerations", () => {
    const f = apiFixture();
    const p = f.ok("POST", "/api/v1/namespaces/default/pods", pod("web"));
    expect(p.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(p.metadata.creationTimestamp).toBe("2026-01-01T00:00:00Z");
    expect(p.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(p.metadata.generation).toBeUndefined();
    const vol = p.spec.volumes[0];
    expect(vol.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.spec).toEqual({
      containers: [
        {
          name: "app",
          image: "nginx",
          imagePullPolicy: "Always",
          resources: {},
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
          volumeMounts: [{ name: vol.name, readOnly: true, mountPath: "/var/run/secrets/kubernetes.io/serviceaccount" }],
        },
      ],
      dnsPolicy: "ClusterFirst",
      enableServiceLinks: true,
      preemptionPolicy: "PreemptLowerPriority",
      priority: 0,
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      securityContext: {},
      serviceAccount: "default",
      serviceAccountName: "default",
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
        { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
      ],
      volumes: [
        {
          name: vol.name,
          projected: {
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
              { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
              { downwardAPI: { items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }] } },
            ],
            defaultMode: 420,
          },
        },
      ],
    });
    expect(p.status).toEqual({ phase: "Pending", qosClass: "BestEffort" });
  });

  test("imagePullPolicy is Always for :latest or no tag, IfNotPresent for a tag or digest", () => {
    const f = apiFixture();
    const images = ["nginx", "nginx:latest", "nginx:1.27", "registry:5000/app", "nginx@sha256:abcd"];
    const p = f.ok("POST", "/api/v1/namespaces/default/pods", { metadata: { name: "p" }, spec: { containers: images.map((image, i) => ({ name: `c${i}`, image })) } });
    expect(p.spec.containers.map((c: { imagePullPolicy: string }) => c.imagePullPolicy)).toEqual(["Always", "Always", "IfNotPresent", "Always", "IfNotPresent"]);
  });

  test("user-supplied status is ignored on create; limits without requests make a Guaranteed pod", () => {
    const f = apiFixture();
    const body = pod("g", { status: { phase: "Running" } });
    body.spec.containers[0].resources = { limits: { cpu: "100m", memory: "64Mi" } };
    const p = f.ok("POST", "/api/v1/namespaces/default/pods", body);
    expect(p.status).toEqual({ phase: "Pending", qosClass: "Guaranteed" });
    expect(p.spec.containers[0].resources.requests).toEqual({ cpu: "100m", memory: "64Mi" });
  });

  test("automountServiceAccountToken: false gets no token volume; a named service account must exist", () => {
    const f = apiFixture();
    const p = f.ok("POST", "/api/v1/namespaces/default/pods", pod("n", { spec: { automountServiceAccountToken: false, containers: [{ name: "a", image: "nginx" }] } }));
    expect(p.spec.volumes).toBeUndefined();
    const s = f.fail("POST", "/api/v1/namespaces/default/pods", pod("m", { spec: { serviceAccountName: "robot", containers: [{ name: "a", image: "nginx" }] } }));
    expect(s.message).toBe('pods "m" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found');
  });
});

describe("workloads", () => {
  test("a deployment gets generation 1, RollingUpdate 25%/25%, 10 revisions, 600 s deadline, 1 replica and a defaulted template", () => {
    const f = apiFixture();
    const d = f.ok("POST", "/apis/apps/v1/namespaces/default/deployments", deployment("web"));
    expect(d.metadata.generation).toBe(1);
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.strategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.spec.progressDeadlineSeconds).toBe(600);
    expect(d.spec.template.metadata.creationTimestamp).toBeNull();
    expect(d.spec.template.spec.restartPolicy).toBe("Always");
    expect(d.spec.template.spec.containers[0].imagePullPolicy).toBe("IfNotPresent");
    expect(d.spec.template.spec.volumes).toBeUndefined(); // admission is for real pods only
    expect(d.status).toEqual({});
  });

  test("generation bumps on spec changes, not on label or status changes", () => {
    const f = apiFixture();
    const path = "/apis/apps/v1/namespaces/default/deployments/web";
    const d = f.ok("POST", "/apis/apps/v1/namespaces/default/deployments", deployment("web"));
    const labelled = f.ok("PATCH", path, { metadata: { labels: { x: "y" } } }, { contentType: "application/merge-patch+json" });
    expect(labelled.metadata.generation).toBe(1);
    const withStatus = f.ok("PUT", `${path}/status`, { ...labelled, status: { replicas: 1 } });
    expect(withStatus.metadata.generation).toBe(1);
    expect(withStatus.status).toEqual({ replicas: 1 });
    const scaled = f.ok("PATCH", path, { spec: { replicas: 3 } }, { contentType: "application/merge-patch+json" });
    expect(scaled.metadata.generation).toBe(2);
    expect(scaled.status).toEqual({ replicas: 1 }); // a spec update keeps the stored status
    expect(Number(scaled.metadata.resourceVersion)).toBeGreaterThan(Number(d.metadata.resourceVersion));
  });

  test("a daemonset defaults to RollingUpdate maxUnavailable 1 maxSurge 0; an RC takes its selector from the template", () => {
    const f = apiFixture();
    const ds = f.ok("POST", "/apis/apps/v1/namespaces/default/daemonsets", { ...deployment("agent"), kind: "DaemonSet" });
    expect(ds.spec.updateStrategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
    const rc = f.ok("POST", "/api/v1/namespaces/default/replicationcontrollers", { metadata: { name: "rc" }, spec: { template: { metadata: { labels: { app: "rc" } }, spec: { containers: [{ name: "a", image: "nginx" }] } } } });
    expect(rc.spec.selector).toEqual({ app: "rc" });
    expect(rc.metadata.labels).toEqual({ app: "rc" });
    expect(rc.spec.replicas).toBe(1);
  });
});

describe("services, namespaces, secrets", () => {
  const svc = (name: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion: "v1", kind: "Service", metadata: { name }, spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec } });

  test("a ClusterIP service gets an IP from 10.96.0.0/12 and the v1.32 defaults", () => {
    const f = apiFixture();
    const s = f.ok("POST", "/api/v1/namespaces/default/services", svc("web", {}));
    const [a, b] = s.spec.clusterIP.split(".").map(Number);
    expect(a).toBe(10);
    expect(b).toBeGreaterThanOrEqual(96);
    expect(b).toBeLessThanOrEqual(111);
    expect(s.spec).toMatchObject({ type: "ClusterIP", sessionAffinity: "None", ipFamilies: ["IPv4"], ipFamilyPolicy: "SingleStack", internalTrafficPolicy: "Cluster", clusterIPs: [s.spec.clusterIP] });
    expect(s.spec.ports).toEqual([{ port: 80, protocol: "TCP", targetPort: 80 }]);
    expect(s.spec.externalTrafficPolicy).toBeUndefined();
    expect(s.status).toEqual({ loadBalancer: {} });
  });

  test("headless services keep clusterIP None; NodePort services get a port in 30000-32767", () => {
    const f = apiFixture();
    expect(f.ok("POST", "/api/v1/namespaces/default/services", svc("h", { clusterIP: "None" })).spec.clusterIPs).toEqual(["None"]);
    const np = f.ok("POST", "/api/v1/namespaces/default/services", svc("np", { type: "NodePort" }));
    expect(np.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(np.spec.ports[0].nodePort).toBeLessThanOrEqual(32767);
    expect(np.spec.externalTrafficPolicy).toBe("Cluster");
    const lb = f.ok("POST", "/api/v1/namespaces/default/services", svc("lb", { type: "LoadBalancer" }));
    expect(lb.spec.allocateLoadBalancerNodePorts).toBe(true);
  });

  test("a requested node port that is taken gets the real error", () => {
    const f = apiFixture();
    f.ok("POST", "/api/v1/namespaces/default/services", svc("a", { type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] }));
    const s = f.fail("POST", "/api/v1/namespaces/default/services", svc("b", { type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] }));
    expect(s.code).toBe(422);
    expect(s.message).toBe('Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated');
  });

  test("an update that omits clusterIP keeps it; changing it is refused", () => {
    const f = apiFixture();
    const s = f.ok("POST", "/api/v1/namespaces/default/services", svc("web", {}));
    const { clusterIP: _ip, clusterIPs: _ips, ...rest } = s.spec;
    const kept = f.ok("PUT", "/api/v1/namespaces/default/services/web", { ...s, spec: rest });
    expect(kept.spec.clusterIP).toBe(s.spec.clusterIP);
    const bad = f.fail("PUT", "/api/v1/namespaces/default/services/web", { ...kept, spec: { ...kept.spec, clusterIP: "10.96.0.99", clusterIPs: ["10.96.0.99"] } });
    expect(bad.message).toBe(`Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set`);
  });

  test("namespaces get the kubernetes finalizer, phase Active and the metadata.name label; secrets are Opaque", () => {
    const f = apiFixture();
    const ns = f.ok("POST", "/api/v1/namespaces", { metadata: { name: "team-a" } });
    expect(ns.spec).toEqual({ finalizers: ["kubernetes"] });
    expect(ns.status).toEqual({ phase: "Active" });
    expect(ns.metadata.labels).toEqual({ "kubernetes.io/metadata.name": "team-a" });
    expect(f.ok("POST", "/api/v1/namespaces/team-a/secrets", { metadata: { name: "s" }, data: { a: "Yg==" } }).type).toBe("Opaque");
  });
});

describe("conversions the API server applies", () => {
  test("secret stringData is folded into base64 data; resource quantities are canonical", () => {
    const f = apiFixture();
    const s = f.ok("POST", "/api/v1/namespaces/default/secrets", { metadata: { name: "s" }, data: { a: "eA==" }, stringData: { b: "héllo", a: "y" } });
    expect(s.data).toEqual({ a: "eQ==", b: "aMOpbGxv" });
    expect(s.stringData).toBeUndefined();
    const body = pod("q");
    body.spec.containers[0].resources = { requests: { cpu: "0.5", memory: "1024Mi" } };
    expect(f.ok("POST", "/api/v1/namespaces/default/pods", body).spec.containers[0].resources.requests).toEqual({ cpu: "500m", memory: "1Gi" });
  });
});
