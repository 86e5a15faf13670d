"use client";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CheckResultDto, ExerciseDto, GradeDto, Localized, SandboxDto } from "./types";

interface Props {
  exercise: ExerciseDto;
  sandboxId: string;
  locale: "en" | "ko";
  completed: boolean;
  attempts: number;
  onReset(view: SandboxDto): void;
}

function Result({ r, l }: { r: CheckResultDto; l: keyof Localized }) {
  const { t } = useTranslation();
  const mark = r.status === "pass" ? "✓" : r.status === "fail" ? "✗" : "!";
  const tone = r.status === "pass" ? "text-ok" : r.status === "fail" ? "text-bad" : "text-warn";
  return (
    <li data-testid="check-result" data-check={r.id} data-status={r.status} className="flex gap-2 text-sm">
      <span aria-hidden className={`font-bold ${tone}`}>{mark}</span>
      <span>
        <span className="font-medium">{r.title[l]}</span> <span className="sr-only">({t(`exercise.${r.status}`)})</span>
        <span className="block text-muted">{r.message[l]}</span>
      </span>
    </li>
  );
}

export function ExercisePanel({ exercise, sandboxId, locale, completed: done, attempts: tries, onReset }: Props) {
  const { t } = useTranslation();
  const [grading, setGrading] = useState(false);
  const [grade, setGrade] = useState<GradeDto | null>(null);
  const [hints, setHints] = useState(0);
  const [completed, setCompleted] = useState(done);
  const [attempts, setAttempts] = useState(tries);
  const [error, setError] = useState<string | null>(null);

  async function call<T>(path: string): Promise<T | null> {
    setError(null);
    const res = await fetch(`/api/sandboxes/${sandboxId}/${path}`, { method: "POST" });
    const body = (await res.json().catch(() => null)) as (T & { error?: { message: string } }) | null;
    if (!res.ok || !body) {
      setError(body?.error?.message ?? `HTTP ${res.status}`);
      return null;
    }
    return body;
  }

  async function check() {
    setGrading(true);
    try {
      const g = await call<GradeDto>("grade");
      if (g) {
        setGrade(g);
        setAttempts((a) => a + 1);
        if (g.completed) setCompleted(true);
      }
    } finally {
      setGrading(false);
    }
  }

  async function reset() {
    if (!window.confirm(t("exercise.resetConfirm"))) return;
    const v = await call<SandboxDto>("reset");
    if (v) {
      setGrade(null);
      onReset(v);
    }
  }

  const failing = grade ? grade.results.filter((r) => r.status !== "pass").length : 0;
  return (
    <section aria-labelledby="exercise-title" className="rounded-lg border border-line bg-panel p-3" data-testid="exercise-panel">
      <div className="flex items-baseline gap-2">
        <h2 id="exercise-title" className="font-semibold">{t("lesson.exercise")}: {exercise.title[locale]}</h2>
        <span className="text-xs text-muted">{t("exercise.points", { count: exercise.points })}</span>
        {completed && <span data-testid="exercise-completed" className="ml-auto rounded bg-ok px-2 py-0.5 text-xs font-semibold text-bg">{t("exercise.completed")}</span>}
      </div>
      <div className="prose-lesson mt-1 text-sm">{exercise.task}</div>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" onClick={check} disabled={grading} className="rounded bg-accent px-3 py-1 text-sm font-semibold text-accent-fg disabled:opacity-60">
          {grading ? t("exercise.checking") : t("exercise.check")}
        </button>
        <button type="button" onClick={() => setHints((h) => Math.min(h + 1, exercise.hints.length))} disabled={hints >= exercise.hints.length} className="rounded border border-line px-3 py-1 text-sm disabled:opacity-50">
          {hints === 0 ? t("exercise.hint") : hints < exercise.hints.length ? t("exercise.nextHint") : t("exercise.noMoreHints")}
        </button>
        <button type="button" onClick={reset} className="rounded border border-line px-3 py-1 text-sm">{t("exercise.reset")}</button>
        <span className="ml-auto self-center text-xs text-muted">{t("exercise.attempts", { count: attempts })}</span>
      </div>
      {error && <p className="mt-2 text-sm text-bad" data-testid="exercise-error">{error}</p>}
      {hints > 0 && (
        <ol className="mt-2 space-y-1 text-sm" data-testid="hints">
          {exercise.hints.slice(0, hints).map((h, i) => (
            <li key={i} className="prose-lesson rounded bg-bg p-2"><span className="font-semibold">{t("exercise.hintN", { n: i + 1 })}: </span>{h}</li>
          ))}
        </ol>
      )}
      {grade && (
        <div className="mt-3" aria-live="polite">
          <p data-testid="grade-summary" data-passed={grade.passed ? "true" : "false"} className={`text-sm font-semibold ${grade.passed ? "text-ok" : "text-bad"}`}>
            {grade.passed ? t("exercise.passed") : t("exercise.notYet", { failed: failing, total: grade.results.length })}
          </p>
          <ul className="mt-2 space-y-1">{grade.results.map((r) => <Result key={r.id} r={r} l={locale} />)}</ul>
        </div>
      )}
    </section>
  );
}
