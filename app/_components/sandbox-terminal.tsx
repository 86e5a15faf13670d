"use client";
// The browser terminal: xterm.js with the fit addon, driven by the pure line editor
// (lib/terminal/line-editor.ts). Every string from the server passes escapeForTerminal once more.
import "@xterm/xterm/css/xterm.css";
import { useEffect, useRef, useState } from "react";
import { Terminal } from "@xterm/xterm";
import { FitAddon } from "@xterm/addon-fit";
import { useTranslation } from "react-i18next";
import { escapeForTerminal } from "@/lib/terminal/escape";
import { createEditor, feed, resize, showPrompt, takeQueued, type EditorState } from "@/lib/terminal/line-editor";
import { replayCommand } from "@/lib/terminal/scrollback";
import type { ClusterViewDto, ExecDto, ScrollbackDto } from "./types";

export interface TerminalHandle {
  /** Types text into the terminal as if pasted and pressed Enter. */
  run(text: string): void;
  /** Clears the screen and shows a fresh prompt (after a reset). */
  restart(prompt: string): void;
}

interface Props {
  sandboxId: string;
  prompt: string;
  scrollback: ScrollbackDto[];
  history: string[];
  onCluster(view: ClusterViewDto): void;
  onReady(handle: TerminalHandle): void;
}

const FONT = '"DejaVu Sans Mono", "Noto Sans KR Variable", monospace';

function themeOf(dark: boolean) {
  return dark
    ? { background: "#0b1120", foreground: "#e2e8f0", cursor: "#e2e8f0", selectionBackground: "#334155" }
    : { background: "#ffffff", foreground: "#0f172a", cursor: "#0f172a", selectionBackground: "#bfdbfe" };
}

export default function SandboxTerminal({ sandboxId, prompt, scrollback, history, onCluster, onReady }: Props) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const callbacks = useRef({ onCluster, onReady });
  callbacks.current = { onCluster, onReady };

  useEffect(() => {
    const el = host.current!;
    const dark = document.documentElement.classList.contains("dark");
    const term = new Terminal({ fontFamily: FONT, fontSize: 14, cursorBlink: true, scrollback: 5000, theme: themeOf(dark), allowProposedApi: false });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    try {
      fit.fit();
    } catch {
      /* not laid out yet */
    }
    (window as unknown as { __kubelingsTerm?: Terminal }).__kubelingsTerm = term;

    for (const e of scrollback) term.write(replayCommand(e));
    let editor: EditorState = createEditor({ prompt, history, cols: term.cols });
    let running = false;
    let inbox = "";
    {
      const p = showPrompt(editor, prompt);
      editor = p.state;
      term.write(p.data);
    }

    async function submit(command: string) {
      running = true;
      setBusy(true);
      setError(null);
      let nextPrompt = editor.primaryPrompt;
      try {
        const res = await fetch(`/api/sandboxes/${sandboxId}/exec`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ line: command }),
        });
        const body = (await res.json().catch(() => null)) as (ExecDto & { error?: { message: string } }) | null;
        if (!res.ok || !body || body.error) {
          const message = body?.error?.message ?? `HTTP ${res.status}`;
          setError(message);
          term.write(escapeForTerminal(`${message}\n`));
          if (res.status === 401) window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname)}`);
        } else {
          if (body.clear) term.write("\x1b[2J\x1b[3J\x1b[H");
          term.write(escapeForTerminal(body.output));
          nextPrompt = body.prompt;
          callbacks.current.onCluster(body.cluster);
        }
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        setError(message);
        term.write(escapeForTerminal(`${t("terminal.error", { message })}\n`));
      }
      const p = showPrompt(editor, nextPrompt);
      const q = takeQueued(p.state);
      editor = q.state;
      term.write(p.data);
      running = false;
      setBusy(false);
      const more = q.queued + inbox;
      inbox = "";
      if (more) handle(more);
    }

    function handle(data: string) {
      if (running) {
        inbox += data;
        return;
      }
      const r = feed(editor, data);
      editor = r.state;
      for (const e of r.effects) {
        if (e.kind === "write") term.write(e.data);
        else if (e.kind === "clearScreen") term.write("\x1b[2J\x1b[3J\x1b[H");
        else void submit(e.command);
      }
    }

    const sub = term.onData(handle);
    const onResize = () => {
      try {
        fit.fit();
      } catch {
        return;
      }
      editor = resize(editor, term.cols);
    };
    const ro = new ResizeObserver(onResize);
    ro.observe(el);
    callbacks.current.onReady({
      run(text: string) {
        term.focus();
        handle(text.replace(/\r?\n$/, "") + "\r");
      },
      restart(p: string) {
        term.write("\x1b[2J\x1b[3J\x1b[H");
        const s = showPrompt(editor, p);
        editor = s.state;
        term.write(s.data);
      },
    });
    term.focus();
    return () => {
      ro.disconnect();
      sub.dispose();
      term.dispose();
    };
    // The terminal is created once per sandbox; later props do not recreate it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sandboxId]);

  return (
    <section aria-label={t("terminal.label")} className="flex h-[55vh] min-h-[320px] shrink-0 flex-col overflow-hidden rounded-lg border border-line bg-panel">
      <div className="flex items-center gap-2 border-b border-line px-3 py-1 text-xs">
        <span className="font-semibold">{t("lesson.terminal")}</span>
        <span data-testid="terminal-status" data-busy={busy ? "true" : "false"} aria-live="polite" className={`ml-auto flex items-center gap-1 ${busy ? "text-warn" : "text-muted"}`}>
          <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${busy ? "animate-pulse bg-warn" : "bg-ok"}`} />
          {busy ? t("terminal.working") : t("terminal.ready")}
        </span>
      </div>
      {error && <p className="sr-only" role="status">{error}</p>}
      <div ref={host} data-testid="terminal" data-sandbox-id={sandboxId} className="min-h-0 flex-1 p-1" />
    </section>
  );
}
