import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { expect, test } from "vitest";
import { LessonMarkdown, ShortMarkdown } from "./lesson-markdown";

test("a lesson is static HTML in its language: the buttons' labels come from the UI strings", () => {
  const md = "# Pods\n\n```bash\nkubectl get pods\n```\n";
  const en = renderToString(LessonMarkdown({ markdown: md, locale: "en" }));
  expect(en).toMatch(/^<div class="prose-lesson"><h1>Pods<\/h1>/);
  expect(en).toContain(">Copy</button>");
  expect(en).toContain(">Run in terminal</button>");
  const ko = renderToString(LessonMarkdown({ markdown: md, locale: "ko" }));
  expect(ko).not.toContain(">Copy</button>");
  expect(ko).toContain('data-copied="복사됨"');
  expect(ko).toContain(">터미널에서 실행</button>");
});

test("short Markdown keeps or drops its paragraph", () => {
  expect(renderToString(createElement(ShortMarkdown, { markdown: "Use `redis`." }))).toBe("<p>Use <code>redis</code>.</p>");
  expect(renderToString(createElement(ShortMarkdown, { markdown: "Use `redis`.", inline: true }))).toBe("Use <code>redis</code>.");
});
