// vi, vim, nano: full-screen editors cannot run in a request/response terminal, so they explain
// what to do instead and change nothing (exit 1, as an editor that fails to start).

import type { Proc } from "../../core/process";

export function editor(p: Proc): number {
  const name = p.argv[0].split("/").pop();
  const file = p.argv.slice(1).find((a) => !a.startsWith("-") && !a.startsWith("+")) ?? "FILE";
  p.stderr(
    `${name}: interactive editors are not available in this terminal.\n` +
      `To write a file, use a heredoc:\n  cat <<EOF > ${file}\n  ...\n  EOF\n` +
      `To change an object, use kubectl apply -f, kubectl set, kubectl patch or kubectl edit's alternatives.\n`,
  );
  return 1;
}
