import { describe, expect, test } from "vitest";
import { LimitError } from "../../core/limits";
import { MemoryFs } from "../../core/vfs";
import { CommandFailed } from "../framework/errors";
import { loadManifests, parseManifest } from "./manifest";

function fsWith(files: Record<string, string>): MemoryFs {
  const fs = new MemoryFs();
  fs.mkdir("/root", { parents: true });
  for (const [p, d] of Object.entries(files)) {
    fs.mkdir(`/root/${p}`.slice(0, `/root/${p}`.lastIndexOf("/")), { parents: true });
    fs.write(`/root/${p}`, d);
  }
  return fs;
}

function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof CommandFailed) return e.text;
    throw e;
  }
  return "no error";
}

describe("manifest loading", () => {
  test("documents, empty documents and Lists become one object each", () => {
    const objs = parseManifest("m.yaml", "---\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: b\n");
    expect(objs.map((o) => o.metadata.name)).toEqual(["a", "b"]);
  });

  test("YAML 1.1 scalars decode as go-yaml v2 decodes them (n and yes are booleans, dates stay text)", () => {
    const [o] = parseManifest("m.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  n: n\n  when: 2024-01-01\n");
    // As the real kubectl showed: even the key `n` becomes "false".
    expect(o.data).toEqual({ false: false, when: "2024-01-01" });
  });

  test("a JSON file, or several JSON objects in a row, parse too", () => {
    expect(parseManifest("a.json", '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}} {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"b"}}').length).toBe(2);
    expect(failure(() => parseManifest("bad.json", '{"apiVersion":"v1"'))).toBe("error: error parsing bad.json: unexpected EOF");
  });

  test("syntax and validation errors read as kubectl's", () => {
    expect(failure(() => parseManifest("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n    labels: a\n"))).toBe(
      "error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context",
    );
    expect(failure(() => parseManifest("t.yaml", "a: 1\n\tb: 2\n"))).toBe("error: error parsing t.yaml: error converting YAML to JSON: yaml: line 2: found a tab character that violates indentation");
    expect(failure(() => parseManifest("n.yaml", "apiVersion: v1\nmetadata:\n  name: x\n"))).toBe(
      'error: error validating "n.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false',
    );
    expect(failure(() => parseManifest("s.yaml", "just a string\n"))).toBe(
      'error: error validating "s.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false',
    );
  });

  test("alias bombs hit the sandbox limit instead of expanding", () => {
    let bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (let i = 1; i < 8; i++) bomb += `${"abcdefgh"[i]}: &${"abcdefgh"[i]} [${Array(10).fill(`*${"abcdefgh"[i - 1]}`).join(", ")}]\n`;
    expect(() => parseManifest("bomb.yaml", bomb)).toThrow(LimitError);
  });

  test("a wrongly typed value fails kubectl's decoding for that document; earlier ones still load", () => {
    const fs = fsWith({ "m.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n    env:\n    - name: PORT\n      value: 8080\n" });
    const items = loadManifests(["m.yaml"], { fs, cwd: "/root", stdin: "" });
    expect(items[0].object.metadata.name).toBe("a");
    expect(items[1].error).toBe('error: unable to decode "m.yaml": json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string');
  });

  test("directories give their .yaml, .yml and .json files in name order; -R descends", () => {
    const cm = (n: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${n}\n`;
    const fs = fsWith({ "d/b.yml": cm("b"), "d/a.yaml": cm("a"), "d/readme.md": "x", "d/sub/c.yaml": cm("c") });
    expect(loadManifests(["d"], { fs, cwd: "/root", stdin: "" }).map((i) => [i.source, i.object.metadata.name])).toEqual([["d/a.yaml", "a"], ["d/b.yml", "b"]]);
    expect(loadManifests(["d"], { fs, cwd: "/root", stdin: "" }, true).map((i) => i.source)).toEqual(["d/a.yaml", "d/b.yml", "d/sub/c.yaml"]);
    expect(failure(() => loadManifests(["nope.yaml"], { fs, cwd: "/root", stdin: "" }))).toBe('error: the path "nope.yaml" does not exist');
  });
});
