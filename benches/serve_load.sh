#!/usr/bin/env bash
# Load test of `newsidx serve` on loopback: 64 connections for 30 s on a mix
# of searches, facets and timelines (benches/serve_load.lua), with wrk
# (apt-get install wrk). Prints wrk's report (requests/s, latency
# percentiles, non-200 answers) and the server's peak RSS.
#
#   benches/serve_load.sh INDEX [CONNECTIONS] [SECONDS]
#
# Build the index first, e.g. on the 100k generator corpus:
#   target/release/examples/gen_corpus /tmp/lt/corpus 100000 1
#   target/release/newsidx build --corpus /tmp/lt/corpus --index /tmp/lt/index
set -euo pipefail
index=${1:?usage: benches/serve_load.sh INDEX [CONNECTIONS] [SECONDS]}
connections=${2:-64}
seconds=${3:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/target/release/newsidx"
port=7791
log=$(mktemp)
cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin newsidx
/usr/bin/time -v "$bin" serve --index "$index" --bind "127.0.0.1:$port" 2> "$log" &
timer=$!
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/api/health" > /dev/null && break
  sleep 0.1
done
wrk -t 2 -c "$connections" -d "${seconds}s" --timeout 30s --latency \
  -s "$root/benches/serve_load.lua" "http://127.0.0.1:$port"
pkill -INT -f "newsidx serve --index $index --bind 127.0.0.1:$port" || true
wait "$timer" || true
requests=$(grep -c '^GET ' "$log" || true)
non200=$(grep '^GET ' "$log" | awk '$3 != 200' | wc -l)
echo "server log: $requests requests, $non200 not 200"
grep -E 'Maximum resident' "$log" | sed 's/^\s*/server /'
rm -f "$log"
