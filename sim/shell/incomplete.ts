// Whether a typed line is unfinished, so the terminal shows bash's continuation prompt ("> ")
// and waits for more: an open quote or $( ), a heredoc without its delimiter yet, a trailing
// backslash, or an if/for/while/{ not yet closed.

import { parse } from "./parser";
import { ShellSyntaxError } from "./lexer";

export function needsMoreInput(src: string): boolean {
  if (/(^|[^\\])(\\\\)*\\$/.test(src)) return true;
  try {
    const { warnings } = parse(src);
    return warnings.some((w) => w.includes("here-document"));
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) return false;
    if (e.message.startsWith("unexpected EOF while looking for matching")) return true;
    if (e.message === "syntax error: unexpected end of file") return true;
    // `a &&`, `a |`, `a ||` at the end of a line continue on the next one in bash.
    return /(&&|\|\||\|)\s*$/.test(src);
  }
}
