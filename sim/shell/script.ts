// Splits a scenario script into command lines for the headless runner: one command per line,
// blank lines and `#` comments skipped; a heredoc (`cat <<EOF > f` ... `EOF`) and a line ending
// in a backslash continue onto the following lines and count as one command.

import { Lexer } from "./lexer";

/** The heredocs a line opens, found by the shell's own lexer (so quotes and `<<<` are handled). */
function heredocsOf(line: string): { delimiter: string; stripTabs: boolean }[] {
  try {
    return new Lexer(line).tokens().flatMap((t) => (t.kind === "heredoc" ? [{ delimiter: t.doc.delimiter, stripTabs: t.doc.stripTabs }] : []));
  } catch {
    return [];
  }
}

export function splitScript(text: string): string[] {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const commands: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let cmd = lines[i];
    if (cmd.trim() === "" || cmd.trimStart().startsWith("#")) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(cmd) && i + 1 < lines.length) cmd = cmd + "\n" + lines[++i];
    for (const doc of heredocsOf(cmd)) {
      while (i + 1 < lines.length) {
        const body = lines[++i];
        cmd += "\n" + body;
        if ((doc.stripTabs ? body.replace(/^\t+/, "") : body) === doc.delimiter) break;
      }
    }
    commands.push(cmd);
  }
  return commands;
}
