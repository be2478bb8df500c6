#!/usr/bin/env bash
# Fuzz osintparse.parse for SECONDS (default 60): fuzz/run.sh 600
# New corpus entries go to a temporary folder; crashes to fuzz/artifacts/ (ignored by
# git): turn each into a test in tests/test_regressions.py.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
mkdir -p fuzz/artifacts
python fuzz/fuzz_parse.py \
  -max_total_time="$seconds" \
  -timeout=60 \
  -rss_limit_mb=2048 \
  -max_len=8192 \
  -len_control=10 \
  -print_final_stats=1 \
  -artifact_prefix=fuzz/artifacts/ \
  "$corpus" fuzz/seeds
