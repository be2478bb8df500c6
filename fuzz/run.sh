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
# A libFuzzer dictionary of every lexicon word, so mutations insert cue words, months...
python - "$corpus/lexicon.dict" <<'PY'
import sys
from osintparse import lexicons

words = lexicons.all_strings()
with open(sys.argv[1], "w", encoding="ascii") as fh:
    for w in sorted(words):
        data = w.encode("utf-8")
        if 0 < len(data) <= 64:
            fh.write('"' + "".join(chr(b) if 32 <= b < 127 and b not in (34, 92) else f"\\x{b:02x}" for b in data) + '"\n')
PY
mkdir -p "$corpus/units"
python fuzz/fuzz_parse.py \
  -max_total_time="$seconds" \
  -timeout=60 \
  -rss_limit_mb=2048 \
  -max_len=8192 \
  -len_control=10 \
  -print_final_stats=1 \
  -artifact_prefix=fuzz/artifacts/ \
  -dict="$corpus/lexicon.dict" \
  "$corpus/units" fuzz/seeds
