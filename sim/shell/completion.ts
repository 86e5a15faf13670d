// Tab completion, read-only: the words bash would offer at the cursor. Commands in command
// position (builtins, programs, aliases), file names elsewhere, and for kubectl (or an alias of
// it, `complete -F __start_kubectl k`) what kubectl's own `__complete` answers
// (staging/src/k8s.io/kubectl/pkg/util/completion/completion.go): commands, sub-commands, flags,
// resource types as `api-resources -o name` lists them, live object names (TYPE NAME and
// TYPE/NAME), pod names for logs/exec/attach/port-forward/cp, namespaces for -n, formats for -o.

import { KINDS, type KindInfo } from "../api/kinds";
import { resolvePath, type FileSystem } from "../core/vfs";
import { GLOBAL_FLAGS } from "../kubectl/framework/global-flags";
import { KUBECTL_COMMANDS } from "../kubectl/framework/suggest";
import type { Verb } from "../kubectl/framework/verb";
import { findVerb } from "../kubectl/registry";

export interface Completion {
  /** Whole words that may replace line.slice(replaceFrom, cursor), sorted. A single candidate not
   *  ending in "/" is complete: bash adds a space after it. */
  candidates: string[];
  replaceFrom: number;
}

export interface CompletionHost {
  fs: FileSystem;
  cwd: string;
  home: string;
  aliases: Record<string, string>;
  /** Every command name: builtins and programs on the PATH. */
  commands: string[];
  /** Names of the objects of a resource (namespaced ones in `namespace`), or [] when it fails. */
  names(kind: KindInfo, namespace: string): string[];
  /** The namespace of the kubeconfig's current context. */
  defaultNamespace: string;
}

interface Scan {
  /** The words of the current command before the word being completed (quotes removed). */
  words: string[];
  /** The word being completed (quotes removed) and where it starts in the line. */
  current: string;
  start: number;
}

/** Splits the text before the cursor as the shell would, enough to know the command and the word. */
function scan(text: string): Scan {
  let words: string[] = [];
  let cur = "";
  let start = 0;
  let inWord = false;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else cur += c;
      continue;
    }
    if (c === "'" || c === '"') {
      if (!inWord) start = i;
      inWord = true;
      quote = c;
    } else if (c === "\\" && i + 1 < text.length) {
      if (!inWord) start = i;
      inWord = true;
      cur += text[++i];
    } else if (c === " " || c === "\t" || c === "\n") {
      if (inWord) words.push(cur);
      cur = "";
      inWord = false;
    } else if (";|&()`".includes(c) || (c === "$" && text[i + 1] === "(")) {
      // A new command starts after a separator (and inside `$(`).
      words = [];
      cur = "";
      inWord = false;
      if (c === "$") i++;
    } else {
      if (!inWord) start = i;
      inWord = true;
      cur += c;
    }
  }
  return { words, current: cur, start: inWord ? start : text.length };
}

export function complete(line: string, cursor: number, host: CompletionHost): Completion {
  const text = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  const { words, current, start } = scan(text);
  const done = (list: Iterable<string>): Completion => ({
    candidates: [...new Set([...list].filter((c) => c.startsWith(current)))].sort(),
    replaceFrom: start,
  });
  if (words.length === 0) {
    if (current.includes("/")) return done(paths(current, host, true));
    return done([...host.commands, ...Object.keys(host.aliases)]);
  }
  if (isKubectl(words[0], host)) return done(kubectlWords(words.slice(1), current, host));
  return done(paths(current, host, false));
}

function isKubectl(word: string, host: CompletionHost): boolean {
  if (word === "kubectl" || word.endsWith("/kubectl")) return true;
  const alias = host.aliases[word];
  return alias !== undefined && /^\s*kubectl(\s|$)/.test(alias);
}

/** File and directory names under the typed directory; directories end in "/". */
function paths(current: string, host: CompletionHost, executablesOnly: boolean): string[] {
  const slash = current.lastIndexOf("/");
  const dirPart = slash >= 0 ? current.slice(0, slash + 1) : "";
  const dir = resolvePath(host.cwd, dirPart === "" ? "." : dirPart, host.home);
  const st = host.fs.stat(dir);
  if (!st || st.type !== "dir") return [];
  const out: string[] = [];
  for (const name of host.fs.list(dir)) {
    const e = host.fs.stat(dir === "/" ? `/${name}` : `${dir}/${name}`);
    if (!e) continue;
    if (e.type === "dir") out.push(`${dirPart}${name}/`);
    else if (!executablesOnly || (e.mode & 0o111) !== 0) out.push(`${dirPart}${name}`);
  }
  return out;
}

/** Resource types as `kubectl api-resources -o name` prints them (completion.go CompGetResourceList). */
function resourceNames(): string[] {
  return KINDS.filter((k) => k.verbs.includes("list") || k.verbs.includes("get")).map((k) => (k.group ? `${k.resource}.${k.group}` : k.resource));
}

