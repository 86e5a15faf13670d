// `man kubectl` / `man kubectl-get`: kubectl's manual pages as cobra's man generator lays them out
// (NAME, SYNOPSIS, DESCRIPTION, OPTIONS, EXAMPLE), from the same help texts as `--help`
// (sim/kubectl/help/texts.ts), printed whole as man does when its output is not a terminal pager.
// Other pages are not installed in the sandbox's image: `No manual entry for X` (exit 16).

import type { Proc } from "../../core/process";
import { HELP_TEXTS } from "../../kubectl/help/texts";

const WIDTH = 80;

function section(title: string, body: string): string {
  const text = body.replace(/^\n+|\n+$/g, "");
  return `${title}\n${text.split("\n").map((l) => (l.trim() ? `       ${l.replace(/^ +/, "")}` : "")).join("\n")}\n\n`;
}

function page(command: string, help: string): string {
  const title = command.replace(/ /g, "-").toUpperCase() + "(1)";
  const middle = "Kubernetes User Manuals";
  const gap = Math.max(1, Math.floor((WIDTH - title.length * 2 - middle.length) / 2));
  const header = `${title}${" ".repeat(gap)}${middle}${" ".repeat(Math.max(1, WIDTH - title.length * 2 - middle.length - gap))}${title}\n\n`;
  const cut = (name: string) => {
    const at = help.indexOf(`\n\n${name}:\n`);
    return at;
  };
  const marks = ["Examples", "Options", "Usage"].map((n) => ({ n, at: cut(n) })).filter((m) => m.at >= 0).sort((a, b) => a.at - b.at);
  const part = (n: string) => {
    const i = marks.findIndex((m) => m.n === n);
    if (i < 0) return "";
    const start = marks[i].at + n.length + 4;
    return help.slice(start, i + 1 < marks.length ? marks[i + 1].at : help.indexOf("\n\nUse \"kubectl", start) >= 0 ? help.indexOf("\n\nUse \"kubectl", start) : help.length);
  };
  const description = help.slice(0, marks.length ? marks[0].at : help.length);
  const summary = description.split("\n")[0].replace(/\.$/, "");
  let out = header;
  out += section("NAME", `${command.replace(/ /g, "-")} - ${summary}`);
  const usage = part("Usage").trim();
  if (usage) out += section("SYNOPSIS", usage);
  out += section("DESCRIPTION", description);
  const options = part("Options");
  if (options.trim()) out += section("OPTIONS", options);
  const examples = part("Examples");
  if (examples.trim()) out += section("EXAMPLE", examples);
  out += section("HISTORY", "January 2015, Originally compiled by Eric Paris (eparis at redhat dot com) based on the kubernetes source material, but hopefully they have been automatically generated since!");
  return out;
}

export function man(p: Proc): number {
  const names = p.argv.slice(1).filter((a) => !a.startsWith("-") && !/^\d+$/.test(a));
  if (names.length === 0) {
    p.stderr("What manual page do you want?\nFor example, try 'man man'.\n");
    return 1;
  }
  let status = 0;
  for (const name of names) {
    const m = /^kubectl(?:-(.+))?$/.exec(name);
    const key = m ? (m[1] ?? "").replace(/-/g, " ") : undefined;
    const help = key !== undefined ? (HELP_TEXTS[key] ?? HELP_TEXTS[m![1] ?? ""]) : undefined;
    if (help === undefined) {
      p.stderr(`No manual entry for ${name}\n`);
      status = 16;
      continue;
    }
    p.stdout(page(key ? `kubectl ${key}` : "kubectl", help));
  }
  return status;
}
