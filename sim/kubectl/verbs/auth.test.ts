import { describe, expect, test } from "vitest";
import { createSandbox } from "../../index";

function session(topology: "default" | "minikube" = "default") {
  const s = createSandbox({ seed: 1, now: Date.parse("2026-03-01T10:00:00Z"), topology });
  return (line: string) => s.exec(line, { now: s.now() });
}

describe("kubectl auth", () => {
  test("the sandbox's admin may do anything: yes and exit 0", () => {
    const run = session();
    expect(run("kubectl auth can-i create pods")).toMatchObject({ output: "yes\n", exitCode: 0 });
    expect(run("kubectl auth can-i '*' '*'")).toMatchObject({ output: "yes\n", exitCode: 0 });
  });

  test("a service account gets no beyond the default policy, and exit 1", () => {
    const run = session();
    expect(run("kubectl auth can-i list secrets --as=system:serviceaccount:default:default")).toMatchObject({ output: "no\n", exitCode: 1 });
    expect(run("kubectl auth can-i create selfsubjectaccessreviews --as=system:serviceaccount:default:default").output).toBe("yes\n");
    expect(run("kubectl auth can-i get /version --as=jane").output).toBe("yes\n");
    expect(run("kubectl auth can-i get pods -q --as=jane")).toMatchObject({ output: "", exitCode: 1 });
  });

  test("argument errors are kubectl's", () => {
    const run = session();
    expect(run("kubectl auth can-i get").output).toBe("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n");
    expect(run("kubectl auth can-i --list pods").output).toBe("error: list option must be specified with no arguments\n");
  });

  test("--list shows the admin's wildcard rules first", () => {
    const lines = session()("kubectl auth can-i --list").output.split("\n");
    expect(lines[0]).toMatch(/^Resources\s+Non-Resource URLs\s+Resource Names\s+Verbs$/);
    expect(lines[1]).toMatch(/^\*\.\*\s+\[\]\s+\[\]\s+\[\*\]$/);
  });

  test("whoami names the kubeconfig user and its groups", () => {
    expect(session()("kubectl auth whoami").output).toBe("ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [kubeadm:cluster-admins system:authenticated]\n");
    expect(session("minikube")("kubectl auth whoami").output).toContain("[system:masters system:authenticated]");
  });
});
