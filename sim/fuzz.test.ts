import { describe, expect, test } from "vitest";
import { createSandbox, restoreSandbox } from "./index";
import { Prng } from "./core/prng";

// Seeded, so a failure reproduces: FUZZ_SEED=123 npx vitest run sim/fuzz.test.ts
const SEED = Number(process.env.FUZZ_SEED ?? 20260101);
const LINES = Number(process.env.FUZZ_LINES ?? 2000);
const T0 = Date.parse("2026-01-01T00:00:00Z");

const WORDS = [
  "kubectl", "get", "pods", "pod", "deploy", "svc", "-o", "yaml", "json", "wide", "-n", "kube-system", "-A", "--all-namespaces",
  "run", "web", "--image=nginx", "--image=redis123", "create", "deployment", "delete", "describe", "apply", "-f", "-", "scale",
  "--replicas=3", "--replicas=-1", "--replicas=99999999999999999999", "label", "app=x", "-l", "app!=y", "set", "image", "logs",
  "exec", "--", "rollout", "status", "undo", "expose", "--port=80", "edit", "patch", "-p", "'{\"spec\":{}}'", "explain",
  "echo", "cat", "ls", "grep", "sed", "head", "tail", "wc", "sort", "uniq", "base64", "-d", "printf", "%s%d%q%b", "sleep", "1",
  "timeout", "2", "cd", "/", "..", "~", "mkdir", "-p", "rm", "-rf", "cp", "mv", "touch", "export", "X=1", "alias", "k=kubectl",
  "unalias", "history", "env", "which", "type", "date", "true", "false", "exit", "test", "[", "]", "read", "sh", "-c",
  "$X", "${X:-d}", "${#X}", "$?", "$(echo a)", "`date`", "$((1/0))", "$((2**62))", "*", "?", "[a-z]*", "/tmp/*", "'",
  "\"", "\\", "$(", "${", "`", ";", "&&", "||", "|", ">", ">>", "<", "2>&1", "&>", "/dev/null", "<<<", "(", ")", "{", "}",
  "if", "then", "else", "fi", "for", "in", "do", "done", "while", "__proto__", "constructor", "prototype", "\u0000", "\x1b[31m",
  "\u202e", "😀", "日本", "a".repeat(300), "-".repeat(50), "=", "%", "\t",
];

function randomLine(r: Prng): string {
  const n = 1 + r.int(12);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(r.pick(WORDS));
  return parts.join(r.int(5) === 0 ? "" : " ");
}

function deepYaml(depth: number): string {
  let s = "kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: deep\ndata:\n  x: ";
  s += "[".repeat(depth) + "]".repeat(depth);
  return s;
}

function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 0; i < 9; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill("*" + String.fromCharCode(97 + i)).join(",")}]`);
  return lines.join("\n");
}

const MANIFESTS = [
  deepYaml(200),
  deepYaml(5000),
  aliasBomb(),
  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: proto\n  labels:\n    __proto__: polluted\n    constructor: x\nspec:\n  containers:\n  - name: c\n    image: nginx\n",
  '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p2","__proto__":{"polluted":true}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}',
  "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: huge\nspec:\n  replicas: 1e400\n  selector:\n    matchLabels: {a: b}\n  template:\n    metadata:\n      labels: {a: b}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n",
  "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: many\nspec:\n  replicas: 100000\n  selector:\n    matchLabels: {a: b}\n  template:\n    metadata:\n      labels: {a: b}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n",
  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + "x".repeat(5000) + "\nspec:\n  containers: []\n",
  "kind: [\n",
  "- - - - -\n",
  "apiVersion: v1\nkind: Pod\nmetadata: !!js/function 'function(){}'\n",
  "---\n---\n---\n",
  "apiVersion: v1\nkind: List\nitems:\n" + Array.from({ length: 30 }, (_, i) => `- {apiVersion: v1, kind: ConfigMap, metadata: {name: cm${i}}}`).join("\n") + "\n",
];

function hostileLine(r: Prng): string {
  switch (r.int(12)) {
    case 0:
      return `kubectl apply -f - <<'EOF'\n${r.pick(MANIFESTS)}\nEOF`;
    case 1:
      return `cat <<EOF > /tmp/m.yaml\n${r.pick(MANIFESTS)}\nEOF\nkubectl apply -f /tmp/m.yaml`;
    case 2:
      return Array.from({ length: 10 + r.int(40) }, () => "cat").join(" | ");
    case 3: {
      const depth = 1 + r.int(12);
      return "echo " + "$(echo ".repeat(depth) + "x" + ")".repeat(depth);
    }
    case 4:
      return "echo " + "'".repeat(1 + r.int(3)) + '"'.repeat(r.int(3)) + "$(" + "{".repeat(r.int(3));
    case 5:
      return `echo $((${"9".repeat(1 + r.int(40))} * ${"9".repeat(1 + r.int(40))}))`;
    case 6:
      return `printf '%0${r.int(100000)}d' 1 | wc -c`;
    case 7:
      return `grep -E '${"(a*)*".repeat(1 + r.int(20))}b' /root/.kube/config; sed -E 's/(x+x+)+y/z/g' /root/.kube/config | head -1`;
    case 8:
      return `for i in 1 2 3; do for j in a b; do echo $i$j; done; done | sort -r | uniq -c | head -n 2`;
    case 9:
      return `x=$(printf 'a%.0s' 1 2 3); echo \${x:-none} \${#x} \${x:?boom}`;
    case 10:
      return `kubectl run p${r.int(1000)} --image=${r.pick(["nginx", "busybox", "redis:7", "nosuch/image:1", "nginx@sha256:bad"])} ${r.pick(["", "--restart=Never", "--labels=a=b", "-- sleep 10", "--command -- false"])}`;
    default:
      return String.fromCharCode(...Array.from({ length: 1 + r.int(60) }, () => r.int(0x3000)));
  }
}

describe("fuzzing the sandbox with random and hostile lines", () => {
  test(`${LINES} lines never throw, never pollute Object.prototype, and the sandbox keeps answering (seed ${SEED})`, () => {
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort().join(",");
    const r = new Prng(SEED);
    let s = createSandbox({ seed: SEED, now: T0 });
    let now = T0;
    const internal: string[] = [];
    for (let i = 0; i < LINES; i++) {
      const line = r.int(3) === 0 ? hostileLine(r) : randomLine(r);
      now += r.int(4) === 0 ? r.int(120_000) : 1000;
      let res;
      try {
        res = s.exec(line, { now });
      } catch (e) {
        throw new Error(`line ${i} threw out of exec: ${JSON.stringify(line)}: ${String(e)}`);
      }
      expect(typeof res.output).toBe("string");
      expect(Number.isInteger(res.exitCode)).toBe(true);
      // The single escaping step: nothing but \n and \t below U+0020.
      expect(res.output).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
      if (res.output.includes("internal error")) internal.push(`${i}: ${JSON.stringify(line).slice(0, 200)} → ${res.output.slice(0, 300)}`);
      now = Math.max(now, s.now());
      if (i % 500 === 499) s = restoreSandbox(JSON.parse(JSON.stringify(s.snapshot())));
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort().join(",")).toBe(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const after = s.exec("kubectl get pods", { now: now + 1000 });
    expect(after.output).not.toContain("internal error");
    expect(s.exec("echo alive", { now: now + 2000 }).output).toBe("alive\n");
    expect(internal).toEqual([]);
  }, 300_000);
});
