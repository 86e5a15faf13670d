"use client";
import { createContext, useContext, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** "Run in terminal" target: the lesson workspace provides it around the server-rendered lesson. */
export const RunInTerminal = createContext<(text: string) => void>(() => {});

/** A code block's buttons around its server-rendered (highlighted) <pre>. */
export function CodeBlock({ text, shell, children }: { text: string; shell: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  const run = useContext(RunInTerminal);
  const [copied, setCopied] = useState(false);
  return (
    <div className="group relative" data-testid={shell ? "shell-block" : "code-block"}>
      <pre>{children}</pre>
      <div className="absolute right-2 top-2 flex gap-1">
        <button
          type="button"
          className="rounded border border-line bg-panel px-2 py-0.5 text-xs text-fg"
          onClick={() => {
            void navigator.clipboard?.writeText(text).then(() => {
              setCopied(true);
              setTimeout(() => setCopied(false), 1500);
            });
          }}
        >
          {copied ? t("lesson.copied") : t("lesson.copy")}
        </button>
        {shell && (
          <button type="button" data-testid="run-in-terminal" className="rounded bg-accent px-2 py-0.5 text-xs text-accent-fg" onClick={() => run(text)}>
            {t("lesson.run")}
          </button>
        )}
      </div>
    </div>
  );
}
