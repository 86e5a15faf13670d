#!/bin/sh
# Instructions of the crash-loop hour under callgrind (stable on a busy machine, unlike timings):
# bundles sim/bench/count-hour.ts with esbuild and prints the totals of a run without and with the
# hour, and their difference, with node's --predictable (single-threaded and deterministic: the
# same count run after run; compilation and GC are counted, on the main thread; the earlier
# rounds ran without it, and their counts moved by tens of M between runs):
#   cold: the first hour the process runs (compilation included);
#   warm: the hour after WARM hours on other sandboxes (WARM=0 skips it).
# With TurboFan the warm count still includes optimizing compiles, and when V8 runs them moves with
# small code changes (round 5: the same hour measured 43 -> 61 M warm and 127 -> 77 M cold across
# changes that removed ~2.5% of the work). NOOPT=1 runs node with --no-opt (Ignition and Sparkplug
# only): slower code, but counts that follow the work done (round 5's A/B numbers).
# Needs valgrind. Usage: sh sim/bench/callgrind.sh [outdir]   (WARM=2 by default; NOOPT=1)
set -e
out=${1:-$(mktemp -d)}
warm=${WARM:-2}
noopt=${NOOPT:+--no-opt}
npx esbuild sim/bench/count-hour.ts --bundle --platform=node --format=esm --log-level=warning --outfile="$out/count-hour.mjs"
total() {
  hour=$1; w=$2; shift 2
  valgrind --tool=callgrind --callgrind-out-file="$out/cg.$hour.$w" node "$@" "$out/count-hour.mjs" "$hour" "$w" >/dev/null 2>"$out/log.$hour.$w"
  grep -m1 '^summary:\|^totals:' "$out/cg.$hour.$w" | awk '{print $2}'
}
without=$(total 0 0 --predictable $noopt --hash-seed=1 --random-seed=1)
with=$(total 1 0 --predictable $noopt --hash-seed=1 --random-seed=1)
m() { awk -v n="$1" 'BEGIN { printf "%.1f", n / 1e6 }'; }
echo "sandbox + crash pod: $(m "$without") M instructions"
echo "with the hour:       $(m "$with") M instructions"
echo "the hour alone:      $(m $((with - without))) M instructions (cold)"
if [ "$warm" -gt 0 ]; then
  without=$(total 0 "$warm" --predictable $noopt --hash-seed=1 --random-seed=1)
  with=$(total 1 "$warm" --predictable $noopt --hash-seed=1 --random-seed=1)
  echo "the hour alone:      $(m $((with - without))) M instructions (warm: after $warm hours on other sandboxes)"
fi
