"""Measure parse time, peak memory and JSON size per input size (docs/guarantees.md figures).

Each measurement runs in a fresh child process: it builds the text, notes the resident
memory after import and text building, parses once, and reports the CPU and elapsed time,
the peak resident memory (``VmHWM``, or ``ru_maxrss`` off Linux) above that baseline, and
the size of ``to_json`` of the result per character of the text.

    python scripts/measure_bounds.py                 # 1 MB and 10 MB of each kind
    python scripts/measure_bounds.py 1 5 20          # other sizes, in MB
    python scripts/measure_bounds.py 1 --kind day    # only the kinds whose name has "day"
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import textwrap

# name: (the repeated unit, as Python source; the language given to parse, None: detected)
KINDS: dict[str, tuple[str, str | None]] = {
    "news (seed article repeated)": ("(SEED + '\\n\\n')", None),
    "no newline": ("(SEED.replace('\\n', ' ') + ' ')", None),
    "ligatures and combining marks": (
        "(SEED.replace('fi', '\\ufb01').replace('é', 'e\\u0301'))",
        None,
    ),
    "one-letter hard-wrapped lines": ("'a\\n'", None),
    "one-letter lines, each a paragraph ('A\\n')": ("'A\\n'", None),
    "a day list ('1, 1, 1, ...')": ("'1, '", "fr"),
    "sources in one sentence ('Selon selon, according to ')": (
        "'Selon selon, according to '",
        "en",
    ),
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
    osintparse.parse(SEED[:2000], lang={lang!r})  # warm caches and lazy imports
    from osintparse.lang import _factory
    _factory()  # langdetect's profiles (~60 MB, loaded once when the stop-word vote is unclear)
    base = peak_rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    article = osintparse.parse(text, lang={lang!r})
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = peak_rss_mb()
    out = osintparse.to_json(article)
    print(json.dumps({{"seconds": round(elapsed, 2), "cpu": round(cpu, 2),
                      "peak_mb_above_base": peak - base, "base_mb": base,
                      "json_per_char": round(len(out) / len(text), 1),
                      "sentences": len(article.sentences)}}))
    """
)


def main(argv: list[str]) -> None:
    kind_filter = ""
    if "--kind" in argv:
        i = argv.index("--kind")
        kind_filter = argv[i + 1]
        argv = argv[:i] + argv[i + 2 :]
    sizes = [float(x) for x in argv] or [1, 10]
    print(
        "| input | size | CPU seconds | seconds | peak MB above baseline "
        "| JSON chars per char | sentences |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for kind, (unit, lang) in KINDS.items():
        if kind_filter not in kind:
            continue
        for mb in sizes:
            code = CHILD.format(unit=unit, size=int(mb * 1_000_000), lang=lang)
            out = subprocess.run(
                [sys.executable, "-c", code],
                capture_output=True,
                text=True,
                check=True,
                cwd=pathlib.Path(__file__).resolve().parent.parent,
            ).stdout
            r = json.loads(out)
            print(
                f"| {kind} | {mb:g} MB | {r['cpu']} | {r['seconds']} | "
                f"{r['peak_mb_above_base']} | {r['json_per_char']} | {r['sentences']} |",
                flush=True,
            )


if __name__ == "__main__":
    main(sys.argv[1:])
