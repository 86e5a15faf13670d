import { describe, expect, test } from "vitest";
import { apiFixture, deployment, pod } from "../../testing/api-fixture";

const POD_UPDATE_RULE =
  "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

describe("validation messages as the v1.32 API server words them", () => {
  test("an upper-case pod name fails the RFC 1123 subdomain rule", () => {
    const s = apiFixture().fail("POST", "/api/v1/namespaces/default/pods", pod("Foo"));
    expect(s.code).toBe(422);
    expect(s.reason).toBe("Invalid");
    expect(s.message).toBe(
      `Pod "Foo" is invalid: metadata.name: Invalid value: "Foo": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
    expect(s.details?.causes).toEqual([{ reason: "FieldValueInvalid", field: "metadata.name", message: expect.stringContaining('Invalid value: "Foo"') }]);
  });

  test("missing containers and images are Required values; several errors are listed in brackets", () => {
    const f = apiFixture();
    expect(f.fail("POST", "/api/v1/namespaces/default/pods", { metadata: { name: "p" }, spec: {} }).message).toBe('Pod "p" is invalid: spec.containers: Required value');
    const s = f.fail("POST", "/api/v1/namespaces/default/pods", { metadata: { name: "p" }, spec: { containers: [{ name: "a" }, { name: "a", image: "x" }] } });
    expect(s.message).toBe('Pod "p" is invalid: [spec.containers[0].image: Required value, spec.containers[1].name: Duplicate value: "a"]');
  });

  test("a bad label value and an out-of-range port", () => {
    const f = apiFixture();
    const body = pod("p", { metadata: { name: "p", labels: { app: "-bad" } } });
    body.spec.containers[0].ports = [{ containerPort: 70000 }];
    expect(f.fail("POST", "/api/v1/namespaces/default/pods", body).message).toBe(
      `Pod "p" is invalid: [metadata.labels: Invalid value: "-bad": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?'), spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive]`,
    );
  });

  test("deployments: selector required, selector must match the template, restartPolicy Always only", () => {
    const f = apiFixture();
    const noSel = deployment("d");
    delete noSel.spec.selector;
    expect(f.fail("POST", "/apis/apps/v1/namespaces/default/deployments", noSel).message).toBe('Deployment.apps "d" is invalid: spec.selector: Required value');
    const mismatch = deployment("d");
    mismatch.spec.template.metadata.labels = { app: "other" };
    expect(f.fail("POST", "/apis/apps/v1/namespaces/default/deployments", mismatch).message).toBe(
      'Deployment.apps "d" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
    );
    const never = deployment("d");
    never.spec.template.spec.restartPolicy = "Never";
    expect(f.fail("POST", "/apis/apps/v1/namespaces/default/deployments", never).message).toBe(
      'Deployment.apps "d" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    );
  });

  test("a deployment's selector is immutable", () => {
    const f = apiFixture();
    f.ok("POST", "/apis/apps/v1/namespaces/default/deployments", deployment("d"));
    const s = f.fail("PUT", "/apis/apps/v1/namespaces/default/deployments/d", deployment("d", { app: "e" }));
    expect(s.message).toBe(
      'Deployment.apps "d" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"e"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });

  test("pod updates may change the image but not other spec fields", () => {
    const f = apiFixture();
    const p = f.ok("POST", "/api/v1/namespaces/default/pods", pod("p"));
    p.spec.containers[0].image = "nginx:1.27";
    expect(f.ok("PUT", "/api/v1/namespaces/default/pods/p", p).spec.containers[0].image).toBe("nginx:1.27");
    const again = f.ok("GET", "/api/v1/namespaces/default/pods/p");
    again.spec.restartPolicy = "Never";
    const s = f.fail("PUT", "/api/v1/namespaces/default/pods/p", again);
    expect(s.message.startsWith(`Pod "p" is invalid: spec: Forbidden: ${POD_UPDATE_RULE}\n`)).toBe(true);
    expect(s.message).toContain('- \tRestartPolicy: "Always",');
    expect(s.message).toContain('+ \tRestartPolicy: "Never",');
  });

  test("scheduling gates may be removed from a pod but not added", () => {
    const f = apiFixture();
    const gated = pod("g");
    gated.spec.schedulingGates = [{ name: "example.com/a" }, { name: "example.com/b" }];
    f.ok("POST", "/api/v1/namespaces/default/pods", gated);
    const one = f.ok("GET", "/api/v1/namespaces/default/pods/g");
    one.spec.schedulingGates = [{ name: "example.com/b" }];
    expect(f.ok("PUT", "/api/v1/namespaces/default/pods/g", one).spec.schedulingGates).toEqual([{ name: "example.com/b" }]);
    const more = f.ok("GET", "/api/v1/namespaces/default/pods/g");
    more.spec.schedulingGates = [{ name: "example.com/b" }, { name: "x" }];
    expect(f.fail("PUT", "/api/v1/namespaces/default/pods/g", more).message).toBe(`Pod "g" is invalid: spec.schedulingGates[1].name: Forbidden: only deletion is allowed, but found new scheduling gate 'x'`);
    const none = f.ok("GET", "/api/v1/namespaces/default/pods/g");
    delete none.spec.schedulingGates;
    expect(f.ok("PUT", "/api/v1/namespaces/default/pods/g", none).spec.schedulingGates).toBeUndefined();
  });

  test("missing and terminating namespaces, duplicates and stale resourceVersions", () => {
    const f = apiFixture({ namespaces: ["default", "gone"] });
    expect(f.fail("POST", "/api/v1/namespaces/nope/pods", pod("p")).message).toBe('namespaces "nope" not found');
    f.ok("DELETE", "/api/v1/namespaces/gone");
    const t = f.fail("POST", "/api/v1/namespaces/gone/pods", pod("p"));
    expect([t.code, t.message]).toEqual([403, 'pods "p" is forbidden: unable to create new content in namespace gone because it is being terminated']);
    const p = f.ok("POST", "/api/v1/namespaces/default/pods", pod("p"));
    expect(f.fail("POST", "/api/v1/namespaces/default/pods", pod("p")).message).toBe('pods "p" already exists');
    f.ok("PATCH", "/api/v1/namespaces/default/pods/p", { metadata: { labels: { a: "b" } } }, { contentType: "application/merge-patch+json" });
    const c = f.fail("PUT", "/api/v1/namespaces/default/pods/p", p);
    expect([c.code, c.reason, c.message]).toEqual([409, "Conflict", 'Operation cannot be fulfilled on pods "p": the object has been modified; please apply your changes to the latest version and try again']);
  });

  test("status in a spec update is ignored; the status subresource changes only status", () => {
    const f = apiFixture();
    const p = f.ok("POST", "/api/v1/namespaces/default/pods", pod("p"));
    const u = f.ok("PUT", "/api/v1/namespaces/default/pods/p", { ...p, status: { phase: "Running" } });
    expect(u.status.phase).toBe("Pending");
    const s = f.ok("PUT", "/api/v1/namespaces/default/pods/p/status", { ...u, spec: { ...u.spec, nodeName: "x" }, status: { phase: "Running" } });
    expect([s.status.phase, s.spec.nodeName]).toEqual(["Running", undefined]);
  });

  test("requests above limits, a probe without a handler and a bad config key", () => {
    const f = apiFixture();
    const body = pod("p");
    body.spec.containers[0].resources = { requests: { cpu: "2" }, limits: { cpu: "1" } };
    body.spec.containers[0].livenessProbe = { periodSeconds: 5 };
    expect(f.fail("POST", "/api/v1/namespaces/default/pods", body).message).toBe(
      'Pod "p" is invalid: [spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1, spec.containers[0].livenessProbe: Required value: must specify a handler type]',
    );
    expect(f.fail("POST", "/api/v1/namespaces/default/configmaps", { metadata: { name: "c" }, data: { "a b": "x" } }).message).toBe(
      `ConfigMap "c" is invalid: data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    );
  });
});
