"use client";
// The browser terminal: a tab strip over one or more terminal tabs (terminal-tab.tsx) on the same
// sandbox. Each tab is its own terminal session in the sandbox (sessions 1 to 4, like two ssh logins
// to one machine: its own directory, variables, history, jobs, ssh hops and container shells) and
// has its own screen and line editor; they share the cluster and files, and every command from
// either is stored (the server's version check orders concurrent writes).
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import TerminalTab, { type TabStatus, type TerminalHandle } from "./terminal-tab";
import type { InteractiveRequest } from "@/sim/editor/session";
import type { ClusterViewDto, ScrollbackDto } from "./types";

interface SessionDto { prompt: string; history: string[] }

export type { TerminalHandle } from "./terminal-tab";

interface Props {
  sandboxId: string;
  prompt: string;
  scrollback: ScrollbackDto[];
  history: string[];
  /** The editor the first tab reopens (the page was reloaded while it was open). */
  interactive: InteractiveRequest | null;
  onCluster(view: ClusterViewDto | undefined): void;
  clusterTag(): string | undefined;
  onReady(handle: TerminalHandle): void;
}

/** `key` is also the tab's terminal session in the sandbox (1 to MAX_TABS). */
interface Tab { key: number; prompt: string; scrollback: ScrollbackDto[]; history: string[] }

/** The sandbox's terminal sessions (sim MAX_SESSIONS). */
const MAX_TABS = 4;

export default function SandboxTerminal({ sandboxId, prompt, scrollback, history, interactive, onCluster, clusterTag, onReady }: Props) {
  const { t } = useTranslation();
  const [tabs, setTabs] = useState<Tab[]>([{ key: 1, prompt, scrollback, history }]);
  const [active, setActive] = useState(1);
  const [statuses, setStatuses] = useState<Record<number, { status: TabStatus; error: string | null }>>({});
  const handles = useRef(new Map<number, TerminalHandle>());
  const activeRef = useRef(active);
  activeRef.current = active;
  const readyOnce = useRef(false);

  function ready(key: number, h: TerminalHandle) {
    handles.current.set(key, h);
    if (readyOnce.current) return;
    readyOnce.current = true;
    // The lesson's "run in terminal" and reset go to whichever tab is in front.
    onReady({
      run: (text) => handles.current.get(activeRef.current)?.run(text),
      restart: (p) => handles.current.get(activeRef.current)?.restart(p),
    });
  }

  async function newTab() {
    // A new tab is a new login: the lowest free session starts afresh, on an empty screen.
    const key = [2, 3, 4].find((n) => !tabs.some((x) => x.key === n));
    if (key === undefined) return;
    const res = await fetch(`/api/sandboxes/${sandboxId}/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ session: key }) });
    const body = (await res.json().catch(() => null)) as SessionDto | null;
    if (!res.ok || !body) return;
    setTabs((cur) => [...cur, { key, prompt: body.prompt, scrollback: [], history: body.history }]);
    setActive(key);
  }

  function closeTab(key: number) {
    // Closing a terminal hangs up its login: the session's jobs and container shells end.
    void fetch(`/api/sandboxes/${sandboxId}/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ session: key }) }).catch(() => {});
    handles.current.delete(key);
    setTabs((cur) => cur.filter((x) => x.key !== key));
    if (active === key) setActive(tabs[0].key);
  }

  const current = statuses[active] ?? { status: "ready" as TabStatus, error: null };
  const busy = current.status !== "ready";
  const label =
    current.status === "stream" ? t("terminal.streaming", { defaultValue: "Running… (Ctrl-C stops)" }) : current.status === "editor" ? t("terminal.editing", { defaultValue: "Editor" }) : busy ? t("terminal.working") : t("terminal.ready");

  return (
    <section aria-label={t("terminal.label")} className="flex h-[55vh] min-h-[320px] shrink-0 flex-col overflow-hidden rounded-lg border border-line bg-panel">
      <div className="flex items-center gap-1 border-b border-line px-2 py-1 text-xs">
        <div role="tablist" className="flex items-center gap-1">
          {tabs.map((tab, i) => (
            <span key={tab.key} className={`flex items-center rounded ${tab.key === active ? "bg-line font-semibold" : "text-muted"}`}>
              <button type="button" role="tab" data-testid="terminal-tab" aria-selected={tab.key === active} onClick={() => setActive(tab.key)} className="px-2 py-0.5">
                {tabs.length === 1 ? t("lesson.terminal") : `${t("lesson.terminal")} ${i + 1}`}
              </button>
              {i > 0 && (
                <button type="button" aria-label={t("terminal.closeTab", { defaultValue: "Close tab" })} onClick={() => closeTab(tab.key)} className="pr-1.5 text-muted hover:text-fg">
                  ×
                </button>
              )}
            </span>
          ))}
          {tabs.length < MAX_TABS && (
            <button type="button" data-testid="terminal-new-tab" aria-label={t("terminal.newTab", { defaultValue: "New terminal tab" })} onClick={() => void newTab()} className="rounded px-2 py-0.5 text-muted hover:bg-line">
              +
            </button>
          )}
        </div>
        <span data-testid="terminal-status" data-busy={busy ? "true" : "false"} data-mode={current.status} aria-live="polite" className={`ml-auto flex items-center gap-1 ${busy ? "text-warn" : "text-muted"}`}>
          <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${busy ? "animate-pulse bg-warn" : "bg-ok"}`} />
          {label}
        </span>
      </div>
      {current.error && (
        <p className="sr-only" role="status">
          {current.error}
        </p>
      )}
      {tabs.map((tab) => (
        <TerminalTab
          key={tab.key}
          sandboxId={sandboxId}
          session={tab.key}
          prompt={tab.prompt}
          scrollback={tab.scrollback}
          history={tab.history}
          active={tab.key === active}
          resume={tab.key === 1 ? interactive : null}
          onCluster={onCluster}
          clusterTag={clusterTag}
          onReady={(h) => ready(tab.key, h)}
          onStatus={(status, error) => setStatuses((cur) => ({ ...cur, [tab.key]: { status, error } }))}
        />
      ))}
    </section>
  );
}
