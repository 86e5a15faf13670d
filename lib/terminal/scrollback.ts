import { escapeForTerminal } from "./escape";

export interface LoggedCommand { prompt: string; line: string; output: string }

/**
 * A logged command as the terminal first showed it: prompt, line ("> " before continuation lines),
 * output. A row without prompt and line continues the one before it (a stream's later output, what
 * a program printed after its editor closed).
 */
export function replayCommand(e: LoggedCommand): string {
  if (e.prompt === "" && e.line === "") return escapeForTerminal(e.output);
  return escapeForTerminal(e.prompt) + escapeForTerminal(e.line.replace(/\n/g, "\n> ")) + "\r\n" + escapeForTerminal(e.output);
}
