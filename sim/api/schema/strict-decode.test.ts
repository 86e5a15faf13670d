import { describe, expect, test } from "vitest";
import { apiFixture, deployment, pod } from "../../testing/api-fixture";
import { decodeError } from "./strict-decode";

describe("decoding as the API server does", () => {
  test("with fieldValidation=Strict unknown fields are listed with their paths", () => {
    const f = apiFixture();
    const body = pod("p");
    body.spec.containers[0].imagee = "x";
    body.spec.nodeSelecter = {};
    const s = f.fail("POST", "/api/v1/namespaces/default/pods", body, { query: { fieldValidation: "Strict" } });
    expect([s.code, s.message]).toEqual([400, 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee", unknown field "spec.nodeSelecter"']);
  });

  test("a wrong JSON type names the Go struct field and type", () => {
    const d = deployment("d");
    d.spec.replicas = "2";
    expect(decodeError("Deployment", d, false)).toBe("json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32");
    const p = pod("p");
    p.spec.containers = { name: "a" };
    expect(decodeError("Pod", p, false)).toBe("json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container");
    expect(decodeError("Pod", { metadata: { labels: { a: 1 } } }, false)).toBe("json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string");
  });

  test("with fieldValidation=Ignore unknown fields are dropped, not stored", () => {
    const f = apiFixture();
    const body = pod("p");
    body.spec.containers[0].imagee = "x";
    const p = f.ok("POST", "/api/v1/namespaces/default/pods", body, { query: { fieldValidation: "Ignore" } });
    expect(p.spec.containers[0].imagee).toBeUndefined();
    expect(p.spec.containers[0].image).toBe("nginx");
  });

  test("fields of embedded Go structs (volume sources, probe handlers, object references) are known", () => {
    const body = pod("p");
    body.spec.volumes = [{ name: "c", configMap: { name: "cm", optional: true } }, { name: "e", emptyDir: {} }];
    body.spec.containers[0].livenessProbe = { httpGet: { path: "/", port: 80 }, periodSeconds: 5 };
    body.spec.containers[0].env = [{ name: "A", valueFrom: { secretKeyRef: { name: "s", key: "k" } } }];
    expect(decodeError("Pod", body, true)).toBeUndefined();
  });
});

