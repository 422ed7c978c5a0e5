#!/usr/bin/env bash
# Whole-process benchmark of newsidx: generate a corpus, time a full build,
# a no-change rebuild and a one-file rebuild, measure the index size, and
# time `newsidx search` as a whole process for several query kinds.
#
#   benches/run.sh [PAGES] [WORKDIR]        (defaults: 10000, /tmp/newsidx-bench)
#
# Uses hyperfine when installed (apt-get install hyperfine), else a shell
# loop. Prints a Markdown table to paste into BENCHMARKS.md. Numbers are
# wall-clock on a shared machine: compare them with the baseline row
# measured in the same run (reading every page file with `cat`).
set -euo pipefail
pages=${1:-10000}
work=${2:-/tmp/newsidx-bench}
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/target/release/newsidx"
corpus="$work/corpus-$pages"
index="$work/index-$pages"

cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin newsidx --example gen_corpus
if [ ! -d "$corpus" ]; then
  "$root/target/release/examples/gen_corpus" "$corpus" "$pages" 1
fi
rm -rf "$index"
corpus_bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
mb=$(awk -v b="$corpus_bytes" 'BEGIN {printf "%.1f", b/1e6}')

seconds() { # seconds of wall time of "$@", output discarded
  local t0 t1
  t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b-a}'
}

sync
baseline=$(seconds sh -c "find '$corpus' -name '*.txt' -print0 | xargs -0 cat > /dev/null")
if [ -x /usr/bin/time ]; then
  /usr/bin/time -v "$bin" build --corpus "$corpus" --index "$index" --quiet 2> "$work/build-time.txt" > /dev/null
  build=$(awk -F': ' '/Elapsed/ {split($2,t,":"); if (length(t)==3) print t[1]*3600+t[2]*60+t[3]; else print t[1]*60+t[2]}' "$work/build-time.txt")
  rss_kb=$(awk -F': ' '/Maximum resident/ {print $2}' "$work/build-time.txt")
else
  build=$(seconds "$bin" build --corpus "$corpus" --index "$index" --quiet)
  rss_kb=0
fi
noop=$(seconds "$bin" build --corpus "$corpus" --index "$index" --quiet)
one=$(find "$corpus" -name '*.txt' -print -quit)
touch "$one"
onefile=$(seconds "$bin" build --corpus "$corpus" --index "$index" --quiet)
index_bytes=$(du -sb "$index" | cut -f1)

echo "| measure | value |"
echo "|---|---|"
echo "| corpus | $pages pages, $mb MB |"
echo "| baseline: read every page with cat | ${baseline} s |"
echo "| full build | ${build} s, $(awk -v m="$mb" -v s="$build" 'BEGIN {printf "%.1f", m/s}') MB/s, peak RSS $((rss_kb / 1024)) MB |"
echo "| no-change rebuild | ${noop} s |"
echo "| one file touched | ${onefile} s |"
echo "| index size | $(awk -v i="$index_bytes" -v c="$corpus_bytes" 'BEGIN {printf "%.1f MB (%.2f of corpus)", i/1e6, i/c}') |"

echo "| build time per MB | $(awk -v m="$mb" -v s="$build" 'BEGIN {printf "%.3f s", s/m}') |"
grep_s=$(seconds grep -rlw Poetin "$corpus")
echo "| baseline: grep -rlw Poetin over the corpus (no index) | ${grep_s} s |"

queries=("Poetin" "'kabinet minister'" "'\"de regering\"'" "oorlog" "rente --agency reuters" "'*'")
if command -v hyperfine >/dev/null; then
  args=()
  for q in "${queries[@]}"; do args+=("$bin search --index $index --limit 10 $q"); done
  hyperfine -i --warmup 3 --runs 30 -N --export-markdown "$work/search.md" "${args[@]}" >/dev/null 2>&1 || true
  echo
  cat "$work/search.md"
else
  for q in "${queries[@]}"; do
    total=0
    for _ in $(seq 20); do total=$(awk -v a="$total" -v b="$(seconds sh -c "$bin search --index $index --limit 10 $q")" 'BEGIN {print a+b}'); done
    echo "| search $q (mean of 20, whole process) | $(awk -v t="$total" 'BEGIN {printf "%.1f ms", t/20*1000}') |"
  done
fi
