// Text helpers of kubectl explain's templates. Descriptions in schema.ts are stored already
// wrapped at 76 columns (go-wordwrap, as kubectl wraps them), so only indentation is applied here.

/** sprig's indent: pads the first line and every line after a newline. */
export function indent(n: number, s: string): string {
  const pad = " ".repeat(n);
  return pad + s.replace(/\n/g, `\n${pad}`);
}
