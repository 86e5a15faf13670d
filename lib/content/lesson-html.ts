// A lesson's Markdown as one HTML string, rendered on the server once per text and language.
// The lesson page inserts it as static HTML (dangerouslySetInnerHTML), so the browser never
// hydrates the lesson: React would otherwise walk every highlighted token of every code block
// before the page's terminal is ready (~40-90 ms of a first visit here). The code blocks' buttons
// are plain HTML; the lesson workspace handles their clicks (one delegated handler).
//
// Same pipeline and safety as react-markdown (used for short texts): GitHub-flavoured Markdown,
// raw HTML in the Markdown shown as text (never as markup), link and image URLs through
// react-markdown's defaultUrlTransform (no javascript: links), highlight.js for fenced code.
import type { Element, ElementContent, Root, RootContent } from "hast";
import { defaultUrlTransform } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { translator, type Locale } from "@/lib/i18n/i18n";
import { CODE_ACTION } from "./code-actions";

/** The code blocks' button labels, in the lesson's language. */
export interface CodeBlockLabels {
  copy: string;
  copied: string;
  run: string;
}


const SHELL = /^language-(bash|sh|shell|console|zsh)$/;
const URL_PROPERTIES = ["href", "src"] as const;

function button(action: string, label: string, className: string, extra: Element["properties"] = {}): Element {
  return { type: "element", tagName: "button", properties: { type: "button", className: className.split(" "), dataCodeAction: action, ...extra }, children: [{ type: "text", value: label }] };
}

/** A <pre> inside the box with its buttons: "copy" always, "run in terminal" for shell code. */
function codeBlock(pre: Element, labels: CodeBlockLabels): Element {
  const code = pre.children.find((c): c is Element => c.type === "element" && c.tagName === "code");
  const classes = Array.isArray(code?.properties.className) ? code.properties.className.map(String) : [];
  const shell = classes.some((c) => SHELL.test(c));
  const buttons: Element[] = [button(CODE_ACTION.copy, labels.copy, "rounded border border-line bg-panel px-2 py-0.5 text-xs text-fg", { dataCopied: labels.copied })];
  if (shell) buttons.push(button(CODE_ACTION.run, labels.run, "rounded bg-accent px-2 py-0.5 text-xs text-accent-fg", { dataTestid: "run-in-terminal" }));
  return {
    type: "element",
    tagName: "div",
    properties: { className: ["group", "relative"], dataTestid: shell ? "shell-block" : "code-block", dataCodeBlock: "" },
    children: [pre, { type: "element", tagName: "div", properties: { className: ["absolute", "right-2", "top-2", "flex", "gap-1"] }, children: buttons }],
  };
}

/** The last rehype step: raw HTML becomes text, URLs are made safe, code blocks get their buttons. */
function lessonTransform(labels: CodeBlockLabels) {
  const visit = (children: (RootContent | ElementContent)[]): void => {
    for (let i = 0; i < children.length; i++) {
      const node = children[i];
      if (node.type === "raw") {
        children[i] = { type: "text", value: node.value };
        continue;
      }
      if (node.type !== "element") continue;
      for (const key of URL_PROPERTIES) if (key in node.properties) node.properties[key] = defaultUrlTransform(String(node.properties[key] ?? ""));
      visit(node.children);
      if (node.tagName === "pre") children[i] = codeBlock(node, labels);
    }
  };
  return () => (tree: Root) => visit(tree.children);
}

function render(markdown: string, labels: CodeBlockLabels): string {
  return String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeHighlight, { detect: false })
      .use(lessonTransform(labels))
      .use(rehypeStringify)
      .processSync(markdown),
  );
}

// Parsing and highlighting a lesson takes 30-50 ms; the course is loaded once per process
// (lib/content/load.ts), so each text's HTML is kept: one entry per lesson and language. On
// globalThis: the server's start-up (instrumentation.ts) renders every lesson ahead of the first
// learner, and its bundle has its own copy of this module.
const g = globalThis as unknown as { __kubelingsLessonHtml?: Map<string, string> };
const rendered = (g.__kubelingsLessonHtml ??= new Map<string, string>());

/** The lesson's HTML (cached per text and labels). */
export function lessonHtml(markdown: string, labels: CodeBlockLabels): string {
  const key = `${labels.copy}\0${labels.copied}\0${labels.run}\0${markdown}`;
  let html = rendered.get(key);
  if (html === undefined) rendered.set(key, (html = render(markdown, labels)));
  return html;
}

/** The lesson's HTML with the buttons labelled in its language. */
export function localizedLessonHtml(markdown: string, locale: Locale): string {
  const t = translator(locale);
  return lessonHtml(markdown, { copy: t("lesson.copy"), copied: t("lesson.copied"), run: t("lesson.run") });
}
