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
user_s=$(awk -F': ' '/User time/ {print $2}' "$work/build-time.txt" 2>/dev/null || echo 0)
sys_s=$(awk -F': ' '/System time/ {print $2}' "$work/build-time.txt" 2>/dev/null || echo 0)
echo "| build CPU | ${user_s} s user + ${sys_s} s system, $(awk -v m="$mb" -v u="$user_s" -v s="$sys_s" 'BEGIN {printf "%.1f", m/(u+s)}') MB per CPU-second |"
echo "| segments | $("$bin" check --index "$index" --json 2>/dev/null | awk -F': ' '/"segments"/ {gsub(/,/,"",$2); print $2}') |"
grep_s=$(seconds grep -rlw Poetin "$corpus")
echo "| baseline: grep -rlw Poetin over the corpus (no index) | ${grep_s} s |"

queries=("Poetin" "'kabinet minister'" "'\"de regering\"'" "oorlog" "rente --agency reuters" "'*'" "--facets Poetin" "--facets 'kabinet minister'")
if command -v hyperfine >/dev/null; then
  args=()
  for q in "${queries[@]}"; do args+=("$bin search --index $index --limit 10 $q"); done
  hyperfine -i --warmup 3 --runs 30 -N --export-markdown "$work/search.md" "${args[@]}" >/dev/null 2>&1 || true
  echo
  cat "$work/search.md"
  # The same searches after `build --merge` (one segment).
  /usr/bin/time -v "$bin" build --corpus "$corpus" --index "$index" --quiet --merge 2> "$work/merge-time.txt" > /dev/null || true
  echo
  echo "build --merge on the built index: $(awk -F': ' '/Elapsed/ {print $2}' "$work/merge-time.txt") wall, peak RSS $(( $(awk -F': ' '/Maximum resident/ {print $2}' "$work/merge-time.txt") / 1024 )) MB, index $(du -sb "$index" | cut -f1 | awk -v c="$corpus_bytes" '{printf "%.2f of corpus", $1/c}')"
  hyperfine -i --warmup 3 --runs 30 -N --export-markdown "$work/search-merged.md" "${args[@]}" >/dev/null 2>&1 || true
  echo
  cat "$work/search-merged.md"
else
  for q in "${queries[@]}"; do
    total=0
    for _ in $(seq 20); do total=$(awk -v a="$total" -v b="$(seconds sh -c "$bin search --index $index --limit 10 $q")" 'BEGIN {print a+b}'); done
    echo "| search $q (mean of 20, whole process) | $(awk -v t="$total" 'BEGIN {printf "%.1f ms", t/20*1000}') |"
  done
fi

# Side-by-side baseline: tantivy-cli (`cargo install tantivy-cli`) on the
# same pages as JSON prepared beforehand (title and body, default tokenizer,
# stored), as the team measured it. Skipped when it is not installed.
if command -v tantivy >/dev/null && command -v python3 >/dev/null; then
  tindex="$work/tantivy-cli-$pages"
  json="$work/tantivy-cli-$pages.jsonl"
  python3 - "$corpus" > "$json" <<'PY'
import json, os, sys
for folder, dirs, files in sorted(os.walk(sys.argv[1])):
    dirs.sort()
    for name in sorted(files):
        if name.endswith('.txt'):
            with open(os.path.join(folder, name), encoding='utf-8', errors='replace') as f:
                title, _, body = f.read().partition('\n')
            print(json.dumps({'title': title, 'body': body}, ensure_ascii=False))
PY
  rm -rf "$tindex" && mkdir -p "$tindex"
  cat > "$tindex/meta.json" <<'META'
{"segments":[],"schema":[
 {"name":"title","type":"text","options":{"indexing":{"record":"position","fieldnorms":true,"tokenizer":"default"},"stored":true,"fast":false}},
 {"name":"body","type":"text","options":{"indexing":{"record":"position","fieldnorms":true,"tokenizer":"default"},"stored":true,"fast":false}}],
 "opstamp":0}
META
  t_build=$(seconds sh -c "tantivy index -i '$tindex' -t 2 < '$json'")
  t_bytes=$(du -sb "$tindex" | cut -f1)
  echo
  echo "| tantivy-cli (same pages, JSON prepared beforehand) | value |"
  echo "|---|---|"
  echo "| build | ${t_build} s, $(awk -v m="$mb" -v s="$t_build" 'BEGIN {printf "%.1f", m/s}') MB/s |"
  echo "| index size | $(awk -v i="$t_bytes" -v c="$corpus_bytes" 'BEGIN {printf "%.2f of corpus", i/c}') |"
  printf '%s\n' 'poetin' '+kabinet +minister' '"de regering"' > "$work/tantivy-queries.txt"
  echo
  echo "tantivy-cli in-process (\`tantivy bench -n 50\`, median µs of top-10 + count):"
  tantivy bench -i "$tindex" -q "$work/tantivy-queries.txt" -n 50 | python3 -c '
import statistics, sys
times, hits, on = {}, {}, False
for line in sys.stdin:
    cols = line.rstrip("\n").split("\t")
    if line.startswith("SEARCH"): on = True
    elif line.startswith("FETCH"): on = False
    elif on and len(cols) == 3 and cols[2].isdigit():
        times.setdefault(cols[0], []).append(int(cols[2])); hits[cols[0]] = cols[1]
for q, t in times.items():
    print(f"| {q} | {hits[q]} hits | {statistics.median(t):.0f} µs |")'
  if command -v hyperfine >/dev/null; then
    # `tantivy search` prints every matching document (its only mode).
    hyperfine -i --warmup 3 --runs 30 -N --export-markdown "$work/tantivy-search.md" \
      "tantivy search -i $tindex -q poetin" \
      "tantivy search -i $tindex -q '+kabinet +minister'" \
      "tantivy search -i $tindex -q '\"de regering\"'" >/dev/null 2>&1 || true
    echo
    cat "$work/tantivy-search.md"
  fi
fi
