import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { expect, test } from "vitest";
import { LessonMarkdown, ShortMarkdown } from "./lesson-markdown";

const md = "# Pods\n\nA **pod** runs containers.\n\n```bash\nkubectl get pods\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";

test("a lesson renders with highlighted shell blocks, GFM tables, and is parsed once per text", () => {
  const first = LessonMarkdown({ markdown: md });
  const html = renderToString(first);
  expect(html).toContain("<h1>Pods</h1>");
  expect(html).toContain("<table>");
  expect(html).toMatch(/hljs/); // highlighted
  expect(html).toContain("kubectl get pods");
  expect(LessonMarkdown({ markdown: md })).toBe(first); // the same tree, not parsed again
  expect(renderToString(LessonMarkdown({ markdown: md }))).toBe(html);
  const other = LessonMarkdown({ markdown: md.replace("Pods", "Services") });
  expect(other).not.toBe(first);
  expect(renderToString(other)).toContain("<h1>Services</h1>");
});

test("short Markdown keeps or drops its paragraph", () => {
  expect(renderToString(createElement(ShortMarkdown, { markdown: "Use `redis`." }))).toBe("<p>Use <code>redis</code>.</p>");
  expect(renderToString(createElement(ShortMarkdown, { markdown: "Use `redis`.", inline: true }))).toBe("Use <code>redis</code>.");
});
