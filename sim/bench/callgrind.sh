#!/bin/sh
# Instructions of the crash-loop hour under callgrind (stable on a busy machine, unlike timings):
# bundles sim/bench/count-hour.ts with esbuild and prints the totals of a run without and with the
# hour, and their difference: cold (the first hour the process runs, compilation included, as the
# earlier rounds counted) and warm (after WARM hours on other sandboxes, as bench:sim's median
# sees it). Needs valgrind. Usage: sh sim/bench/callgrind.sh [outdir]   (WARM=3 by default; 0 skips)
set -e
out=${1:-$(mktemp -d)}
warm=${WARM:-3}
npx esbuild sim/bench/count-hour.ts --bundle --platform=node --format=esm --log-level=warning --outfile="$out/count-hour.mjs"
total() {
  valgrind --tool=callgrind --callgrind-out-file="$out/cg.$1.$2" node "$out/count-hour.mjs" "$1" "$2" >/dev/null 2>"$out/log.$1.$2"
  grep -m1 '^summary:\|^totals:' "$out/cg.$1.$2" | awk '{print $2}'
}
without=$(total 0 0)
with=$(total 1 0)
echo "sandbox + crash pod: $((without / 1000000)) M instructions"
echo "with the hour:       $((with / 1000000)) M instructions"
echo "the hour alone:      $(((with - without) / 1000000)) M instructions (cold)"
if [ "$warm" -gt 0 ]; then
  without=$(total 0 "$warm")
  with=$(total 1 "$warm")
  echo "the hour alone:      $(((with - without) / 1000000)) M instructions (warm: after $warm hours on other sandboxes)"
fi
