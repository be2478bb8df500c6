"""The benchmark's corpus and helpers, and a smoke run of ``python -m benchmarks``.

The targets themselves are checked by running the benchmark, never here.
"""

from __future__ import annotations

import json
import pathlib
import random
import re
import subprocess
import sys
from typing import Any

import pytest

from benchmarks import bounds, corpus, docs, run
from osintparse.lang import detect_language
from tests.conftest import ROOT


def test_corpus_is_deterministic_and_sized() -> None:
    a = corpus.sized_corpus(0, (1, 10))
    assert a == corpus.sized_corpus(0, (1, 10))
    assert a != corpus.sized_corpus(1, (1, 10))
    for (lang, kb), text in a.items():
        size = len(text.encode())
        assert kb * 1000 <= size <= kb * 1000 + 2000, (lang, kb, size)
        assert detect_language(text) == lang


def test_corpus_has_figures_dates_sources_and_headings() -> None:
    text = corpus.make_article(random.Random(3), "fr", 20_000)
    assert "Selon " in text or "D'après" in text
    assert any(m in text for m in ("janvier", "mars", "octobre", "décembre"))
    assert any(sep in text for sep in ("\u202f", "\xa0"))  # French digit grouping
    assert text.count("\n\n") > 10
    en = corpus.make_article(random.Random(3), "en", 20_000)
    assert "According to" in en or " said" in en
    assert any(c.isdigit() for c in en)


def test_batch_corpus_distinct_and_alternating() -> None:
    texts = corpus.batch_corpus(6, 2000, seed=5)
    assert len(set(texts)) == 6
    assert [detect_language(t) for t in texts] == ["fr", "en"] * 3


def test_measure_and_prediction() -> None:
    calls: list[int] = []
    m = run.measure(lambda: calls.append(1), 7)
    assert m["runs"] == len(calls) == 7
    assert run.measure(lambda: None, 100, budget_s=0.0)["runs"] == 1
    assert run._predict_ms([], 100) == 0.0
    assert run._predict_ms([(10, 100.0)], 100) == pytest.approx(1000.0)
    assert run._predict_ms([(1, 10.0), (10, 1000.0)], 100) == pytest.approx(100_000.0)


# Heavy: 27 s of CPU (peers, 11 fresh interpreters for the import time, a 2-process
# batch), 88 to 99 s of wall time on the 2-core machine under load 6 to 7 (2026-11-30);
# the child's 600 s timeout is a hang guard.
@pytest.mark.heavy
def test_quick_smoke_run_prints_every_figure(tmp_path: pathlib.Path) -> None:
    out = tmp_path / "figures.json"
    args = ["--quick", "--sizes", "1,2", "--batch-articles", "8", "--json", str(out)]
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    for needle in (
        "search_dates",
        "quantulum3",
        "langdetect",
        "seed articles per second",
        "floor",
        "linearity",
        "peak RSS",
        "CLI --format jsonl",
        "import osintparse",
        "first parse",
        "parse_many",
        "places: parse(seed)",
        "in-process loop",
        "projected",
        "load average",
    ):
        assert needle in proc.stdout
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert set(figures["targets"]) == {
        "seed_vs_search_dates",
        "seed_vs_peers",
        "seed_vs_floor",
        "seed_per_s",
        "linearity",
        "peak_memory_mb",
        "cli_peak_memory_mb",
        "pool_overhead",
        "batch_speedup",
        "places_share",
        "import_ms",
        "first_parse_ms",
    }
    assert all(t["status"] in ("PASS", "FAIL") for t in figures["targets"].values())
    assert proc.stdout.count("PASS") + proc.stdout.count("FAIL") >= 12
    assert figures["import"]["heavy_at_import"] == []
    assert figures["memory"]["cli_status"] == 0
    assert figures["batch"]["start_method"] in ("fork", "spawn", "forkserver")
    assert [r["text"] for r in figures["rows"]] == ["seed", "1 KB", "1 KB", "2 KB", "2 KB"]


# --- the generated figures of the docs ---------------------------------------------------

