import { expect, test } from "vitest";
import { replayCommand } from "./scrollback";

test("a restored command shows its prompt, line and output with CRLF line ends", () => {
  expect(replayCommand({ prompt: "controlplane $ ", line: "kubectl get pods", output: "No resources found in default namespace.\n" }))
    .toBe("controlplane $ kubectl get pods\r\nNo resources found in default namespace.\r\n");
});

test("a restored heredoc shows the continuation prompts it was typed with", () => {
  expect(replayCommand({ prompt: "$ ", line: "cat <<EOF\nhi\nEOF", output: "hi\n" })).toBe("$ cat <<EOF\r\n> hi\r\n> EOF\r\nhi\r\n");
});

test("escape sequences stored in the log never reach the terminal on restore", () => {
  const r = replayCommand({ prompt: "$ ", line: "echo \x1b[2J", output: "\x1b]52;c;ZXZpbA==\x07pwned\n" });
  expect(r).not.toMatch(/[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]/);
});

test("a row without prompt and line continues the output of the command before it", () => {
  const rows = [
    { prompt: "controlplane $ ", line: "kubectl get pods -w", output: "NAME   READY\n" },
    { prompt: "", line: "", output: "web    1/1\n" },
  ];
  expect(rows.map(replayCommand).join("")).toBe("controlplane $ kubectl get pods -w\r\nNAME   READY\r\nweb    1/1\r\n");
});
