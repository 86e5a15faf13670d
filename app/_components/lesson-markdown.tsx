// Lesson Markdown, rendered on the server (a server component): the Markdown parser and
// highlight.js stay out of the browser's bundle; only the code blocks' buttons are client code.
import type { ReactElement } from "react";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import rehypeHighlight from "rehype-highlight";
import { CodeBlock } from "./code-block";

type HastNode = { type: string; value?: string; tagName?: string; properties?: { className?: unknown }; children?: HastNode[] };

function textOf(n: HastNode | undefined): string {
  if (!n) return "";
  if (n.type === "text") return n.value ?? "";
  return (n.children ?? []).map(textOf).join("");
}

const SHELL = /language-(bash|sh|shell|console|zsh)\b/;

// Parsing and highlighting a lesson takes 15-50 ms per render here; the content is loaded once per
// process (lib/content/load.ts), so each text's rendered tree is kept (React elements are immutable
// and may be shared by renders). Bounded by the course: one entry per lesson, locale and snippet.
const rendered = new Map<string, ReactElement>();

function once(key: string, render: () => ReactElement): ReactElement {
  let el = rendered.get(key);
  if (!el) rendered.set(key, (el = render()));
  return el;
}

const lessonComponents: Components = {
  pre: ({ node, children }) => {
    const code = (node as HastNode | undefined)?.children?.find((c) => c.tagName === "code");
    const cls = Array.isArray(code?.properties?.className) ? (code!.properties!.className as string[]).join(" ") : String(code?.properties?.className ?? "");
    return <CodeBlock text={textOf(code).replace(/\n$/, "")} shell={SHELL.test(cls)}>{children}</CodeBlock>;
  },
};

export function LessonMarkdown({ markdown }: { markdown: string }) {
  return once(`lesson\0${markdown}`, () => (
    <div className="prose-lesson">
      {Markdown({ remarkPlugins: [remarkGfm], rehypePlugins: [[rehypeHighlight, { detect: false, ignoreMissing: true }]], components: lessonComponents, children: markdown })}
    </div>
  ));
}

const inlineComponents: Components = { p: ({ children }) => <>{children}</> };

/** Short Markdown (an exercise's task, a hint) without code-block buttons; `inline` drops the paragraph. */
export function ShortMarkdown({ markdown, inline = false }: { markdown: string; inline?: boolean }) {
  return once(`${inline ? "inline" : "short"}\0${markdown}`, () => <>{Markdown({ components: inline ? inlineComponents : undefined, children: markdown })}</>);
}
