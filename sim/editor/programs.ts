// vi, vim and nano as shell programs: with a browser terminal they hand it to the editor component
// (session.ts); in the headless runner they say why they cannot run and exit 1 instead of hanging.

import type { Proc } from "../core/process";
import { resolvePath } from "../core/vfs";
import { headlessMessage, terminalPort, type EditorKind } from "./session";

function editorProgram(kind: EditorKind) {
  return (p: Proc): number => {
    const name = p.argv[0].split("/").pop() ?? kind;
    const port = terminalPort();
    if (!port || !port.interactive) {
      p.stderr(headlessMessage(name));
      return 1;
    }
    // Options (-R, +N, --) are accepted and ignored; the first other argument is the file.
    const file = p.argv.slice(1).find((a) => !a.startsWith("-") && !a.startsWith("+"));
    if (file === undefined) {
      p.stderr(`${name}: give the file to edit (${name} FILE) in this terminal\n`);
      return 1;
    }
    const path = resolvePath(p.cwd, file, p.env.HOME ?? "/root");
    const entry = p.fs.stat(path);
    if (entry && entry.type === "dir") {
      // vim opens its directory browser and nano refuses; both leave the directory alone.
      p.stderr(`"${file}" is a directory\n`);
      return 1;
    }
    const content = entry ? p.fs.read(path) : undefined;
    port.open({ request: { kind: "editor", editor: kind, path, displayPath: file, ...(content !== undefined ? { content } : {}) }, env: { ...p.env }, cwd: p.cwd });
    return 0;
  };
}

export const viProgram = editorProgram("vi");
export const nanoProgram = editorProgram("nano");
