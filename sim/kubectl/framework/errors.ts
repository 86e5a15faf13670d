// How kubectl prints errors (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go checkErr,
// StandardErrorMessage, MultilineError) and the error values verbs throw to end a command.

import type { Status } from "../../core/api-types";

/** Ends a command: `text` goes to stderr verbatim (a newline is added if missing), exit `code`. */
export class CommandFailed extends Error {
  constructor(readonly text: string, readonly code = 1) {
    super(text);
    this.name = "CommandFailed";
  }
}

/** `error: <message>` as checkErr prints an error that is not an API status (exit 1). */
export function kubectlError(message: string, code = 1): CommandFailed {
  return new CommandFailed(message.startsWith("error: ") ? message : `error: ${message}`, code);
}

/** cmdutil.UsageErrorf: `error: <msg>\nSee 'kubectl get -h' for help and examples`. */
export function usageError(commandPath: string, message: string): CommandFailed {
  return kubectlError(`${message}\nSee '${commandPath} -h' for help and examples`);
}

/** An API error response as a thrown value; `statusErrorText` words it. */
export class ApiStatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
    this.name = "ApiStatusError";
  }
}

/** StandardErrorMessage for one API error: `Error from server (NotFound): pods "x" not found`. */
export function standardErrorMessage(s: Status): string {
  if (s.reason === "Unauthorized") return `error: You must be logged in to the server (${s.message})`;
  if (s.reason) return `Error from server (${s.reason}): ${s.message}`;
  return `Error from server: ${s.message}`;
}

/** checkErr for one API error, including the Invalid form `The Pod "x" is invalid: ...`. */
export function statusErrorText(s: Status): string {
  if (s.reason !== "Invalid") return standardErrorMessage(s);
  const d = s.details;
  if (!d) return "The request is invalid";
  const head = d.kind || d.name ? `The ${d.kind ?? ""} "${d.name ?? ""}" is invalid` : "The request is invalid";
  const seen = new Set<string>();
  const msgs: string[] = [];
  for (const c of d.causes ?? []) {
    const m = `${c.field}: ${c.message}`;
    if (seen.has(m)) continue;
    seen.add(m);
    msgs.push(m);
  }
  if (msgs.length === 0) return head;
  if (msgs.length === 1) return `${head}: ${msgs[0]}`;
  return `${head}: \n${msgs.map((m) => `* ${m}`).join("\n")}`;
}

/** The text kubectl prints for any error a verb raised. */
export function errorText(e: unknown): { text: string; code: number } | undefined {
  if (e instanceof CommandFailed) return { text: e.text, code: e.code };
  if (e instanceof ApiStatusError) return { text: statusErrorText(e.status), code: 1 };
  return undefined;
}
