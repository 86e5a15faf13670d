import { escapeForTerminal } from "./escape";

export interface LoggedCommand { prompt: string; line: string; output: string }

/** A logged command as the terminal first showed it: prompt, line ("> " before continuation lines), output. */
export function replayCommand(e: LoggedCommand): string {
  return escapeForTerminal(e.prompt) + escapeForTerminal(e.line.replace(/\n/g, "\n> ")) + "\r\n" + escapeForTerminal(e.output);
}
