// --from-literal / --from-file / --from-env-file, shared by `create configmap` and `create secret`
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_configmap.go, create_secret.go,
// staging/src/k8s.io/kubectl/pkg/cmd/util/env_file.go).

import { GeneratorError } from "./meta";

/** How generators see files: paths as the user typed them; the verb resolves them against cwd. */
export interface FileSource {
  /** The file's text, or undefined when it does not exist. */
  read(path: string): string | undefined;
  isDir(path: string): boolean;
  /** Regular files directly inside a directory, sorted. */
  listFiles(dir: string): string[];
}

export interface DataSources {
  literals: string[];
  files: string[];
  envFiles: string[];
}

/** Adds one key; `onDuplicate` gives the kind-specific error text. */
export type AddKey = (key: string, value: string) => void;

export function checkSourceCombination(s: DataSources): void {
  if (s.envFiles.length > 0 && (s.files.length > 0 || s.literals.length > 0)) {
    throw new GeneratorError("from-env-file cannot be combined with from-file or from-literal");
  }
}

/** ParseLiteralSource: "key=value", split at the first "=". */
export function parseLiteral(source: string): [string, string] {
  const i = source.indexOf("=");
  if (i <= 0) throw new GeneratorError(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, i), source.slice(i + 1)];
}

/** Literals, then files, then env files, in the order kubectl handles them. */
export function collectSources(s: DataSources, fs: FileSource, add: AddKey): void {
  for (const lit of s.literals) {
    const [k, v] = parseLiteral(lit);
    add(k, v);
  }
  for (const f of s.files) addFileSource(f, fs, add);
  for (const f of s.envFiles) {
    const text = fs.read(f);
    if (text === undefined || fs.isDir(f)) throw new GeneratorError(`error reading ${f}: no such file or directory`);
    for (const [k, v] of parseEnvFile(text)) add(k, v);
  }
}

function addFileSource(source: string, fs: FileSource, add: AddKey): void {
  const { key, path } = parseFileSource(source);
  if (fs.isDir(path)) {
    if (key !== undefined) throw new GeneratorError("cannot give a key name for a directory path");
    for (const name of fs.listFiles(path)) add(name, fs.read(`${path.replace(/\/+$/, "")}/${name}`) ?? "");
    return;
  }
  const text = fs.read(path);
  if (text === undefined) throw new GeneratorError(`error reading ${path}: no such file or directory`);
  add(key ?? (path.split("/").filter(Boolean).pop() ?? path), text);
}

/** ParseFileSource: "[key=]path". */
function parseFileSource(source: string): { key?: string; path: string } {
  const i = source.indexOf("=");
  if (i < 0) return { path: source };
  const key = source.slice(0, i);
  const path = source.slice(i + 1);
  if (!key) throw new GeneratorError(`key name for file path ${path} missing`);
  if (!path) throw new GeneratorError(`file path for key name ${key} missing`);
  return { key, path };
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** processEnvFileLine: comments and blank lines skipped, KEY=VALUE split at the first "=". */
export function parseEnvFile(text: string): [string, string][] {
  const out: [string, string][] = [];
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  for (const raw of lines) {
    const line = raw.replace(/\r$/, "").replace(/^\s+/, "");
    if (line === "" || line.startsWith("#")) continue;
    const i = line.indexOf("=");
    const key = i < 0 ? line : line.slice(0, i);
    if (!ENV_NAME.test(key)) {
      throw new GeneratorError(`${JSON.stringify(key)} is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`);
    }
    out.push([key, i < 0 ? "" : line.slice(i + 1)]);
  }
  return out;
}

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

/** validation.IsConfigMapKey's message, shared by ConfigMaps and Secrets. */
export function configKeyError(key: string): string | undefined {
  if (key.length > 253) return "must be no more than 253 characters";
  if (!CONFIG_KEY.test(key)) return "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
  if (key === ".") return "must not be '.'";
  if (key === "..") return "must not be '..'";
  if (key.startsWith("..")) return "must not start with '..'";
  return undefined;
}

/** Keys sorted as Go marshals a map. */
export function sortedRecord(m: Map<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of [...m.keys()].sort()) out[k] = m.get(k)!;
  return out;
}

/** Standard base64 of the UTF-8 bytes (no Buffer in sim/). */
export function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}
