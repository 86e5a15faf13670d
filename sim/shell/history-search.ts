// Ctrl-R (readline's reverse-search-history): the newest history entry before `before` that
// contains `query`; pressing Ctrl-R again searches on from the match found. The browser keeps the
// search state; this is the lookup it asks for.

export interface HistoryMatch {
  /** The entry's index in the history (oldest first). */
  index: number;
  entry: string;
  /** Where the query starts in the entry (readline puts the cursor there). */
  at: number;
}

export function reverseSearch(history: readonly string[], query: string, before = history.length): HistoryMatch | undefined {
  for (let i = Math.min(before, history.length) - 1; i >= 0; i--) {
    const at = history[i].lastIndexOf(query);
    if (at >= 0) return { index: i, entry: history[i], at };
  }
  return undefined;
}
