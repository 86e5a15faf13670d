import { describe, expect, test } from "vitest";
import { toYaml, goYamlKeyCompare } from "./yaml";
import { runRealKubectlOffline } from "../../testing/http-adapter";

// Values chosen to hit every go-yaml v2 scalar style: plain, quoted because they would read back
// as another type, single-quoted indicators, double-quoted escapes, literal blocks, folding at 80.
const LONG = "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu vvvv";
const VALUES: Record<string, string> = {
  A: ".5", B: "on", C: "null", D: "x\n\n", E: "", a: LONG, b: "*", c: "true", d: "80", e: "x\ny\n", f: "x\ny",
  g: "a: b", h: "- x", i: "tab\there", j: "yes", k: "1:20", l: "2024-01-01", m: " lead", n: "trail ", o: "é",
  p: "#x", q: "a #x", r: "{x}", s: "1e3", t: "0x1F", u: "~", v: "a'b", w: "x \ny", x: "\nx", y: "  x\ny\n",
  z: '"q"', F: LONG + LONG, G: "a\x01b", H: "\ty\n", I: "2026-11-25T22:21:12Z", J: "-", K: "key=value,other", L: "http://x:80/",
};

function configMap(data: Record<string, string>) {
  return { apiVersion: "v1", data, kind: "ConfigMap", metadata: { creationTimestamp: null, name: "x" } };
}

describe("YAML as kubectl -o yaml prints it", () => {
  test("maps sort keys, lists sit under their key without indentation, empty collections are flow style", () => {
    expect(toYaml({ b: 1, a: { z: [], x: {} }, list: [{ name: "web", ports: [{ port: 80 }] }, "s"] })).toBe(
      "a:\n  x: {}\n  z: []\nb: 1\nlist:\n- name: web\n  ports:\n  - port: 80\n- s\n",
    );
  });

  test("key order follows go-yaml's natural sort: digit runs numerically, non-letters before letters", () => {
    expect(["b", "a10", "a2", "A", "_x", "a"].sort(goYamlKeyCompare)).toEqual(["_x", "A", "a", "a2", "a10", "b"]);
  });

  test("strings are quoted, folded and blocked exactly as the real kubectl v1.32.5 prints them", () => {
    const args = ["create", "configmap", "x", "--dry-run=client", "-o", "yaml", ...Object.entries(VALUES).map(([k, v]) => `--from-literal=${k}=${v}`)];
    const real = runRealKubectlOffline(args);
    if (!real) return;
    expect(real.code).toBe(0);
    expect(toYaml(configMap(VALUES))).toBe(real.stdout);
  });
});
