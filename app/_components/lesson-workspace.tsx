"use client";
import { Suspense, useCallback, useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ClusterPicture } from "./cluster-picture";
import { ExercisePanel } from "./exercise-panel";
import { CODE_ACTION } from "@/lib/content/code-actions";
import { QuizPanel, type QuizDto } from "./quiz-panel";
import SandboxTerminal, { type TerminalHandle } from "./sandbox-terminal";
import type { ClusterViewDto, ExerciseDto, SandboxDto } from "./types";

// The terminal is part of the page's first scripts (not a lazy chunk fetched after hydration): it
// downloads in parallel with the rest, so a first visit reaches the prompt sooner. xterm only
// touches the DOM in effects, so the server renders the terminal's empty frame.

interface Props {
  slug: string;
  quiz: QuizDto | null;
  title: string;
  /** The lesson text, rendered on the server as static HTML (lesson-markdown.tsx). */
  lesson: ReactNode;
  locale: "en" | "ko";
  exercise: ExerciseDto | null;
  sandbox: SandboxDto | null;
  completed: boolean;
  attempts: number;
}

export function LessonWorkspace({ slug, quiz, title, lesson, locale, exercise, sandbox, completed, attempts }: Props) {
  const { t } = useTranslation();
  const [cluster, setClusterState] = useState<ClusterViewDto | null>(sandbox?.cluster ?? null);
  // The picture shown, for its tag: a command's answer leaves the picture out while it is unchanged.
  const shown = useRef<ClusterViewDto | null>(sandbox?.cluster ?? null);
  const setCluster = useCallback((v: ClusterViewDto) => {
    shown.current = v;
    setClusterState(v);
  }, []);
  const clusterTag = useCallback(() => shown.current?.tag, []);
  const term = useRef<TerminalHandle | null>(null);
  const lastActivity = useRef(Date.now());
  const onCluster = useCallback(
    (v: ClusterViewDto | undefined) => {
      lastActivity.current = Date.now();
      if (v) setCluster(v);
    },
    [setCluster],
  );

  // Between commands the picture keeps up with the cluster (ContainerCreating → Running) for a
  // couple of minutes after the learner's last command, while the tab is visible.
  const sandboxId = sandbox?.id;
  useEffect(() => {
    if (!sandboxId) return;
    const timer = setInterval(async () => {
      if (document.visibilityState !== "visible" || Date.now() - lastActivity.current > 120_000) return;
      const res = await fetch(`/api/sandboxes/${sandboxId}/cluster`).catch(() => null);
      if (res?.ok) setCluster(((await res.json()) as { cluster: ClusterViewDto }).cluster);
    }, 4_000);
    return () => clearInterval(timer);
  }, [sandboxId, setCluster]);
  const pending = useRef<string[]>([]);
  const onReady = useCallback((h: TerminalHandle) => {
    term.current = h;
    for (const text of pending.current.splice(0)) h.run(text);
  }, []);
  const run = useCallback((text: string) => {
    if (term.current) term.current.run(text);
    else pending.current.push(text);
  }, []);
  // The lesson's code blocks are static HTML (lib/content/lesson-html.ts): one handler for their
  // "copy" and "run in terminal" buttons, reading the code from the block's <pre>.
  const onLessonClick = useCallback(
    (e: MouseEvent<HTMLElement>) => {
      const button = (e.target as Element).closest<HTMLButtonElement>("button[data-code-action]");
      const pre = button?.closest("[data-code-block]")?.querySelector("pre");
      if (!button || !pre) return;
      const text = (pre.textContent ?? "").replace(/\n$/, "");
      if (button.dataset.codeAction === CODE_ACTION.run) return run(text);
      void navigator.clipboard?.writeText(text).then(() => {
        const label = button.dataset.label ?? button.textContent ?? "";
        button.dataset.label = label;
        button.textContent = button.dataset.copied ?? label;
        setTimeout(() => (button.textContent = label), 1500);
      });
    },
    [run],
  );

  return (
    <div className="mx-auto grid max-w-[1600px] gap-4 px-4 py-4 lg:h-[calc(100vh-3.5rem)] lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
      <article aria-labelledby="lesson-title" onClick={onLessonClick} className="overflow-y-auto rounded-lg border border-line bg-panel p-5 lg:min-h-0">
        <h1 id="lesson-title" className="mb-2 text-2xl font-bold">{title}</h1>
        {/* Its own Suspense boundary: React hydrates the shell (the terminal) first, this after. */}
        <Suspense>
          {lesson}
          {quiz && <QuizPanel lesson={slug} quiz={quiz} locale={locale} />}
        </Suspense>
      </article>
      <div className="flex min-h-0 flex-col gap-3 lg:overflow-y-auto">
        {sandbox ? (
          <>
            <SandboxTerminal
              sandboxId={sandbox.id}
              prompt={sandbox.prompt}
              scrollback={sandbox.scrollback}
              history={sandbox.history}
              interactive={sandbox.interactive}
              onCluster={onCluster}
              clusterTag={clusterTag}
              onReady={onReady}
            />
            {/* Hydrated after the terminal (its own boundary), as the lesson text is. */}
            <Suspense>
              {exercise && (
                <ExercisePanel
                  exercise={exercise}
                  sandboxId={sandbox.id}
                  locale={locale}
                  completed={completed}
                  attempts={attempts}
                  onReset={(v) => {
                    onCluster(v.cluster);
                    term.current?.restart(v.prompt);
                  }}
                />
              )}
              {cluster && <ClusterPicture view={cluster} />}
            </Suspense>
          </>
        ) : (
          <p className="text-muted">{t("errors.notFound")}</p>
        )}
      </div>
    </div>
  );
}
