"use client";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Localized } from "./types";

export interface QuizDto { id: string; questions: { id: string; prompt: Localized; choices: { id: string; text: Localized }[] }[] }
interface Result { score: number; total: number; results: { id: string; correct: boolean; answer: string; explanation: Localized }[] }

export function QuizPanel({ lesson, quiz, locale }: { lesson: string; quiz: QuizDto; locale: "en" | "ko" }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setError(null);
    const res = await fetch(`/api/lessons/${lesson}/quiz`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ answers }) });
    const body = (await res.json().catch(() => null)) as (Result & { error?: { message: string } }) | null;
    if (!res.ok || !body) setError(body?.error?.message ?? `HTTP ${res.status}`);
    else setResult(body);
  }

  const byId = new Map(result?.results.map((r) => [r.id, r]));
  return (
    <section aria-labelledby="quiz-title" className="mt-8 border-t border-line pt-4" data-testid="quiz">
      <h2 id="quiz-title" className="text-xl font-bold">{t("lesson.quiz")}</h2>
      <ol className="mt-3 space-y-4">
        {quiz.questions.map((q) => {
          const r = byId.get(q.id);
          return (
            <li key={q.id}>
              <fieldset>
                <legend className="font-medium">{q.prompt[locale]}</legend>
                {q.choices.map((c) => (
                  <label key={c.id} className="mt-1 flex items-center gap-2 text-sm">
                    <input type="radio" name={q.id} value={c.id} checked={answers[q.id] === c.id} onChange={() => setAnswers((a) => ({ ...a, [q.id]: c.id }))} />
                    {c.text[locale]}
                  </label>
                ))}
              </fieldset>
              {r && (
                <p className={`mt-1 text-sm ${r.correct ? "text-ok" : "text-bad"}`}>
                  <strong>{r.correct ? t("quiz.correct") : t("quiz.wrong")}.</strong> {r.explanation[locale]}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={submit} disabled={Object.keys(answers).length === 0} className="mt-3 rounded bg-accent px-3 py-1 text-sm font-semibold text-accent-fg disabled:opacity-50">{t("quiz.submit")}</button>
      {result && <p className="mt-2 font-semibold" data-testid="quiz-score" role="status">{t("quiz.score", { score: result.score, total: result.total })}</p>}
      {error && <p className="mt-2 text-sm text-bad">{error}</p>}
    </section>
  );
}
