import { describe, expect, test } from "vitest";
import { createCluster } from "../../world";
import { goWordWrap } from "../explain/wrap";
import { newFs, runOurs } from "./mutating-test-kit";

// The real kubectl's output for these lines is compared in sim/testing/oracle (cases.ts); these
// tests pin the renderer's behaviour without the binary.
const cluster = createCluster({ seed: 1, topology: "default", now: Date.UTC(2026, 10, 25, 12, 0, 0) });
const k = (line: string) => runOurs(line.split(" "), { cluster, fs: newFs() });

describe("kubectl explain", () => {
  test("a kind prints KIND, VERSION, DESCRIPTION and its fields with a tab before each type", () => {
    const r = k("explain pods");
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n    Pod is a collection of containers that can run on a host. This resource is\n    created by clients and scheduled onto hosts.\n    \nFIELDS:\n  apiVersion\t<string>\n")).toBe(true);
    expect(r.stdout.endsWith("#spec-and-status\n\n\n")).toBe(true);
  });

  test("every served kind explains, grouped kinds with their GROUP line", () => {
    for (const [kind, head] of [
      ["endpointslices", "GROUP:      discovery.k8s.io\nKIND:       EndpointSlice\nVERSION:    v1\n"],
      ["cronjobs", "GROUP:      batch\nKIND:       CronJob\nVERSION:    v1\n"],
      ["sa", "KIND:       ServiceAccount\nVERSION:    v1\n"],
      ["ev", "KIND:       Event\nVERSION:    v1\n"],
    ]) {
      const r = k(`explain ${kind}`);
      expect(r.code, kind).toBe(0);
      expect(r.stdout.startsWith(head), kind).toBe(true);
    }
  });

  test("a field path shows the field's type, its description, the referenced type's description and fields", () => {
    const r = k("explain deploy.spec");
    expect(r.stdout).toContain("GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: spec <DeploymentSpec>\n\n\nDESCRIPTION:\n    Specification of the desired behavior of the Deployment.\n    DeploymentSpec is the specification of the desired behavior of the\n    Deployment.\n");
    expect(r.stdout).toContain("  selector\t<LabelSelector> -required-\n");
  });

  test("lists and maps are followed to their items, and typed as []T and map[string]T", () => {
    expect(k("explain pod.spec.containers").stdout).toContain("FIELD: containers <[]Container>\n");
    expect(k("explain pod.spec.containers.ports").stdout).toContain("FIELD: ports <[]ContainerPort>\n");
    expect(k("explain pod.metadata.labels").stdout).toContain("FIELD: labels <map[string]string>\n");
    expect(k("explain svc.spec.ports.targetPort").stdout).toContain("FIELD: targetPort <IntOrString>\n");
  });

  test("--recursive lists nested field names without descriptions", () => {
    const r = k("explain pod --recursive");
    expect(r.stdout).toContain("  spec\t<PodSpec>\n    activeDeadlineSeconds\t<integer>\n");
    expect(r.stdout).not.toContain("APIVersion defines");
  });

  test("unknown fields name the last path element; unknown resources and formats fail as kubectl does", () => {
    expect(k("explain pod.spec.nope")).toEqual({ stdout: "KIND:       Pod\nVERSION:    v1\n\n", stderr: 'error: field "nope" does not exist\n', code: 1 });
    expect(k("explain pod.nope.deeper").stderr).toBe('error: field "deeper" does not exist\n');
    expect(k("explain foo")).toMatchObject({ stderr: 'the server doesn\'t have a resource type "foo"\n', code: 1 });
    expect(k("explain pod -o yaml")).toMatchObject({ stderr: "error: unrecognized format: yaml\n", code: 1 });
    expect(k("explain deploy --api-version=apps/v1beta1")).toMatchObject({ stderr: 'error: couldn\'t find resource for "apps/v1beta1, Resource=deployments"\n', code: 1 });
  });
});

describe("go-wordwrap as kubectl's explain uses it", () => {
  test("breaks at spaces, keeps line breaks and lets a long word run past the limit", () => {
    expect(goWordWrap("aaa bbb ccc", 7)).toBe("aaa bbb\nccc");
    expect(goWordWrap("one\ntwo three", 5)).toBe("one\ntwo\nthree");
    expect(goWordWrap("x https://example.com/a/very/long/url y", 10)).toBe("x\nhttps://example.com/a/very/long/url\ny");
  });

  test("counts runes, not bytes", () => {
    expect(goWordWrap("ééé ééé", 7)).toBe("ééé ééé");
  });
});
