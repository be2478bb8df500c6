"""Conformance against public reference corpora, scored by :mod:`tests.conformance.runner`.

What is asserted: no case recorded ``pass`` in ``tests/conformance/known/<corpus>.json`` fails,
and every corpus and language holds its pass-rate floor (``tests/conformance/floors.json``).
A case recorded ``fail`` that passes, or a case not recorded, is reported as a warning: refresh
the data with ``python -m tests.conformance.runner --write-known``. The rates in the README and
the docs are written by ``--write-docs`` from a run; they are not asserted here.

The corpora are read from ``../shared/peers`` (the sibling folder CI uses) or from
``$OSINTPARSE_PEERS``; without them these tests skip and say so.
"""

from __future__ import annotations

import hashlib
import json
import re
import warnings

import pytest

from tests.conformance import quantities
from tests.conformance.runner import (
    ENV,
    KNOWN,
    README,
    Ids,
    below_floor,
    corpora,
    differences,
    floors,
    known,
    languages,
    main,
    missing_reason,
    peers,
    run,
)

NAMES = list(corpora())
needs_peers = pytest.mark.skipif(missing_reason() is not None, reason=str(missing_reason()))


@pytest.fixture(scope="module", params=NAMES)
def name(request: pytest.FixtureRequest) -> str:
    value: str = request.param
    return value


@needs_peers
def test_every_corpus_has_cases_in_every_language_it_covers(name: str) -> None:
    result = run(name)
    assert sum(n for _, n in result.all.values()) >= 100, name
    for lang, (_, n) in result.all.items():
        assert n >= 30, (name, lang, n)


@needs_peers
def test_no_case_recorded_pass_fails(name: str) -> None:
    diff = differences(run(name))
    bad = [(o.case.id, o.case.text[:60]) for o in diff.regressions]
    assert not bad, (
        f"{name}: {len(bad)} cases recorded 'pass' fail now (regressions; if intended, record "
        f"them with `python -m tests.conformance.runner --write-known`): {bad[:20]}"
    )


@needs_peers
def test_rates_hold_their_floors(name: str) -> None:
    assert not below_floor(run(name))


@needs_peers
def test_recorded_outcomes_are_current(name: str) -> None:
    """Reported, not failed: fixed or new cases only ask for the data to be refreshed."""
    diff = differences(run(name))
    stale = [
        f"{len(diff.fixed)} recorded 'fail' now pass" if diff.fixed else "",
        f"{len(diff.unrecorded)} cases not recorded" if diff.unrecorded else "",
        f"{len(diff.stale)} recorded cases not in the corpus" if diff.stale else "",
    ]
    message = ", ".join(s for s in stale if s)
    if message:
        warnings.warn(
            f"{name}: {message}; run `python -m tests.conformance.runner --write-known`",
            UserWarning,
            stacklevel=1,
        )
    assert set(known(name).values()) <= {"pass", "fail"}


@needs_peers
def test_every_corpus_and_language_has_a_floor(name: str) -> None:
    floor = floors().get(name, {}).get("scoped", {})
    for lang in run(name).all:
        assert lang in floor, f"{name}: no floor for {lang} in tests/conformance/floors.json"


def test_every_corpus_has_its_known_outcomes_file() -> None:
    for name in NAMES:
        data = json.loads((KNOWN / f"{name}.json").read_text("utf-8"))
        assert data["corpus"] == name
        assert data["cases"], name
        bad = [c for c in data["cases"] if not re.fullmatch(r"[a-z]{2}/\w+/[0-9a-f]{10}(-\d+)?", c)]
        assert not bad, (name, bad[:5])


def test_case_ids_do_not_depend_on_position() -> None:
    first, second = Ids("c"), Ids("c")
    a = first("en", "Numeral", "ten", "NumeralValue 10")
    second("en", "Numeral", "nine", "NumeralValue 9")  # another case read first
    assert second("en", "Numeral", "ten", "NumeralValue 10") == a
    assert first("en", "Numeral", "ten", "NumeralValue 10") == a + "-2"  # listed twice
    assert Ids("d")("en", "Numeral", "ten", "NumeralValue 10") != a


@needs_peers
def test_case_ids_are_unique_and_the_same_on_every_read(name: str) -> None:
    corpus = corpora()[name]
    ids = [c.id for c in corpus.cases(peers())]
    assert len(ids) == len(set(ids))
    assert ids == [c.id for c in corpus.cases(peers())]


def test_missing_corpora_say_where_they_live(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "/nonexistent/peers")
    reason = missing_reason()
    assert reason is not None
    assert "/nonexistent/peers" in reason
    assert ENV in reason
    assert "shared/peers" in reason
    assert main(["--corpus", NAMES[0]]) == 2


@needs_peers
def test_quantulum3_reference_cache_matches_corpus() -> None:
    path = peers() / "quantulum3" / "quantities.json"
    ref = quantities.quantulum3_reference()
    assert ref["corpus_sha256"] == hashlib.sha256(path.read_bytes()).hexdigest(), (
        "quantities.json changed: run `python -m tests.conformance.runner --write-reference`"
    )
    ids = {c.id for c in quantities._quantulum3(peers())}
    assert ref["passed"]
    assert set(ref["passed"]) <= ids


@needs_peers
def test_out_of_scope_cases_exist_and_have_reasons() -> None:
    data = json.loads(quantities.OUT_OF_SCOPE.read_text("utf-8"))
    for category, cat in data["categories"].items():
        assert cat["reason"].strip(), category
        for corpus, listed in cat["ids"].items():
            ids = {c.id for c in corpora()[corpus].cases(peers()) if c.lang in languages()}
            assert set(listed) <= ids, (category, corpus, set(listed) - ids)
            assert all(note.strip() for note in listed.values()), (category, corpus)
    total = sum(len(quantities.out_of_scope(c)) for c in NAMES if c.startswith("quantities"))
    assert total <= 40  # exclusions stay few


def test_generated_sections_have_their_markers() -> None:
    for path in (README, *(README.parent / "docs" / "extractors").glob("[dq]*s.md")):
        text = path.read_text("utf-8")
        assert "<!-- conformance:start -->" in text, path
        assert "<!-- conformance:end -->" in text, path
