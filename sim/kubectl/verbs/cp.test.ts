import { describe, expect, test } from "vitest";
import { createSandbox } from "../../sandbox";

const T0 = Date.parse("2026-01-01T00:00:00Z");

function withNginx() {
  const sb = createSandbox({ seed: 1, now: T0 });
  sb.exec("kubectl run nginx --image=nginx", { now: T0 });
  sb.exec("true", { now: T0 + 30_000 });
  const run = (line: string) => sb.exec(line, { now: sb.now() + 1000 });
  return { sb, run };
}

describe("kubectl cp", () => {
  test("copies a local file into the container and back out", () => {
    const { run } = withNginx();
    run("echo '<h1>mine</h1>' > index.html");
    expect(run("kubectl cp index.html nginx:/usr/share/nginx/html/index.html")).toMatchObject({ output: "", exitCode: 0 });
    expect(run("kubectl exec nginx -- cat /usr/share/nginx/html/index.html").output).toBe("<h1>mine</h1>\n");
    expect(run("kubectl cp default/nginx:/usr/share/nginx/html/index.html /tmp/back.html")).toMatchObject({ output: "tar: Removing leading `/' from member names\n", exitCode: 0 });
    expect(run("cat /tmp/back.html").output).toBe("<h1>mine</h1>\n");
  });

  test("a destination directory keeps the file's name", () => {
    const { run } = withNginx();
    run("echo x > note.txt");
    run("kubectl cp note.txt nginx:/tmp/");
    expect(run("kubectl exec nginx -- ls /tmp").output).toBe("note.txt\n");
    run("mkdir out && kubectl cp nginx:/tmp/note.txt out");
    expect(run("cat out/note.txt").output).toBe("x\n");
  });

  test("refuses specifications as kubectl does", () => {
    const { run } = withNginx();
    expect(run("kubectl cp a b")).toMatchObject({ output: "error: one of src or dest must be a remote file specification\n", exitCode: 1 });
    expect(run("kubectl cp a:x b:y")).toMatchObject({ output: "error: one of src or dest must be a local file specification\n", exitCode: 1 });
    expect(run("kubectl cp a")).toMatchObject({ output: "error: source and destination are required\n", exitCode: 1 });
    expect(run("kubectl cp nope nginx:/tmp/x")).toMatchObject({ output: "error: nope doesn't exist in local filesystem\n", exitCode: 1 });
  });

  test("what kubectl exec writes stays in the container", () => {
    const { run } = withNginx();
    run("kubectl exec nginx -- sh -c 'echo kept > /tmp/k'");
    expect(run("kubectl exec nginx -- cat /tmp/k").output).toBe("kept\n");
  });
});
