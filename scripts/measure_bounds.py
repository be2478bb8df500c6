"""Measure parse time and peak memory per input size (the figures of docs/guarantees.md).

Each measurement runs in a fresh child process: it builds the text, notes the resident
memory after import and text building, parses once, and reports the elapsed time and the
peak resident memory (``VmHWM``, or ``ru_maxrss`` off Linux) above that baseline.

    python scripts/measure_bounds.py            # 1 MB and 10 MB of each kind
    python scripts/measure_bounds.py 1 5 20     # other sizes, in MB
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import textwrap

KINDS = {
    "news (seed article repeated)": "(SEED + '\\n\\n')",
    "no newline": "(SEED.replace('\\n', ' ') + ' ')",
    "ligatures and combining marks": "(SEED.replace('fi', '\\ufb01').replace('é', 'e\\u0301'))",
    "one-letter hard-wrapped lines": "'a\\n'",
}

CHILD = textwrap.dedent(
    """
    import json, pathlib, time
    import osintparse
    from tests.invariants import peak_rss_mb
    SEED = pathlib.Path("seeds/000_f65f4b272ae20413.txt").read_text(encoding="utf-8")
    unit = {unit}
    size = {size}
    text = (unit * (size // len(unit) + 1))[:size]
    osintparse.parse(SEED[:2000])  # warm caches and lazy imports
    from osintparse.lang import _factory
    _factory()  # langdetect's profiles (~60 MB, loaded once when the stop-word vote is unclear)
    base = peak_rss_mb()
    t0 = time.perf_counter()
    article = osintparse.parse(text)
    elapsed = time.perf_counter() - t0
    peak = peak_rss_mb()
    print(json.dumps({{"seconds": round(elapsed, 2), "peak_mb_above_base": peak - base,
                      "base_mb": base, "sentences": len(article.sentences)}}))
    """
)


def main(argv: list[str]) -> None:
    sizes = [float(x) for x in argv] or [1, 10]
    print("| input | size | seconds | peak MB above baseline | sentences |")
    print("| --- | --- | --- | --- | --- |")
    for kind, unit in KINDS.items():
        for mb in sizes:
            code = CHILD.format(unit=unit, size=int(mb * 1_000_000))
            out = subprocess.run(
                [sys.executable, "-c", code],
                capture_output=True,
                text=True,
                check=True,
                cwd=pathlib.Path(__file__).resolve().parent.parent,
            ).stdout
            r = json.loads(out)
            print(
                f"| {kind} | {mb:g} MB | {r['seconds']} | {r['peak_mb_above_base']} "
                f"| {r['sentences']} |"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
