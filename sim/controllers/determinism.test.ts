import { expect, test } from "vitest";
import { createCluster, restoreCluster } from "../world";
import { Client } from "../apiserver/client";

const NOW = Date.parse("2026-01-15T10:00:00Z");

function script(seed: number) {
  const cluster = createCluster({ seed, topology: "default", now: NOW });
  const client = new Client(cluster);
  client.create({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "default" }, spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx" }] } } } });
  cluster.advanceTo(NOW + 20_000);
  client.create({ apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "default" }, spec: { selector: { app: "web" }, ports: [{ port: 80 }] } });
  const d = client.get("deployments", "default", "web")!;
  d.spec.template.spec.containers[0].image = "nginx:1.27";
  client.update(d);
  cluster.advanceTo(NOW + 90_000);
  return cluster;
}

test("the same seed and operations give identical names and state", () => {
  const a = script(11).toJSON();
  const b = script(11).toJSON();
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  const names = Object.keys(a.store.objects).filter((k) => k.startsWith("/pods/default/"));
  expect(names).toHaveLength(3);
});

test("a different seed gives different pod names", () => {
  const a = Object.keys(script(11).toJSON().store.objects).filter((k) => k.startsWith("/pods/default/"));
  const b = Object.keys(script(12).toJSON().store.objects).filter((k) => k.startsWith("/pods/default/"));
  expect(a).not.toEqual(b);
});

test("a restored cluster continues exactly like the original", () => {
  const original = script(5);
  const restored = restoreCluster(structuredClone(original.toJSON()));
  for (const c of [original, restored]) {
    const client = new Client(c);
    const d = client.get("deployments", "default", "web")!;
    client.update({ ...d, spec: { ...d.spec, replicas: 5 } });
    c.advanceTo(NOW + 200_000);
  }
  expect(JSON.stringify(restored.toJSON())).toBe(JSON.stringify(original.toJSON()));
});
