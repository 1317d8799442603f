#!/bin/bash
# Instructions per resolver redirect: dppserver under callgrind on the bench_resolver store,
# counters zeroed after a warm-up, then N keep-alive GETs of the bench path from one curl,
# counters dumped. Prints Ir/request (all threads, so the scan writer's share is in it).
# Usage: tests/bench/callgrind-resolver.sh [build-dir] [N] [out-dir]
# VG_OPTS adds valgrind options (e.g. --toggle-collect=...handleRequest*).
# Not run by `make bench` (valgrind is a developer tool, not a dependency).
set -euo pipefail
BUILD=${1:-build}
N=${2:-2000}
OUT=${3:-$(mktemp -d)}
PATH_=${DPP_BENCH_RESOLVER_PATH:-/01/09506000134352/10/LOT2026A/21/SN000001}
mkdir -p "$OUT"
rm -f "$OUT/store.sqlite"*
DPP_BENCH_RESOLVER_PREPARE="$OUT/store.sqlite" "$BUILD/bench/bench_resolver"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
valgrind --tool=callgrind ${VG_OPTS:-} --callgrind-out-file="$OUT/callgrind.out.%p" \
    "$BUILD/bin/dppserver" --listen "127.0.0.1:$PORT" --database "$OUT/store.sqlite" \
    --rate-limit 0 >"$OUT/stdout" 2>"$OUT/server.log" &
VG=$!
for _ in $(seq 1 300); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/health" && break
    sleep 0.2
done
urls() { for _ in $(seq 1 "$1"); do echo "url = \"http://127.0.0.1:$PORT$PATH_\""; echo "output = /dev/null"; done; }
urls 200 | curl -s -K - >/dev/null # warm-up: caches, lazy statics, SQLite pages
sleep 2
callgrind_control -z "$VG" >/dev/null
urls "$N" | curl -s -K - >/dev/null
sleep 2 # the scan writer flushes its last batch
callgrind_control -d "$VG" >/dev/null
kill -TERM "$VG"
wait "$VG" || true
DUMP=$(ls -t "$OUT"/callgrind.out.*.1 2>/dev/null | head -1 || true)
[ -n "$DUMP" ] || DUMP=$(ls -t "$OUT"/callgrind.out.* | grep -v '\.0$' | head -1)
TOTAL=$(grep -m1 '^summary:\|^totals:' "$DUMP" | awk '{print $2}')
echo "dump: $DUMP"
echo "requests: $N  Ir: $TOTAL  Ir/request: $((TOTAL / N))"