_STAMP = re.compile(
    r"Measured on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC at commit `[0-9a-f]{7,40}(\+dirty)?`"
    r".*load average \d+\.\d\d, \d+\.\d\d, \d+\.\d\d at the start and "
    r"\d+\.\d\d, \d+\.\d\d, \d+\.\d\d at the end"
)


@pytest.mark.parametrize(
    ("page", "name", "render"),
    [
        (docs.PERFORMANCE, "benchmarks", lambda f: docs.performance_lines(f)),
        (docs.GUARANTEES, "bounds", lambda f: docs.bounds_lines(f["bounds"])),
    ],
    ids=["performance", "guarantees"],
)
def test_docs_figures_are_generated_from_the_saved_run(
    page: pathlib.Path, name: str, render: Any
) -> None:
    """The figures between the markers are exactly what --write-docs renders from the
    saved run (benchmarks/figures.json): none typed by hand, each with date, commit, load."""
    figures = json.loads(docs.FIGURES.read_text(encoding="utf-8"))
    text = docs.block(page.read_text(encoding="utf-8"), name)
    assert text == "\n".join(render(figures)), (
        f"{page.name} differs from benchmarks/figures.json: run "
        "`python -m benchmarks --write-docs` (or --from-json benchmarks/figures.json)"
    )
    assert text.startswith(docs.GENERATED)
    assert _STAMP.search(" ".join(text.split())), text[:400]


def test_target_rows_keep_one_order_whatever_the_saved_key_order() -> None:
    """A run writes its targets in its own order and figures.json saves them with
    sorted keys: the rendered table must be the same from both, or a fresh
    --write-docs fails the test above."""
    figures = json.loads(docs.FIGURES.read_text(encoding="utf-8"))
    keys = list(figures["targets"])
    for order in (keys[::-1], sorted(keys), keys[1::2] + keys[::2]):
        shuffled = {**figures, "targets": {k: figures["targets"][k] for k in order}}
        assert docs.performance_lines(shuffled) == docs.performance_lines(figures)
    report = run.report(figures)
    assert report.index("seed articles per second") < report.index("first `parse` after")


def test_bounds_rows_cover_every_kind_at_1_and_10_mb() -> None:
    figures = json.loads(docs.FIGURES.read_text(encoding="utf-8"))
    rows = figures["bounds"]["rows"]
    assert {(r["input"], r["mb"]) for r in rows} == {
        (k, mb) for k in bounds.KINDS for mb in bounds.SIZES_MB
    }
    assert all(r["cpu_s"] > 0 and r["wall_s"] > 0 for r in rows)
    assert not figures["quick"]  # the docs show a full run


def test_write_docs_from_json_rewrites_only_the_blocks(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Figures edited by hand inside a block are written over; the rest of the page stays."""
    figures = json.loads(docs.FIGURES.read_text(encoding="utf-8"))
    originals = {}
    for attr in ("PERFORMANCE", "GUARANTEES"):
        src: pathlib.Path = getattr(docs, attr)
        originals[src.name] = src.read_text(encoding="utf-8")
        copy = tmp_path / src.name
        edited = originals[src.name].replace("| 1 MB |", "| 9 MB |").replace("| PASS |", "| pass |")
        copy.write_text(edited, encoding="utf-8")
        assert copy.read_text(encoding="utf-8") != originals[src.name]
        monkeypatch.setattr(docs, attr, copy)
    monkeypatch.setattr(docs, "FIGURES", tmp_path / "figures.json")
    saved = tmp_path / "saved.json"
    saved.write_text(json.dumps(figures), encoding="utf-8")
    assert run.main(["--write-docs", "--from-json", str(saved)]) == 0
    for name, original in originals.items():
        assert (tmp_path / name).read_text(encoding="utf-8") == original
    assert json.loads((tmp_path / "figures.json").read_text(encoding="utf-8")) == figures


def test_floor_counts_lexicon_first_tokens() -> None:
    firsts = run.lexicon_first_tokens()
    assert {"selon", "according"} <= firsts  # "according to" gives its first token
    assert run.floor_scan("Selon l'AFP, SELON Reuters.", frozenset({"selon"})) == 2
    assert run.floor_scan("", firsts) == 0
