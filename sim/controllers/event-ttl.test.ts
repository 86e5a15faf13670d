import { expect, test } from "vitest";
import { testCluster } from "./test-cluster";

test("events are deleted an hour after they were last written", () => {
  const t = testCluster();
  t.client.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "default" }, spec: { containers: [{ name: "c", image: "nginx" }] } });
  const scheduled = () => t.events().filter((e) => e.involvedObject.name === "p" && e.reason === "Scheduled");
  expect(scheduled()).toHaveLength(1);
  t.wait(59 * 60_000);
  expect(scheduled()).toHaveLength(1);
  t.wait(2 * 60_000);
  expect(scheduled()).toHaveLength(0);
});
