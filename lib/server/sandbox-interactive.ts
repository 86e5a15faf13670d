import "server-only";
import { z } from "zod";
import { checkLine, mutate, unbroken, withLive, type Change } from "./sandboxes";
import { MAX_SESSIONS, type ClusterView, type ExecResult, type Sandbox } from "./sim";
import type { Viewer } from "./viewer";

// The interactive terminal's server side (sim/README.md, "Interactive editors" and "Interactive
// terminal"): exec with `interactive: true`, stream polls and Ctrl-C, the editor's result and Tab
// completion (Ctrl-R searches the tab's own history in the browser, as bash searches its shell's).
// Same guarded-write discipline as sandboxes.ts (its `mutate`): every change of the sandbox (a
// command, a poll that advanced a stream, an editor's result) is stored with a version check and
// re-run on the fresh state when another tab or instance wrote first. Only commands typed are
// replayable from the log; a poll's or an editor's change is stored with a full snapshot.

/**
 * The terminal session (browser tab) a request comes from: 1 (the first tab, the default) to
 * MAX_SESSIONS. Each has its own shell in the sandbox (sim: ExecOptions.session).
 */
export const TerminalSession = z.number().int().min(1).max(MAX_SESSIONS);

/** An editor the browser should run (sim/editor/session.ts InteractiveRequest). */
export interface EditorRequest { kind: "editor"; editor: "vi" | "nano"; path: string; displayPath: string; content?: string }
export interface EditorResult { path: string; content: string; saved: boolean }

export interface InteractiveExecResponse {
  output: string;
  exitCode: number;
  prompt: string;
  clear?: boolean;
  stream?: { id: number };
  interactive?: EditorRequest;
  /** Left out when it is the picture the terminal said it shows (`clusterTag`). */
  cluster?: ClusterView;
  version: number;
}
export interface PollResponse { output: string; done: boolean; clear?: boolean; exitCode?: number; prompt?: string; cluster: ClusterView; version: number }

function execFields(r: ExecResult) {
  return {
    output: r.output,
    exitCode: r.exitCode,
    prompt: r.prompt,
    ...(r.clear ? { clear: true } : {}),
    ...(r.stream ? { stream: { id: r.stream.id } } : {}),
    ...(r.interactive ? { interactive: r.interactive } : {}),
  };
}

/** A command line from the browser terminal: streams, background jobs, editors, container shells. */
export async function execInteractive(viewer: Viewer, id: string, line: string, now = Date.now(), session = 1, clusterTag?: string): Promise<InteractiveExecResponse> {
  checkLine(line);
  const r = await mutate(viewer, id, (sandbox, unguarded) => {
    const prompt = sandbox.prompt(session);
    const at = Math.max(now, sandbox.now());
    const r = unbroken(sandbox.exec(line, { now: at, interactive: true, session, unguarded }));
    const replay = { at, interactive: true as const, ...(session !== 1 ? { session } : {}) };
    return { value: execFields(r), change: { log: { prompt, line, at, exitCode: r.exitCode, output: r.output }, replay } };
  });
  if (clusterTag === undefined || r.cluster.tag !== clusterTag) return r;
  const { cluster: _same, ...rest } = r;
  return rest;
}

/** The stream's output up to now; `interrupt` is Ctrl-C. */
export async function pollStream(viewer: Viewer, id: string, stream: number, interrupt: boolean, now = Date.now()): Promise<PollResponse> {
  return mutate(viewer, id, (sandbox) => {
    const at = Math.max(now, sandbox.now());
    const u = interrupt ? sandbox.interrupt(stream, { now: at }) : sandbox.poll(stream, { now: at });
    const value = {
      output: u.output,
      done: u.done,
      ...(u.clear ? { clear: true } : {}),
      ...(u.exitCode !== undefined ? { exitCode: u.exitCode } : {}),
      ...(u.prompt !== undefined ? { prompt: u.prompt } : {}),
    };
    // New output is logged as a row without a line, so a reload's scrollback shows the whole
    // stream; watch's redraws (clear) only move the state on.
    const change: Change = u.output === "" || u.clear ? "state" : { log: { prompt: "", line: "", at, exitCode: u.exitCode ?? 0, output: u.output }, replay: null };
    return { value, change };
  });
}

/** The editor quit in the browser: the server writes the file and runs what waited (kubectl edit). */
export async function completeEditor(viewer: Viewer, id: string, result: EditorResult, now = Date.now(), session = 1): Promise<InteractiveExecResponse> {
  return mutate(viewer, id, (sandbox) => {
    const at = Math.max(now, sandbox.now());
    const r = sandbox.completeInteractive(result, { now: at, session });
    // Logged without a line: the scrollback shows what the editor's program printed afterwards.
    return { value: execFields(r), change: r.output === "" ? "state" : { log: { prompt: "", line: "", at, exitCode: r.exitCode, output: r.output }, replay: null } };
  });
}

async function readOnly<T>(viewer: Viewer, id: string, fn: (sandbox: Sandbox) => T): Promise<T> {
  return withLive(viewer, id, null, null, fn);
}

/** Tab: candidates for the word at `cursor` (read-only). */
export async function completeLine(viewer: Viewer, id: string, line: string, cursor: number, session = 1) {
  checkLine(line);
  return readOnly(viewer, id, (s) => s.complete(line, Math.min(Math.max(0, cursor), line.length), session));
}

/**
 * A new terminal tab: session `session` starts afresh (what an earlier tab left running there
 * ends), and the tab gets its first prompt and the history to browse. Stored as a full snapshot.
 */
export async function openSession(viewer: Viewer, id: string, session: number): Promise<{ prompt: string; history: string[]; cluster: ClusterView; version: number }> {
  return mutate(viewer, id, (sandbox) => ({ value: sandbox.resetSession(session), change: "state" }));
}
