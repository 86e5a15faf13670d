import { describe, expect, test } from "vitest";
import { Check, type ClusterReader } from "./checks";
import { gradeExercise, score, usesVerb } from "./grade";
import { evaluateJsonPath, JsonPathError, parseJsonPath } from "./jsonpath";

const L = (en: string) => ({ en, ko: en });
const pod = (image: string, phase: string, ready: boolean) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "redis", namespace: "default", labels: { app: "redis" } },
  spec: { containers: [{ name: "redis", image }] },
  status: { phase, containerStatuses: [{ name: "redis", ready, image }] },
});

function reader(objects: Record<string, unknown>, lists: Record<string, unknown[]> = {}): ClusterReader {
  return (req) => {
    if (req.path in lists) return { status: 200, body: { items: lists[req.path].filter(() => req.query?.labelSelector !== "app=none") } };
    return req.path in objects ? { status: 200, body: objects[req.path] } : { status: 404, body: { kind: "Status", code: 404 } };
  };
}

const POD = "/api/v1/namespaces/default/pods/redis";
const checks = [
  { id: "exists", title: L("exists"), exists: { object: "pod/redis" } },
  { id: "image", title: L("image"), jsonpath: { object: "pod/redis", path: "{.spec.containers[0].image}", matches: "(docker\\.io/(library/)?)?redis(:[A-Za-z0-9_.-]+)?" }, fail: L("The image is {actual}.") },
  { id: "running", title: L("running"), phase: { object: "pod/redis", equals: "Running" } },
  { id: "ready", title: L("ready"), containerReady: { object: "pod/redis" } },
].map((c) => Check.parse(c));

describe("gradeExercise", () => {
  test("a pod with a typo in its image fails the image, phase and readiness checks", () => {
    const r = gradeExercise(checks, reader({ [POD]: pod("redis123", "Pending", false) }));
    expect(r.map((x) => x.status)).toEqual(["pass", "fail", "fail", "fail"]);
    expect(r[1].message.en).toBe("The image is redis123.");
    expect(r[2].message.en).toBe("pod/redis is Pending, not Running.");
  });

  test("a running redis pod passes, with a tag or fully qualified", () => {
    for (const image of ["redis", "redis:7.2", "docker.io/library/redis:latest"]) {
      const r = gradeExercise(checks, reader({ [POD]: pod(image, "Running", true) }));
      expect(r.every((x) => x.status === "pass"), image).toBe(true);
    }
  });

  test("look-alike images do not pass the image check", () => {
    for (const image of ["redis123", "myredis", "redis-stack", "evil.io/redis"]) {
      expect(gradeExercise([checks[1]], reader({ [POD]: pod(image, "Running", true) }))[0].status, image).toBe("fail");
    }
  });

  test("a missing pod fails every check with 'not found' instead of erroring", () => {
    const r = gradeExercise(checks, reader({}));
    expect(r.map((x) => x.status)).toEqual(["fail", "fail", "fail", "fail"]);
    expect(r[2].message.en).toBe("pod/redis was not found.");
  });

  test("a broken grader (bad jsonpath) reports error, not fail", () => {
    const bad = Check.parse({ id: "bad", title: L("bad"), jsonpath: { object: "pod/redis", path: ".spec", equals: "x" } });
    const [r] = gradeExercise([bad], reader({ [POD]: pod("redis", "Running", true) }));
    expect(r.status).toBe("error");
    expect(r.message.en).toMatch(/could not run/);
  });

  test("a label selector check counts the listed objects", () => {
    const sel = Check.parse({ id: "sel", title: L("sel"), selector: { resource: "pods", labelSelector: "app=redis", atLeast: 2 } });
    const lists = { "/api/v1/namespaces/default/pods": [pod("redis", "Running", true), pod("redis", "Running", true)] };
    expect(gradeExercise([sel], reader({}, lists))[0].status).toBe("pass");
    const none = Check.parse({ id: "none", title: L("none"), selector: { resource: "pods", labelSelector: "app=none", atLeast: 1 } });
    const [r] = gradeExercise([none], reader({}, lists));
    expect(r.status).toBe("fail");
    expect(r.message.en).toBe("0 pods match app=none; at least 1 needed.");
  });

  test("a command-log check looks for the kubectl verb in the learner's commands", () => {
    const c = Check.parse({ id: "used", title: L("used"), commandLog: { verb: "describe" } });
    expect(gradeExercise([c], reader({}), ["kubectl get pods", "kubectl -n default describe pod redis"])[0].status).toBe("pass");
    expect(gradeExercise([c], reader({}), ["echo kubectl", "kubectl get pods"])[0].status).toBe("fail");
  });

  test("score is all or nothing", () => {
    expect(score([{ id: "a", status: "pass", title: L("a"), message: L("") }], 10)).toEqual({ score: 10, passed: true });
    expect(score([{ id: "a", status: "pass", title: L("a"), message: L("") }, { id: "b", status: "error", title: L("b"), message: L("") }], 10)).toEqual({ score: 0, passed: false });
  });
});

describe("check schema", () => {
  test("a check needs exactly one condition and both languages", () => {
    expect(Check.safeParse({ id: "x", title: L("x") }).success).toBe(false);
    expect(Check.safeParse({ id: "x", title: { en: "x" }, exists: { object: "pod/a" } }).success).toBe(false);
    expect(Check.safeParse({ id: "x", title: L("x"), exists: { object: "pod/a" }, phase: { object: "pod/a", equals: "Running" } }).success).toBe(false);
    expect(Check.safeParse({ id: "x", title: L("x"), exists: { object: "pod/a" } }).success).toBe(true);
  });
});

describe("usesVerb", () => {
  test.each([
    ["kubectl set image pod/redis redis=redis", "set", true],
    ["kubectl -n default set image pod/redis redis=redis", "set", true],
    ["k get pods && kubectl edit pod redis", "edit", true],
    ["kubectl get pods | grep set", "set", false],
    ["echo kubectl set", "set", false],
  ])("%s uses %s: %s", (line, verb, expected) => {
    expect(usesVerb(line, "kubectl", verb)).toBe(expected);
  });
});

describe("jsonpath", () => {
  const obj = pod("redis", "Running", true);
  test("fields, indexes, wildcards and filters", () => {
    expect(evaluateJsonPath(obj, "{.spec.containers[0].image}")).toEqual(["redis"]);
    expect(evaluateJsonPath(obj, "{.status.containerStatuses[*].ready}")).toEqual([true]);
    expect(evaluateJsonPath(obj, '{.status.containerStatuses[?(@.name=="redis")].image}')).toEqual(["redis"]);
    expect(evaluateJsonPath(obj, "{.spec.containers[3].image}")).toEqual([]);
  });
  test("malformed expressions throw JsonPathError", () => {
    expect(() => parseJsonPath(".spec")).toThrow(JsonPathError);
    expect(() => parseJsonPath("{.a[?(@.x>1)]}")).toThrow(JsonPathError);
  });
});
