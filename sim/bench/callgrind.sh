#!/bin/sh
# Instructions of the crash-loop hour under callgrind (stable on a busy machine, unlike timings):
# bundles sim/bench/count-hour.ts with esbuild and prints the totals of a run without and with the
# hour, and their difference. Needs valgrind. Usage: sh sim/bench/callgrind.sh [outdir]
set -e
out=${1:-$(mktemp -d)}
npx esbuild sim/bench/count-hour.ts --bundle --platform=node --format=esm --log-level=warning --outfile="$out/count-hour.mjs"
total() {
  valgrind --tool=callgrind --callgrind-out-file="$out/cg.$1" node "$out/count-hour.mjs" "$1" >/dev/null 2>"$out/log.$1"
  grep -m1 '^summary:\|^totals:' "$out/cg.$1" | awk '{print $2}'
}
without=$(total 0)
with=$(total 1)
echo "sandbox + crash pod: $((without / 1000000)) M instructions"
echo "with the hour:       $((with / 1000000)) M instructions"
echo "the hour alone:      $(((with - without) / 1000000)) M instructions"
