import "server-only";
import { db } from "./db";
import { AppError } from "./errors";
import { fastStore } from "./fast-store";
import { forget, peek, remember, withSandboxLock } from "./sandbox-cache";
import { backoff, checkLine, live, MAX_TRIES, meta, VersionConflict } from "./sandboxes";
import type { ClusterView, ExecResult, Sandbox } from "./sim";
import type { Viewer } from "./viewer";

// The interactive terminal's server side (sim/README.md, "Interactive editors" and "Interactive
// terminal"): exec with `interactive: true`, stream polls and Ctrl-C, the editor's result and Tab
// completion (Ctrl-R searches the tab's own history in the browser, as bash searches its shell's).
// Same guarded-write discipline as sandboxes.ts: every change of the sandbox (a command, a poll that
// advanced a stream, an editor's result) is stored with a version check and re-run on the fresh
// state when another tab or instance wrote first.

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
  cluster: ClusterView;
  version: number;
}
export interface PollResponse { output: string; done: boolean; clear?: boolean; exitCode?: number; prompt?: string; cluster: ClusterView; version: number }

/** What a step changed: a command for the log (snapshot + log row), the state alone, or nothing. */
type Change = { log: { prompt: string; line: string; at: number; exitCode: number; output: string } } | "state" | "none";

async function store(id: string, version: number, sandbox: Sandbox, change: Change): Promise<boolean> {
  if (change === "none") return true;
  const snapshot = JSON.stringify(sandbox.snapshot());
  if (change === "state") {
    // A poll moves the stream and the clock on; no log row (the command was logged when typed).
    const u = await db().sandbox.updateMany({ where: { id, version }, data: { snapshot, version: version + 1 } });
    return u.count === 1;
  }
  return fastStore().writeCommand({ sandboxId: id, version, snapshot, ...change.log });
}

/**
 * Runs `step` on the viewer's live sandbox and stores what it changed, guarded by the version; on
 * a conflict the step is re-run on the fresh state (so an acknowledged change is never lost).
 */
async function mutate<T>(viewer: Viewer, id: string, step: (sandbox: Sandbox) => { value: T; change: Change }): Promise<T & { cluster: ClusterView; version: number }> {
  return withSandboxLock(id, async () => {
    for (let i = 0; i < MAX_TRIES; i++) {
      const hit = i === 0 ? peek(id) : undefined;
      let sandbox: Sandbox;
      let version: number;
      if (hit && hit.ownerId === viewer.id) {
        sandbox = hit.sandbox;
        version = hit.version;
      } else {
        const m = await meta(viewer, id);
        try {
          sandbox = await live(id, m.version);
        } catch (e) {
          if (e instanceof VersionConflict) continue;
          throw e;
        }
        version = m.version;
      }
      const { value, change } = step(sandbox);
      let stored: boolean;
      try {
        stored = await store(id, version, sandbox, change);
      } catch (e) {
        forget(id);
        throw e;
      }
      if (!stored) {
        forget(id);
        await backoff(i);
        continue;
      }
      const next = change === "none" ? version : version + 1;
      remember(id, next, sandbox, viewer.id);
      return { ...value, cluster: sandbox.clusterView(), version: next };
    }
    throw new AppError("conflict", "The sandbox is busy; try again.");
  });
}

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
export async function execInteractive(viewer: Viewer, id: string, line: string, now = Date.now()): Promise<InteractiveExecResponse> {
  checkLine(line);
  return mutate(viewer, id, (sandbox) => {
    const prompt = sandbox.prompt();
    const at = Math.max(now, sandbox.now());
    const r = sandbox.exec(line, { now: at, interactive: true });
    return { value: execFields(r), change: { log: { prompt, line, at, exitCode: r.exitCode, output: r.output } } };
  });
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
    const change: Change = u.output === "" || u.clear ? "state" : { log: { prompt: "", line: "", at, exitCode: u.exitCode ?? 0, output: u.output } };
    return { value, change };
  });
}

/** The editor quit in the browser: the server writes the file and runs what waited (kubectl edit). */
export async function completeEditor(viewer: Viewer, id: string, result: EditorResult, now = Date.now()): Promise<InteractiveExecResponse> {
  return mutate(viewer, id, (sandbox) => {
    const at = Math.max(now, sandbox.now());
    const r = sandbox.completeInteractive(result, { now: at });
    // Logged without a line: the scrollback shows what the editor's program printed afterwards.
    return { value: execFields(r), change: r.output === "" ? "state" : { log: { prompt: "", line: "", at, exitCode: r.exitCode, output: r.output } } };
  });
}

async function readOnly<T>(viewer: Viewer, id: string, fn: (sandbox: Sandbox) => T): Promise<T> {
  return withSandboxLock(id, async () => {
    for (let i = 0; i < MAX_TRIES; i++) {
      const m = await meta(viewer, id);
      try {
        const sandbox = await live(id, m.version);
        remember(id, m.version, sandbox, viewer.id);
        return fn(sandbox);
      } catch (e) {
        if (!(e instanceof VersionConflict)) throw e;
      }
    }
    throw new AppError("conflict", "The sandbox is busy; try again.");
  });
}

/** Tab: candidates for the word at `cursor` (read-only). */
export async function completeLine(viewer: Viewer, id: string, line: string, cursor: number) {
  checkLine(line);
  return readOnly(viewer, id, (s) => s.complete(line, Math.min(Math.max(0, cursor), line.length)));
}

/** The editor still open in the sandbox (the page was reloaded while vi ran), or null. */
export async function pendingEditor(viewer: Viewer, id: string): Promise<EditorRequest | null> {
  return readOnly(viewer, id, (s) => s.pendingInteractive() ?? null);
}