function findKind(word: string): KindInfo | undefined {
  const w = word.toLowerCase();
  const [res, ...group] = w.split(".");
  const g = group.join(".");
  return KINDS.find((k) => (res === k.resource || res === k.singular || k.shortNames.includes(res) || res === k.kind.toLowerCase()) && (!g || k.group === g || k.group.startsWith(g)));
}

const POD_VERBS = new Set(["logs", "exec", "attach", "port-forward", "cp"]);
const NODE_VERBS = new Set(["cordon", "uncordon", "drain", "taint"]);
const TYPED_VERBS = new Set(["get", "describe", "delete", "edit", "label", "annotate", "patch", "explain", "wait", "replace", "expose", "autoscale", "set"]);
const SCALABLE = ["deployments", "replicasets", "replicationcontrollers", "statefulsets"];
const ROLLABLE = ["deployments", "daemonsets", "statefulsets"];
/** autoscale.go's validArgs. */
const AUTOSCALABLE = ["deployment", "replicaset", "replicationcontroller", "statefulset"];
const OUTPUTS = ["json", "yaml", "wide", "name", "jsonpath=", "jsonpath-as-json=", "jsonpath-file=", "custom-columns=", "custom-columns-file=", "go-template=", "go-template-file=", "template=", "templatefile="];

function kubectlWords(args: string[], current: string, host: CompletionHost): string[] {
  // The namespace flag anywhere on the line scopes the names.
  let namespace = host.defaultNamespace;
  const positional: string[] = [];
  let verb: Verb | undefined;
  const verbPath: Verb[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-n" || a === "--namespace") {
      namespace = args[++i] ?? namespace;
      continue;
    }
    const m = /^(?:-n|--namespace=)(.+)$/.exec(a);
    if (m) {
      namespace = m[1];
      continue;
    }
    if (a.startsWith("-")) {
      if (takesValue(a, verb)) i++;
      continue;
    }
    if (!verb) {
      verb = findVerb(a);
      if (verb) verbPath.push(verb);
      else positional.push(a);
      continue;
    }
    const sub = positional.length === 0 ? verb.subcommands?.find((s) => s.name === a || s.aliases?.includes(a)) : undefined;
    if (sub) {
      verb = sub;
      verbPath.push(sub);
    } else positional.push(a);
  }
  const prev = args[args.length - 1];
  if (prev === "-n" || prev === "--namespace") return namesOf("namespaces", namespace, host);
  if (prev === "-o" || prev === "--output") return OUTPUTS;
  if (prev === "-f" || prev === "--filename" || prev === "-k" || prev === "--kustomize") return paths(current, host, false);
  if (current.startsWith("--namespace=")) return namesOf("namespaces", namespace, host).map((n) => `--namespace=${n}`);
  if (current.startsWith("-o") && current.length > 2) return OUTPUTS.map((o) => (current.startsWith("--output=") ? `--output=${o}` : `-o${o}`));
  if (current.startsWith("-")) return flagsOf(verbPath);
  if (!verb) return [...KUBECTL_COMMANDS];
  if (verb.subcommands?.length && verbPath.length === 1 && positional.length === 0) return verb.subcommands.map((s) => s.name);
  const top = verbPath[0].name;
  if (POD_VERBS.has(top)) return positional.length === 0 ? namesOf("pods", namespace, host) : [];
  if (NODE_VERBS.has(top)) return positional.length === 0 ? namesOf("nodes", namespace, host) : [];
  const types = top === "scale" ? SCALABLE : top === "rollout" ? ROLLABLE : top === "autoscale" ? AUTOSCALABLE : TYPED_VERBS.has(top) || top === "top" ? undefined : null;
  if (types === null) return [];
  if (positional.length === 0) {
    const slash = current.indexOf("/");
    if (slash >= 0) return namesOf(current.slice(0, slash), namespace, host).map((n) => `${current.slice(0, slash)}/${n}`);
    return types ?? resourceNames();
  }
  if (top === "explain") return [];
  // `get pods a <TAB>` offers more names of the same type; `get pod/x <TAB>` nothing.
  return positional[0].includes("/") ? [] : namesOf(positional[0], namespace, host).filter((n) => !positional.includes(n));
}

function namesOf(type: string, namespace: string, host: CompletionHost): string[] {
  const kind = findKind(type.split(",")[0]);
  return kind ? host.names(kind, namespace) : [];
}

function flagsOf(path: Verb[]): string[] {
  const out: string[] = [];
  for (const f of [...path.flatMap((v) => v.flags ?? []), ...GLOBAL_FLAGS]) {
    out.push(`--${f.name}`);
    if (f.short) out.push(`-${f.short}`);
  }
  return out;
}

function takesValue(flag: string, verb: Verb | undefined): boolean {
  if (flag.includes("=")) return false;
  const specs = [...(verb?.flags ?? []), ...GLOBAL_FLAGS];
  const f = flag.startsWith("--") ? specs.find((s) => s.name === flag.slice(2)) : flag.length === 2 ? specs.find((s) => s.short === flag[1]) : undefined;
  return f !== undefined && f.type !== "bool" && f.noOptDefVal === undefined;
}
