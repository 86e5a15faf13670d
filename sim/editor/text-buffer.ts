// Helpers shared by vi and nano: a file as lines, how it is written back, and its size in bytes.

/** Splits a file into lines; the final newline ends the last line rather than starting a new one. */
export function toLines(content: string | undefined): string[] {
  if (content === undefined || content === "") return [""];
  const lines = content.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Joins lines back into a file ending in a newline (vim's 'fixeol' and nano both add it). An empty buffer writes nothing. */
export function fromLines(lines: string[]): string {
  if (lines.length === 1 && lines[0] === "") return "";
  return lines.join("\n") + "\n";
}

export function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

export function leadingWhitespace(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

/**
 * The indentation of a new line typed after `line`: the same as `line`, two more spaces after a
 * YAML key that opens a block (`spec:`, `- name:` with nothing after the colon). This is the
 * simple subset of vim's indent/yaml.vim (shiftwidth 2 from ftplugin/yaml.vim) both editors use.
 */
export function yamlIndentAfter(line: string): string {
  const base = leadingWhitespace(line);
  const trimmed = line.trimEnd();
  if (/:$/.test(trimmed) && !/^\s*#/.test(trimmed)) {
    const dash = /^(\s*)- /.exec(trimmed);
    // `- name:` opens a map whose keys line up after the dash.
    return dash ? dash[1] + "    " : base + "  ";
  }
  const item = /^(\s*)- \S/.exec(trimmed);
  if (item) return item[1] + "  ";
  return base;
}
