import { expect, test } from "vitest";
import { lessonHtml } from "./lesson-html";

const labels = { copy: "Copy", copied: "Copied", run: "Run in terminal" };

/** The HTML parsed back into a DOM-free summary: enough to assert on structure without a browser. */
function blocks(html: string) {
  return [...html.matchAll(/<div class="group relative" data-testid="([a-z-]+)" data-code-block="">(.*?)<\/div><\/div>/gs)].map((m) => ({ testid: m[1], inner: m[2] }));
}

test("GitHub-flavoured Markdown with highlighted code, once per text", () => {
  const md = "# Pods\n\nA **pod** runs containers.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n```yaml\napiVersion: v1\nkind: Pod\n```\n";
  const html = lessonHtml(md, labels);
  expect(html).toContain("<h1>Pods</h1>");
  expect(html).toContain("<p>A <strong>pod</strong> runs containers.</p>");
  expect(html).toContain("<table>");
  expect(html).toContain('<input type="checkbox" checked disabled>');
  expect(html).toMatch(/<code class="hljs language-yaml"><span class="hljs-attr">apiVersion:<\/span>/);
  expect(lessonHtml(md, labels)).toBe(html); // kept: the same string
  expect(lessonHtml(md.replace("Pods", "Services"), labels)).toContain("<h1>Services</h1>");
});

test("shell blocks get copy and run-in-terminal buttons; other code only copy", () => {
  const md = "```bash\nkubectl get pods\n```\n\n```console\n$ kubectl get nodes\n```\n\n```yaml\nkind: Pod\n```\n\n```\nplain\n```\n";
  const b = blocks(lessonHtml(md, labels));
  expect(b.map((x) => x.testid)).toEqual(["shell-block", "shell-block", "code-block", "code-block"]);
  expect(b[0].inner).toMatch(/^<pre><code class="hljs language-bash">kubectl get pods\n<\/code><\/pre>/);
  expect(b[0].inner).toContain('<button type="button" class="rounded border border-line bg-panel px-2 py-0.5 text-xs text-fg" data-code-action="copy" data-copied="Copied">Copy</button>');
  expect(b[0].inner).toContain('data-code-action="run" data-testid="run-in-terminal">Run in terminal</button>');
  expect(b[2].inner).not.toContain('data-code-action="run"');
  expect(b[3].inner).toContain('data-code-action="copy"');
});

test("labels are escaped and cached per language", () => {
  const md = "```sh\nls\n```\n";
  const ko = lessonHtml(md, { copy: "복사", copied: "복사됨", run: "<터미널> & 실행" });
  expect(ko).toContain(">&#x3C;터미널> &#x26; 실행</button>");
  expect(lessonHtml(md, labels)).toContain(">Run in terminal</button>");
});

test("raw HTML in the Markdown is shown as text, never as markup", () => {
  const html = lessonHtml('Replace <pod-name> with yours.\n\n<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n', labels);
  expect(html).not.toMatch(/<script|<img|<pod-name/);
  expect(html).toContain("Replace &#x3C;pod-name> with yours.");
  expect(html).toContain("&#x3C;script>alert(1)&#x3C;/script>");
});

test("link and image URLs are made safe as react-markdown makes them", () => {
  const html = lessonHtml("[docs](https://kubernetes.io/docs/) [x](javascript:alert(1)) ![k](data:image/svg+xml,abc) [rel](/lessons/pods#part)\n", labels);
  expect(html).toContain('<a href="https://kubernetes.io/docs/">docs</a>');
  expect(html).toContain('<a href="/lessons/pods#part">rel</a>');
  expect(html).not.toContain("javascript:");
  expect(html).not.toContain("data:image");
  expect(html).toContain('<a href="">x</a>');
});
