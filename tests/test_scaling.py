"""Per-stage scaling on the adversarial shapes of issue 17: every stage linear, output bounded.

Each shape is parsed by the default pipeline with each extractor wrapped in a CPU timer,
then written as JSON and read back. For every stage (``structure``, ``quantities``,
``dates``, ``attributions``, ``claims``, ``to_json``, ``from_dict``) the CPU time for one
large text is set against the time for the same number of characters given as many small
texts (see :func:`stage_ratios`): that is the CPU time per character at the large size over
that at the small one, measured with as much memory in use on both sides.

- The heavy run (``pytest -m heavy``) sets one 1 MB text against a hundred of 10 KB, with
  the limit of the issue: 1 MB at most :data:`HEAVY_RATIO` (1.5) times 10 KB per character.
- The default run sets 10 KB against ten texts of 1 KB (linear about 1, quadratic about
  10) with the limit :data:`bounds.MAX_PER_CHAR_RATIO`, and checks the JSON size and the
  memory of the result per character on every shape.

Why equal work: the first version timed the small size as the fastest of several runs over
one small text, whose objects fit in the processor's caches and reuse freed memory, and the
large one over fresh memory. On CI, beside another test process, every stage of the day
list, linear in a profile (quantities 214 against 229 us a character at 10 KB and 1 MB,
the same functions called 100 times as often), then measured 1.45 to 1.9 times its 10 KB
cost per character at 1 MB.

Each shape is a finding of issue 17 that failed before (figures of the old code beside it).

The garbage collector is off while a stage is timed: a collection runs when allocations
pass a threshold and walks the objects alive, so at 1 MB its cost lands on whichever stage
happens to cross it (quantities, dates or attributions measured 1.7 to 2 times their
10 KB cost per character with it on, while the same stages alone scale linearly). Its total
cost, amortised linear in CPython, is in the whole-parse bounds of ``tests/test_hostile.py``.
"""

from __future__ import annotations

import collections
import functools
import gc
import json
import time
import tracemalloc
from collections.abc import Callable
from typing import Any, NamedTuple

import pytest

import osintparse
from osintparse.io.serialise import from_dict, to_json
from tests import bounds, invariants

KB = 1_000
MB = 1_000_000
HEAVY_RATIO = 1.5
"""Largest CPU time per character of a stage at 1 MB over that at 10 KB (issue 17)."""

MAX_JSON_PER_CHAR = 250
"""Largest size of ``to_json(parse(text))`` in characters per character of ``text``
(measured: one-letter lines 211, the worst; a day list 94; news text 11)."""

MAX_RESULT_BYTES_PER_CHAR = 450
"""Largest memory held by the parse result, in bytes per character of the text
(measured with tracemalloc: one-letter lines 340, the worst; news text 20)."""


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


class Shape(NamedTuple):
    """An adversarial input: ``build(size)`` makes about ``size`` characters of it."""

    build: Callable[[int], str]
    lang: str | None


def _chain(size: int) -> str:
    half = size // 2
    return _fill("Selon Jean, ", half) + "les soldats sont là." + _fill(" Il le dit.", half)


