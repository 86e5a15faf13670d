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

/** A buffer with a cursor, as both editors edit it in their typing modes. */
export interface Cursor {
  lines: string[];
  row: number;
  col: number;
}

/** Inserts text (possibly several lines) at the cursor, leaving the cursor after it. */
export function insertAt(b: Cursor, text: string): void {
  const parts = text.replace(/\r\n?/g, "\n").split("\n");
  const line = b.lines[b.row];
  const before = line.slice(0, b.col);
  const after = line.slice(b.col);
  if (parts.length === 1) {
    b.lines[b.row] = before + parts[0] + after;
    b.col += parts[0].length;
    return;
  }
  const last = parts[parts.length - 1];
  b.lines.splice(b.row, 1, before + parts[0], ...parts.slice(1, -1), last + after);
  b.row += parts.length - 1;
  b.col = last.length;
}

/** Backspace: deletes the character before the cursor, or joins the line to the previous one. */
export function backspaceAt(b: Cursor): void {
  const line = b.lines[b.row];
  if (b.col > 0) {
    b.lines[b.row] = line.slice(0, b.col - 1) + line.slice(b.col);
    b.col--;
  } else if (b.row > 0) {
    const prevLen = b.lines[b.row - 1].length;
    b.lines[b.row - 1] += line;
    b.lines.splice(b.row, 1);
    b.row--;
    b.col = prevLen;
  }
}

/** Delete: deletes the character under the cursor, or joins the next line to this one. */
export function deleteAt(b: Cursor): void {
  const line = b.lines[b.row];
  if (b.col < line.length) b.lines[b.row] = line.slice(0, b.col) + line.slice(b.col + 1);
  else if (b.row < b.lines.length - 1) {
    b.lines[b.row] = line + b.lines[b.row + 1];
    b.lines.splice(b.row + 1, 1);
  }
}
