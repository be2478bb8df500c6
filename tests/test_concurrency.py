"""Thread safety: parsing in 8 threads at once gives exactly what sequential parsing gives.

The caches (lexicons, compiled patterns, the langdetect factory, the default
pipeline) are filled on first use, so the cold case runs in a fresh child process
where all threads start together on empty caches; the warm case runs in this process.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import osintparse
from tests.conftest import ROOT, SEED_PATH

SEED = SEED_PATH.read_text(encoding="utf-8")


def texts() -> list[tuple[str, str | None]]:
    """Different texts and languages, detection included."""
    english = (
        "Title\n\nAccording to officials, at least 300 soldiers were killed last week, "
        "the ministry said on Monday. Sources reportedly confirmed it.\n\nA heading\n\n"
        "More than 10,000 troops arrived in March 2025."
    )
    out: list[tuple[str, str | None]] = [(SEED, None), (SEED, "fr"), (english, None)]
    out += [(english, "en"), (SEED.replace("\n", "\r\n"), None)]
    out += [(SEED[i : i + 2500], None) for i in range(0, len(SEED), 1200)]
    out += [("Москва 10 000 \ud800 e\u0301 \u200d", None), ("", None), ("x", "en")]
    return out


def _parse_all_threaded(items: list[tuple[str, str | None]]) -> list[osintparse.Article]:
    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [
            pool.submit(osintparse.parse, t, lang=lang, published="2025-05-01") for t, lang in items
        ]
        return [f.result() for f in futures]


def test_eight_threads_match_sequential_parsing() -> None:
    items = texts() * 3
    sequential = [osintparse.parse(t, lang=lang, published="2025-05-01") for t, lang in items]
    for _ in range(3):
        assert _parse_all_threaded(items) == sequential


_COLD = textwrap.dedent(
    """
    import threading
    from concurrent.futures import ThreadPoolExecutor
    import osintparse
    from tests.test_concurrency import texts

    items = texts() * 2
    barrier = threading.Barrier(8)

    def run(item):
        text, lang = item
        try:
            barrier.wait(timeout=5)
        except threading.BrokenBarrierError:
            pass
        return osintparse.parse(text, lang=lang, published="2025-05-01")

    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(run, items))
    sequential = [osintparse.parse(t, lang=lang, published="2025-05-01") for t, lang in items]
    assert threaded == sequential, [
        i for i, (a, b) in enumerate(zip(threaded, sequential)) if a != b
    ]
    print("ok", len(items))
    """
)


def test_eight_threads_on_cold_caches() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _COLD],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.startswith("ok")


def test_a_cold_cache_is_filled_by_one_thread_while_the_others_wait() -> None:
    from osintparse._cache import once

    calls: list[str] = []
    barrier = threading.Barrier(8)

    @once
    def build(lang: str) -> tuple[str, int]:
        calls.append(lang)
        time.sleep(0.05)  # long enough for every thread to miss the cache together
        return (lang, len(calls))

    def run(lang: str) -> tuple[str, int]:
        barrier.wait(timeout=5)
        return build(lang)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, ["fr"] * 4 + ["en"] * 4))
    assert sorted(calls) == ["en", "fr"]
    assert {r for r in results if r[0] == "fr"} == {build("fr")}
    assert build("en") in results
    build.cache_clear()
    build("fr")
    assert calls.count("fr") == 2
