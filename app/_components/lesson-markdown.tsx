"use client";
import { useState, type ReactNode } from "react";
import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";
import rehypeHighlight from "rehype-highlight";
import { useTranslation } from "react-i18next";

type HastNode = { type: string; value?: string; tagName?: string; properties?: { className?: unknown }; children?: HastNode[] };

function textOf(n: HastNode | undefined): string {
  if (!n) return "";
  if (n.type === "text") return n.value ?? "";
  return (n.children ?? []).map(textOf).join("");
}

const SHELL = /language-(bash|sh|shell|console|zsh)\b/;

function CodeBlock({ node, children, onRun }: { node?: HastNode; children?: ReactNode; onRun(text: string): void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const code = node?.children?.find((c) => c.tagName === "code");
  const cls = Array.isArray(code?.properties?.className) ? (code!.properties!.className as string[]).join(" ") : String(code?.properties?.className ?? "");
  const text = textOf(code).replace(/\n$/, "");
  const shell = SHELL.test(cls);
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
          <button type="button" data-testid="run-in-terminal" className="rounded bg-accent px-2 py-0.5 text-xs text-accent-fg" onClick={() => onRun(text)}>
            {t("lesson.run")}
          </button>
        )}
      </div>
    </div>
  );
}

export function LessonMarkdown({ markdown, onRun }: { markdown: string; onRun(text: string): void }) {
  return (
    <div className="prose-lesson">
      <Markdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[[rehypeHighlight, { detect: false, ignoreMissing: true }]]}
        components={{ pre: ({ node, children }) => <CodeBlock node={node as HastNode} onRun={onRun}>{children}</CodeBlock> }}
      >
        {markdown}
      </Markdown>
    </div>
  );
}
