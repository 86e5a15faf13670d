import { expect, test } from "vitest";
import { statusTone } from "./cluster-picture";

test.each([
  ["Running", "ok"],
  ["ContainerCreating", "wait"],
  ["Pending", "wait"],
  ["Init:0/1", "wait"],
  ["ErrImagePull", "bad"],
  ["ImagePullBackOff", "bad"],
  ["CrashLoopBackOff", "bad"],
  ["Error", "bad"],
  ["OOMKilled", "bad"],
  ["Completed", "done"],
  ["Terminating", "gone"],
])("a pod whose STATUS is %s is coloured %s", (status, tone) => {
  expect(statusTone(status)).toBe(tone);
});
