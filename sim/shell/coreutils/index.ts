// The programs the sandbox's shell finds on its PATH (besides the shell's own builtins).

import type { Program } from "../../core/process";
import { cat, cp, ls, mkdir, mv, rm, touch } from "./files";
import { echo, printf } from "./echo";
import { sleep } from "./sleep";
import { date, env, hostname, printenv, uname, whoami } from "./system";
import { base64, cut, head, sort, tail, tr, uniq, wc } from "./text";
import { grep } from "./grep";
import { sed } from "./sed";
import { awk } from "./awk";
import { editor } from "./editor";
import { nanoProgram, viProgram } from "../../editor/programs";
import { pager, seq, tee, watch } from "./misc";
import { diff } from "./diff";
import { find } from "./find";
import { man } from "./man";

export function coreutils(): Record<string, Program> {
  return Object.assign(Object.create(null) as Record<string, Program>, {
    cat, cp, ls, mkdir, mv, rm, touch,
    echo, printf,
    sleep,
    date, env, hostname, printenv, uname, whoami,
    base64, cut, head, sort, tail, tr, uniq, wc,
    grep, sed, awk,
    seq, tee, less: pager, more: pager, watch,
    diff, find, man,
    vi: viProgram, vim: viProgram, nano: nanoProgram, emacs: editor,
  });
}
