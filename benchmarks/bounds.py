"""Parse time and peak memory per input size: the bounds table of docs/guarantees.md.

Each measurement runs in a fresh child process: it builds the text, notes the resident
memory after import and text building, parses once, and reports the CPU and wall time of
the parse and the peak resident memory (``VmHWM``, or ``ru_maxrss`` off Linux) above
that baseline. ``python -m benchmarks --write-docs`` runs it and writes the table; alone::

    python -m benchmarks.bounds            # 1 MB and 10 MB of each kind
    python -m benchmarks.bounds 1 5 20     # other sizes, in MB
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent

#: Input kinds: a name and the Python expression of the unit repeated to the size.
KINDS = {
    "news (seed article repeated)": "(SEED + '\\n\\n')",
    "one line, no newline": "(SEED.replace('\\n', ' ') + ' ')",
    "ligatures and combining marks on every line": (
        "(SEED.replace('fi', '\\ufb01').replace('é', 'e\\u0301'))"
    ),
    "one-letter hard-wrapped lines": "'a\\n'",
}

#: Sizes of the table, in MB (1 MB = 1 000 000 characters).
SIZES_MB = (1.0, 10.0)

_CHILD = textwrap.dedent(
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
    _factory()  # langdetect's profiles (loaded once when the stop-word vote is unclear)
    base = peak_rss_mb()
    c0, t0 = time.process_time(), time.perf_counter()
    article = osintparse.parse(text)
    t1, c1 = time.perf_counter(), time.process_time()
    peak = peak_rss_mb()
    print(json.dumps({{"cpu_s": c1 - c0, "wall_s": t1 - t0, "peak_mb_above_base": peak - base,
                      "base_mb": base, "sentences": len(article.sentences),
                      "budget_skipped": list(article.skipped)}}))
    """
)


def measure_bounds(
    sizes_mb: Sequence[float] = SIZES_MB, log: Callable[[str], None] = lambda msg: None
) -> list[dict[str, Any]]:
    """Parse each kind at each size in a fresh process; return one row per measurement.

    Examples
    --------
    >>> rows = measure_bounds([0.001])  # doctest: +SKIP
    >>> sorted(rows[0])  # doctest: +SKIP
    ['base_mb', 'cpu_s', 'input', 'mb', 'peak_mb_above_base', 'sentences', 'wall_s']
    """
    rows: list[dict[str, Any]] = []
    for kind, unit in KINDS.items():
        for mb in sizes_mb:
            log(f"bounds: {kind}, {mb:g} MB...")
            code = _CHILD.format(unit=unit, size=int(mb * 1_000_000))
            out = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
            ).stdout
            rows.append({"input": kind, "mb": mb, **json.loads(out.strip().splitlines()[-1])})
    return rows


def main(argv: Sequence[str]) -> None:
    """Print the bounds table for the sizes given in MB (default 1 and 10)."""
    from benchmarks.docs import bounds_table

    sizes = [float(x) for x in argv] or list(SIZES_MB)
    print("\n".join(bounds_table(measure_bounds(sizes, log=print))))


if __name__ == "__main__":
    main(sys.argv[1:])
