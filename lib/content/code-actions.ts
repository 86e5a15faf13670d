// What a lesson code block's buttons do: lesson-html.ts writes them into the static HTML, the
// lesson workspace (browser) acts on them. Its own module so the browser's bundle gets these two
// names and not the Markdown pipeline.
export const CODE_ACTION = { copy: "copy", run: "run" } as const;