SHAPES: dict[str, Shape] = {
    # Finding 1: one sentence of n sources, then n sentences inheriting them. Before: JSON
    # 206 MB for 18 KB (each inheriting claim copied every source), to_json 32 s CPU.
    "inherited_sources": Shape(_chain, "fr"),
    # Finding 1: thousands of sources in one sentence (claims deduplicated them through a
    # list: 200 KB took 9.1 s).
    "sources_in_one_sentence": Shape(
        lambda n: _fill("selon ", n // 2) + _fill("Selon selon, according to ", n // 2), "en"
    ),
    # Finding 2: a day list ("1, 1, 1, ..."): each attempt read the rest of the list
    # (9 KB: 13.9 s CPU, 3 KB: 1.1 s).
    "day_list": Shape(lambda n: _fill("1, ", n), "fr"),
    # Finding 3: one-letter lines, each a paragraph, a sentence and a claim (1 MB: 19 s CPU,
    # 460 MB peak, 216 MB of JSON).
    "short_lines": Shape(lambda n: _fill("A\n", n), None),
}

STAGES = ("structure", "quantities", "dates", "attributions", "claims", "to_json", "from_dict")


class _Timed:
    """An extractor that adds the CPU time of each call to ``spent[name]``."""

    def __init__(self, inner: Any, spent: dict[str, float]) -> None:
        self.inner = inner
        self.name = inner.name
        self.produces = inner.produces
        self.requires = inner.requires
        self.uses = getattr(inner, "uses", ())
        self.spent = spent

    def __call__(self, doc: Any) -> Any:
        started = time.process_time()
        try:
            return self.inner(doc)
        finally:
            self.spent[self.name] += time.process_time() - started


def _read(data: str) -> osintparse.Article:
    return from_dict(json.loads(data))


def stage_seconds(
    texts: list[str], lang: str | None, *, runs: int = 2, min_cpu_s: float = 0.2
) -> dict[str, float]:
    """CPU seconds of each stage over all of ``texts``: the least of ``runs`` runs or more (as
    many as take ``min_cpu_s``); the least, as a load spike only ever adds time.

    Every result of a run is held until the run ends, so a run over a hundred 10 KB texts
    ends with as much memory in use as a run over one 1 MB text: both sides of a ratio pay
    the same for fresh memory (page faults, cold caches), and what is left of the ratio is
    the cost that grows with the size of one article.
    """
    best = dict.fromkeys(STAGES, float("inf"))
    pipeline_spent: dict[str, float] = collections.defaultdict(float)
    pipeline = osintparse.Pipeline(
        [_Timed(ex, pipeline_spent) for ex in osintparse.Pipeline.default().extractors]
    )
    done = 0
    started = time.process_time()
    while done < runs or time.process_time() - started < min_cpu_s:
        pipeline_spent.clear()
        held: list[Any] = []
        gc.collect()
        gc.disable()  # a collection is charged to whichever stage allocates: see the module
        try:
            for text in texts:
                article = pipeline(text, lang=lang)
                data, spent = bounds.cpu_seconds(functools.partial(to_json, article))
                pipeline_spent["to_json"] += spent
                back, spent = bounds.cpu_seconds(functools.partial(_read, data))
                pipeline_spent["from_dict"] += spent
                held.append((article, data, back))
        finally:
            gc.enable()
        del held
        for stage in STAGES:
            best[stage] = min(best[stage], pipeline_spent[stage])
        done += 1
    return best


def stage_ratios(shape: Shape, small: int, large: int) -> dict[str, dict[str, float]]:
    """Per stage: CPU seconds for ``large`` characters of the shape as one text and as
    ``large // small`` texts of ``small`` characters, and the ratio of the two (1 when the
    stage is linear in the size of an article; 100 for a quadratic one at 10 KB against 1 MB).
    """
    stage_seconds([shape.build(small)], shape.lang, runs=1, min_cpu_s=0)  # caches, imports
    copies = [shape.build(small) for _ in range(large // small)]
    runs = 1 if large >= MB else 2
    low = stage_seconds(copies, shape.lang, runs=runs, min_cpu_s=0)
    high = stage_seconds([shape.build(large)], shape.lang, runs=runs, min_cpu_s=0)
    return {
        stage: {
            "small_s": round(low[stage], 3),
            "large_s": round(high[stage], 3),
            "ratio": round(high[stage] / max(low[stage], 1e-9), 2),
        }
        for stage in STAGES
    }


def _slow(report: dict[str, dict[str, float]], max_ratio: float) -> dict[str, dict[str, float]]:
    return {
        stage: r
        for stage, r in report.items()
        if r["large_s"] >= bounds.MIN_MEASURABLE_S and r["ratio"] > max_ratio
    }


def _fastest(*reports: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """Per stage, the least time of each side over ``reports`` (a load spike only adds)."""
    out = {}
    for stage in reports[0]:
        low = min(r[stage]["small_s"] for r in reports)
        high = min(r[stage]["large_s"] for r in reports)
        out[stage] = {"small_s": low, "large_s": high, "ratio": round(high / max(low, 1e-9), 2)}
    return out


def _assert_linear(shape: Shape, small: int, large: int, max_ratio: float) -> None:
    """Assert every stage's ratio (see :func:`stage_ratios`) is at most ``max_ratio``.

    A stage over the limit is measured once more, both sides, and judged on the least time
    of each side: on CI a stage of under a second at 1 MB (claims on the day list: 0.36 s)
    measured 1.63 once beside the regex-safety test, and 0.84 at load 6 here.
    """
    report = stage_ratios(shape, small, large)
    if _slow(report, max_ratio):
        report = _fastest(report, stage_ratios(shape, small, large))
    print(report)
    slow = _slow(report, max_ratio)
    assert not slow, f"not linear (limit x{max_ratio}): {slow}; all: {report}"


@pytest.mark.parametrize("name", list(SHAPES))
def test_each_stage_scales_linearly(name: str) -> None:
    """1 KB against 10 KB of each shape: no stage grows faster than the text."""
    _assert_linear(SHAPES[name], KB, 10 * KB, bounds.MAX_PER_CHAR_RATIO)


@pytest.mark.heavy
@pytest.mark.parametrize("name", list(SHAPES))
def test_each_stage_scales_linearly_to_a_megabyte(name: str) -> None:
    """One 1 MB text against a hundred of 10 KB: ms/KB at 1 MB at most 1.5 times that at 10 KB."""
    _assert_linear(SHAPES[name], 10 * KB, MB, HEAVY_RATIO)


@pytest.mark.parametrize("name", list(SHAPES))
def test_json_is_at_most_a_constant_times_the_input(name: str) -> None:
    shape = SHAPES[name]
    text = shape.build(10 * KB)
    article = osintparse.parse(text, lang=shape.lang)
    out = to_json(article)
    assert len(out) <= MAX_JSON_PER_CHAR * len(text), (name, len(out) / len(text))
    assert from_dict(json.loads(out)) == article


@pytest.mark.parametrize("name", list(SHAPES))
def test_result_memory_is_at_most_a_constant_times_the_input(name: str) -> None:
    """The parse result's memory (tracemalloc, after the parse) per character."""
    shape = SHAPES[name]
    text = shape.build(10 * KB)
    osintparse.parse(text, lang=shape.lang)  # caches
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        article = osintparse.parse(text, lang=shape.lang)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert held <= MAX_RESULT_BYTES_PER_CHAR * len(text), (name, held / len(text))
    invariants.check_offsets(article)
