// Pathname expansion (`*.yaml`, `pods/?`, `[ab]*`) over the virtual filesystem, as bash does it
// without options: dotfiles only match a pattern that starts with ".", results sorted, and a
// pattern that matches nothing stays as typed (the caller keeps the word).

import { resolvePath, type FileSystem } from "../core/vfs";

/** `pattern` escapes literal glob characters with a backslash (expand.ts builds it that way). */
export function glob(pattern: string, fs: FileSystem, cwd: string): string[] {
  const absolute = pattern.startsWith("/");
  const parts = pattern.split("/").filter((p, i) => p !== "" || i === 0);
  let bases: string[] = [absolute ? "/" : ""];
  for (const part of parts) {
    if (part === "") continue;
    const next: string[] = [];
    const re = hasMeta(part) ? compile(part) : undefined;
    for (const base of bases) {
      const dir = resolvePath(cwd, base || ".");
      if (!re) {
        const lit = unescape(part);
        const candidate = join(base, lit);
        if (fs.stat(resolvePath(cwd, candidate))) next.push(candidate);
        continue;
      }
      const entry = fs.stat(dir);
      if (!entry || entry.type !== "dir") continue;
      for (const name of fs.list(dir)) {
        if (name.startsWith(".") && !part.startsWith(".")) continue;
        if (re.test(name)) next.push(join(base, name));
      }
    }
    bases = next;
    if (bases.length === 0) return [];
  }
  return bases.sort();
}

function join(base: string, name: string): string {
  if (base === "") return name;
  return base.endsWith("/") ? base + name : `${base}/${name}`;
}

function hasMeta(part: string): boolean {
  for (let i = 0; i < part.length; i++) {
    if (part[i] === "\\") i++;
    else if (part[i] === "*" || part[i] === "?" || part[i] === "[") return true;
  }
  return false;
}

function unescape(part: string): string {
  return part.replace(/\\(.)/g, "$1");
}

/** Whether a name matches a glob pattern (find -name, case patterns); `nocase` for -iname. */
export function matchGlob(pattern: string, name: string, nocase = false): boolean {
  const re = compile(pattern);
  return nocase ? new RegExp(re.source, "i").test(name) : re.test(name);
}

function compile(part: string): RegExp {
  let re = "^";
  for (let i = 0; i < part.length; i++) {
    const c = part[i];
    if (c === "\\") re += escapeRe(part[++i] ?? "");
    else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = part.indexOf("]", i + 2);
      if (end < 0) {
        re += "\\[";
        continue;
      }
      let body = part.slice(i + 1, end);
      if (body.startsWith("!") || body.startsWith("^")) body = "^" + body.slice(1);
      re += "[" + body.replace(/\\/g, "\\\\") + "]";
      i = end;
    } else re += escapeRe(c);
  }
  return new RegExp(re + "$");
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
