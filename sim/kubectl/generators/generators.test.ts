// Every generator's output compared byte for byte with the real kubectl v1.32.5: first with the
// transcript recorded from it (testdata/real-kubectl-generators.json), then, when the binary is
// installed, by running it again (it needs a server only for discovery, answered by a stub).

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { newFs, realKubectlAvailable, runOurs, runReal } from "../verbs/mutating-test-kit";

interface Recorded {
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
}

const here = __dirname;
const cases = JSON.parse(readFileSync(join(here, "testdata/real-kubectl-generators.json"), "utf8")) as Recorded[];
const files: Record<string, string> = {};
for (const name of readdirSync(join(here, "testdata/files"), { withFileTypes: true })) {
  if (name.isFile()) files[name.name] = readFileSync(join(here, "testdata/files", name.name), "utf8");
}
files["sub/x"] = readFileSync(join(here, "testdata/files/sub/x"), "utf8");

describe("client-side generators print what the real kubectl prints", () => {
  test.each(cases.map((c) => [c.args.join(" "), c] as const))("kubectl %s", (_line, c) => {
    const ours = runOurs(c.args, { fs: newFs(files) });
    expect({ stdout: ours.stdout, stderr: ours.stderr, code: ours.code }).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
  });
});

describe("generator details the transcript cannot pin down", () => {
  test("an image name with '_' or '.' becomes a DNS-safe container name with a 5-character suffix", () => {
    const ours = runOurs(["create", "deployment", "my_app", "--image=my.registry:5000/team/my_app:1.0", "--dry-run=client", "-o", "json"]);
    const obj = JSON.parse(ours.stdout);
    expect(obj.spec.template.spec.containers[0].name).toMatch(/^my-app-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(obj.metadata.labels).toEqual({ app: "my_app" });
  });
});

const real = realKubectlAvailable();
describe.skipIf(!real)("the recorded transcript still matches the installed real kubectl", () => {
  test("create subcommands (offline) print the same as when recorded", () => {
    const dir = mkdtempSync(join(tmpdir(), "kubelings-gen-"));
    for (const [name, data] of Object.entries(files)) {
      mkdirSync(join(dir, name, ".."), { recursive: true });
      writeFileSync(join(dir, name), data);
    }
    const kubeconfig = join(dir, "kubeconfig");
    writeFileSync(kubeconfig, "apiVersion: v1\nkind: Config\nclusters:\n- cluster: {server: 'http://127.0.0.1:1'}\n  name: k\ncontexts:\n- context: {cluster: k, user: u}\n  name: k\ncurrent-context: k\nusers:\n- name: u\n  user: {}\n");
    for (const c of cases.filter((x) => x.args[0] === "create")) {
      expect(runReal(c.args, { cwd: dir, kubeconfig }), c.args.join(" ")).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
    }
    // ~100 runs of the binary one after another: 30 s was too little while the whole suite runs.
  }, 180_000);
});
if (!real) console.log("notice: real kubectl v1.32 not found; live comparison skipped");
