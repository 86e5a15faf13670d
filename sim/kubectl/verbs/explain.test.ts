import { describe, expect, test } from "vitest";
import { fakePort, runKubectl } from "../testing/harness";

const port = () => fakePort(() => ({ status: 404, body: {} }));

describe("kubectl explain", () => {
  test("a kind prints KIND, VERSION, DESCRIPTION and its fields with a tab before each type", () => {
    const r = runKubectl("kubectl explain pods", port());
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n    Pod is a collection of containers that can run on a host. This resource is\n    created by clients and scheduled onto hosts.\n    \nFIELDS:\n  apiVersion\t<string>\n")).toBe(true);
    expect(r.stdout.endsWith("#spec-and-status\n")).toBe(true);
  });

  test("a field path shows the field's type, its description and the referenced type's fields", () => {
    const r = runKubectl("kubectl explain deploy.spec", port());
    expect(r.stdout).toContain("GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: spec <DeploymentSpec>\n\nDESCRIPTION:\n    Specification of the desired behavior of the Deployment.\n");
    expect(r.stdout).toContain("  selector\t<LabelSelector> -required-\n");
  });

  test("--recursive lists nested field names without descriptions", () => {
    const r = runKubectl("kubectl explain pod --recursive", port());
    expect(r.stdout).toContain("  spec\t<PodSpec>\n    activeDeadlineSeconds\t<integer>\n");
    expect(r.stdout).not.toContain("APIVersion defines");
  });

  test("unknown fields and resources fail with kubectl's words", () => {
    expect(runKubectl("kubectl explain pod.spec.nope", port())).toMatchObject({ stderr: 'error: field "nope" does not exist\n', code: 1 });
    expect(runKubectl("kubectl explain foo", port())).toMatchObject({ stderr: 'error: the server doesn\'t have a resource type "foo"\n', code: 1 });
  });
});
