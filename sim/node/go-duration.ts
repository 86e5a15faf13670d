// Go's time.Duration.String for millisecond-truncated durations ("474ms", "2.345s", "5m0s"),
// as kubelet events and back-off messages print them.

function seconds(ms: number): string {
  const s = (ms / 1000).toFixed(3).replace(/\.?0+$/, "");
  return `${s}s`;
}

export function goDuration(ms: number): string {
  const t = Math.max(0, Math.trunc(ms));
  if (t === 0) return "0s";
  if (t < 1000) return `${t}ms`;
  if (t < 60_000) return seconds(t);
  const h = Math.floor(t / 3_600_000);
  const m = Math.floor((t % 3_600_000) / 60_000);
  const rest = seconds(t % 60_000);
  return h > 0 ? `${h}h${m}m${rest}` : `${m}m${rest}`;
}
