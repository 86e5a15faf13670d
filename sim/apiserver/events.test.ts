import { expect, test } from "vitest";
import { apiFixture, pod } from "../testing/api-fixture";
import { Client } from "./client";
import { recordEvent } from "./events";
import { Prng } from "../core/prng";

test("a repeated event is counted on one Event; a rejected one is dropped without failing the caller", () => {
  const f = apiFixture({ namespaces: ["default", "gone"] });
  const client = new Client({ request: (r) => f.api.handle(r) }, "kubelet");
  const prng = new Prng(1);
  const p = f.ok("POST", "/api/v1/namespaces/default/pods", pod("p"));
  recordEvent(client, prng, 1000, p, "Normal", "Pulling", 'Pulling image "nginx"', { component: "kubelet", host: "node01" });
  recordEvent(client, prng, 5000, p, "Normal", "Pulling", 'Pulling image "nginx"', { component: "kubelet", host: "node01" });
  const events = client.list("events", "default");
  expect(events).toHaveLength(1);
  expect([events[0].count, events[0].firstTimestamp, events[0].lastTimestamp]).toEqual([2, "1970-01-01T00:00:01Z", "1970-01-01T00:00:05Z"]);
  const q = f.ok("POST", "/api/v1/namespaces/gone/pods", pod("q"));
  f.ok("DELETE", "/api/v1/namespaces/gone");
  expect(() => recordEvent(client, prng, 6000, q, "Warning", "Failed", "x", { component: "kubelet" })).not.toThrow();
  expect(client.list("events", "gone")).toHaveLength(0);
});
