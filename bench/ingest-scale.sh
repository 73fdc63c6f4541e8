#!/usr/bin/env bash
# Ingest time and peak memory against the size of one article: the seed article's body run
# into a single paragraph of 1, 2, 4 and 8 MB (and more sizes if given), each ingested by the
# release `lede` under /usr/bin/time -v. Prints size, wall time, annotate time and peak RSS.
#
#   bench/ingest-scale.sh              1 2 4 8 MB
#   bench/ingest-scale.sh 1 2 4 8 50   also 50 MB
#   LEDE=/path/to/lede bench/ingest-scale.sh   another build (e.g. an older one, for a ratio)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1 2 4 8)
seed=../shared/seeds/000_b349bb90d9221d2a.txt
[ -f "$seed" ] || { echo "bench/ingest-scale.sh: no seed article at $seed" >&2; exit 2; }
if [ -z "${LEDE:-}" ]; then
  cargo build --release --quiet -p lede-cli
  LEDE="${CARGO_TARGET_DIR:-target}/release/lede"
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
printf '%6s %10s %12s %10s\n' MB wall_s annotate_s rss_MB
for mb in "${sizes[@]}"; do
  python3 - "$seed" "$mb" "$work/big.txt" <<'PY'
import sys
seed, mb, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = open(seed, encoding='utf-8').read().split('\n')
head = '\n'.join(lines[:6]) + '\n'
body = ' '.join(l.strip() for l in lines[6:] if l.strip()) + ' '
n = mb * 1024 * 1024
open(out, 'w', encoding='utf-8').write(head + (body * (n // len(body.encode()) + 1))[:n])
PY
  /usr/bin/time -v "$LEDE" ingest "$work/big.txt" -o "$work/out.json" --timings --allow-rejects \
    --max-file-size 1GB > "$work/log" 2>&1
  wall=$(sed -n 's/.* ingested, .*, \([0-9.]*\)s -> .*/\1/p' "$work/log")
  annotate=$(grep -o 'annotate (quotes, entities) [0-9.]*s' "$work/log" | grep -o '[0-9.]*s$' | tr -d s)
  rss=$(awk '/Maximum resident/ {printf "%.0f", $NF / 1024}' "$work/log")
  printf '%6s %10s %12s %10s\n' "$mb" "$wall" "$annotate" "$rss"
done
