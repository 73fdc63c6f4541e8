#!/usr/bin/env bash
# Runs every fuzz target in turn for SECONDS each (default 60) and prints, per target, the
# executions and the crashes (crash, timeout and out-of-memory inputs kept in
# fuzz/artifacts/TARGET/). Seeds each target's corpus from the repository's own demo data the
# first time. Needs cargo-fuzz; on a stable toolchain RUSTC_BOOTSTRAP=1 (set here) lets it use
# the nightly-only sanitizer flags. Exit status 1 when any target found a crash.
#
#   fuzz/run-all.sh 600            ten minutes per target
#   fuzz/run-all.sh 60 quotes      one target
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(raw_text json_reader corpus_loader pack_reader quotes entities query)
fi
export RUSTC_BOOTSTRAP=1
# One cargo at a time on a shared machine: the /work/bin shim waits for the lock when present.
export PATH="/work/bin:$PATH"

seed() {
  local target="$1" dir="corpus/$1"
  mkdir -p "$dir"
  [ -n "$(ls -A "$dir" 2>/dev/null)" ] && return 0
  case "$target" in
    raw_text|quotes|entities)
      for f in ../data/demo/*.txt; do [ -f "$f" ] && head -c 4000 "$f" > "$dir/$(basename "$f")"; done ;;
    json_reader|corpus_loader)
      printf '{"articles":[{"id":"a","title":"T","body":"Text."}]}' > "$dir/min.json"
      printf '{"title":"One","body":"First."}\n{"title":"Two","body":"Second."}\n' > "$dir/lines.jsonl"
      printf '\xEF\xBB\xBF{"format":"lede-corpus","version":1,"articles":[{"id":"a","title":"T","paragraphs":["\\u201cYes,\\u201d she said."],"quotes":[{"paragraph":0,"start":1,"end":5,"text":"Yes,"}]}]}' > "$dir/lede.json" ;;
    pack_reader)
      local tmp; tmp="$(mktemp -d)"
      printf 'Harbour Votes\nVELMORA - The council voted. "Yes," the mayor said. (VNA)\n' > "$tmp/a.txt"
      (cd .. && cargo run --quiet --release -p lede-cli -- ingest "$tmp/a.txt" -o "$tmp/c.json" --pack "$dir_abs/seed.lede" --index "$dir_abs/seed.index" >/dev/null 2>&1) || true
      rm -rf "$tmp" ;;
    query)
      printf 'harbour' > "$dir/word"; printf '"the mayor" -ferry source:VNA' > "$dir/phrase"
      printf 'date:2024-03..2024-04 harbuor*' > "$dir/range" ;;
  esac
}

# Builds go to $CARGO_TARGET_DIR/fuzz when it is set (else fuzz/target). Built once (through
# cargo, which may wait for the machine's cargo lock), then each binary runs on its own, so the
# long runs hold no cargo lock.
target_root="${CARGO_TARGET_DIR:+$CARGO_TARGET_DIR/fuzz}"
target_root="${target_root:-$(pwd)/target}"
triple="$(rustc -vV | sed -n 's/^host: //p')"
cargo fuzz build --target-dir "$target_root"
bin_dir="$target_root/$triple/release"

failed=0
printf '%-14s %14s %8s\n' target executions crashes
for t in "${targets[@]}"; do
  dir_abs="$(pwd)/corpus/$t"
  seed "$t"
  mkdir -p "artifacts/$t" logs
  before=$(ls "artifacts/$t" | wc -l)
  "$bin_dir/$t" -artifact_prefix="artifacts/$t/" -max_total_time="$seconds" -timeout=20 \
    -rss_limit_mb=2560 -print_final_stats=1 "corpus/$t" > "logs/$t.log" 2>&1 || true
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$t.log" | grep -o '[0-9]*$' | tail -1)
  after=$(ls "artifacts/$t" | wc -l)
  crashes=$((after - before))
  [ "$crashes" -gt 0 ] && failed=1
  printf '%-14s %14s %8s\n' "$t" "${execs:-?}" "$crashes"
  if [ -z "$execs" ]; then echo "  (no stats: see fuzz/logs/$t.log)"; tail -5 "logs/$t.log" | sed 's/^/  /'; failed=1; fi
done
exit "$failed"
