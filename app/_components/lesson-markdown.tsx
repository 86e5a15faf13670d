// Lesson Markdown, rendered on the server (a server component): the Markdown parser and
// highlight.js stay out of the browser's bundle. A lesson arrives as static HTML
// (lib/content/lesson-html.ts: not hydrated; its code blocks' buttons are handled by the lesson
// workspace); short texts (an exercise's task, hints) as React elements.
import type { ReactElement } from "react";
import Markdown, { type Components } from "react-markdown";
import { localizedLessonHtml } from "@/lib/content/lesson-html";
import type { Locale } from "@/lib/i18n/i18n";

// Short texts are parsed once per process (the course is loaded once, lib/content/load.ts); React
// elements are immutable and may be shared by renders. Bounded by the course.
const rendered = new Map<string, ReactElement>();

function once(key: string, render: () => ReactElement): ReactElement {
  let el = rendered.get(key);
  if (!el) rendered.set(key, (el = render()));
  return el;
}

export function LessonMarkdown({ markdown, locale }: { markdown: string; locale: Locale }) {
  return <div className="prose-lesson" dangerouslySetInnerHTML={{ __html: localizedLessonHtml(markdown, locale) }} />;
}

const inlineComponents: Components = { p: ({ children }) => <>{children}</> };

/** Short Markdown (an exercise's task, a hint) without code-block buttons; `inline` drops the paragraph. */
export function ShortMarkdown({ markdown, inline = false }: { markdown: string; inline?: boolean }) {
  return once(`${inline ? "inline" : "short"}\0${markdown}`, () => <>{Markdown({ components: inline ? inlineComponents : undefined, children: markdown })}</>);
}
