// cobra's "Did you mean this?" (command.go SuggestionsFor): Levenshtein distance <= 2, ignoring
// case, or a prefix match; in the order the commands were added (kubectl disables sorting).

export function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...new Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0][j] = j;
  for (let j = 1; j <= t.length; j++) {
    for (let i = 1; i <= s.length; i++) {
      d[i][j] = s[i - 1] === t[j - 1] ? d[i - 1][j - 1] : Math.min(d[i - 1][j], d[i][j - 1], d[i - 1][j - 1]) + 1;
    }
  }
  return d[s.length][t.length];
}

export function suggestionsFor(typed: string, commands: readonly string[]): string[] {
  return commands.filter((c) => levenshtein(typed, c) <= 2 || c.toLowerCase().startsWith(typed.toLowerCase()));
}

/** The command words of kubectl v1.32 in the order NewKubectlCommand adds them. */
export const KUBECTL_COMMANDS = [
  "create", "expose", "run", "set", "explain", "get", "edit", "delete", "rollout", "scale", "autoscale",
  "certificate", "cluster-info", "top", "cordon", "uncordon", "drain", "taint", "describe", "logs", "attach",
  "exec", "port-forward", "proxy", "cp", "auth", "debug", "events", "diff", "apply", "patch", "replace",
  "wait", "kustomize", "label", "annotate", "completion", "api-resources", "api-versions", "config",
  "plugin", "version", "options",
] as const;
