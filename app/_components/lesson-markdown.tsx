// Lesson Markdown, rendered on the server (a server component): the Markdown parser and
// highlight.js stay out of the browser's bundle; only the code blocks' buttons are client code.
import Markdown from "react-markdown";
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

export function LessonMarkdown({ markdown }: { markdown: string }) {
  return (
    <div className="prose-lesson">
      <Markdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[[rehypeHighlight, { detect: false, ignoreMissing: true }]]}
        components={{
          pre: ({ node, children }) => {
            const code = (node as HastNode | undefined)?.children?.find((c) => c.tagName === "code");
            const cls = Array.isArray(code?.properties?.className) ? (code!.properties!.className as string[]).join(" ") : String(code?.properties?.className ?? "");
            return <CodeBlock text={textOf(code).replace(/\n$/, "")} shell={SHELL.test(cls)}>{children}</CodeBlock>;
          },
        }}
      >
        {markdown}
      </Markdown>
    </div>
  );
}

/** Short Markdown (an exercise's task, a hint) without code-block buttons; `inline` drops the paragraph. */
export function ShortMarkdown({ markdown, inline = false }: { markdown: string; inline?: boolean }) {
  return <Markdown components={inline ? { p: ({ children }) => <>{children}</> } : undefined}>{markdown}</Markdown>;
}
