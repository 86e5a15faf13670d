// Text helpers of kubectl explain's templates (kubectl/pkg/explain/v2/funcs.go).

/** The template's indent: pads the first line and every line after a newline. */
export function indent(n: number, s: string): string {
  const pad = " ".repeat(n);
  return pad + s.replace(/\n/g, `\n${pad}`);
}

const SPACE = /^\s$/u;
const NBSP = "\u00a0";

/**
 * The template's wrap (kubectl's term.NewWordWrapWriter): github.com/mitchellh/go-wordwrap v1.0.1
 * WrapString, which keeps line breaks, breaks at white space only, counts runes and lets a word
 * longer than the limit run past it.
 */
export function goWordWrap(s: string, limit: number): string {
  let out = "";
  let current = 0;
  let word = "";
  let wordLen = 0;
  let space = "";
  let spaceLen = 0;
  for (const ch of s) {
    if (ch === "\n") {
      if (wordLen === 0) {
        if (current + spaceLen <= limit) out += space;
      } else out += space + word;
      space = "";
      spaceLen = 0;
      word = "";
      wordLen = 0;
      out += "\n";
      current = 0;
    } else if (SPACE.test(ch) && ch !== NBSP) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        out += space + word;
        space = "";
        spaceLen = 0;
        word = "";
        wordLen = 0;
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + spaceLen + wordLen > limit && wordLen < limit) {
        out += "\n";
        current = 0;
        space = "";
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= limit) out += space;
  } else out += space + word;
  return out;
}
