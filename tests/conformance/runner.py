"""One conformance runner: osintparse's quantities and dates against public reference corpora.

The corpora are public test data of other projects, read from the ``peers`` folder (never
copied into the repository): by default ``../shared/peers`` next to the repository (the
sibling folder CI uses), or the folder named by the ``OSINTPARSE_PEERS`` environment
variable or the ``--peers`` option. Each corpus yields *cases* (an input text and what the
reference expects in it); :mod:`tests.conformance.quantities` and
:mod:`tests.conformance.dates` define how a case is read and scored.

**Case ids** are stable: ``<lang>/<part>/<hash>``, the hash being the first 10 hex digits of the
SHA-256 of the corpus name, the part, the input text and the expected result (a case listed
twice, identically, gets ``-2``, ``-3`` ...). They do not move when a file gains lines.

**Known outcomes are data**: ``known/<corpus>.json`` records ``pass`` or ``fail`` for every
case id of the corpus. The tests (``tests/test_conformance.py``) fail on a case recorded
``pass`` that fails (a regression) and on a rate under its floor (``floors.json``, per corpus
and language); a case recorded ``fail`` that passes, and a case missing from the data, are
reported so that the data can be refreshed with ``--write-known``.

**Rates** are counted three ways per corpus and language: every case (``all``), the cases the
reference itself passes (``reference``) and those minus the cases listed, each category with
its reason, as out of scope (``scoped``, the rate the floors and targets apply to).

Usage::

    python -m tests.conformance.runner                   # rates and differences from the data
    python -m tests.conformance.runner --corpus dates-duckling
    python -m tests.conformance.runner --write-known     # record today's outcomes
    python -m tests.conformance.runner --write-docs      # rewrite the README and docs rates
    python -m tests.conformance.runner --write-reference # rebuild the quantulum3 reference cache

Only the public API is used (``osintparse.find_quantities``, ``osintparse.find_dates``, the
fields of their records, ``osintparse.supported_languages``).
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import os
import pathlib
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import attrs

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
KNOWN = HERE / "known"
FLOORS = HERE / "floors.json"
ENV = "OSINTPARSE_PEERS"
DEFAULT_PEERS = ROOT.parent / "shared" / "peers"
README = ROOT / "README.md"
DOCS = ROOT / "docs" / "extractors"

#: Language codes of the reference corpora's folder names (Recognizers-Text ``Specs``).
LANGUAGE_FOLDERS = {"en": "English", "fr": "French", "es": "Spanish", "de": "German"}


def peers() -> pathlib.Path:
    """The peers folder: ``$OSINTPARSE_PEERS`` if set, else ``../shared/peers``."""
    env = os.environ.get(ENV)
    return pathlib.Path(env).expanduser().resolve() if env else DEFAULT_PEERS


def missing_reason() -> str | None:
    """Why the corpora cannot be read (``None`` when the peers folder exists)."""
    where = peers()
    if where.is_dir():
        return None
    return (
        f"reference corpora not found at {where}: they live in the shared/peers folder next "
        f"to the repository (../shared/peers, as on CI); set {ENV}=/path/to/peers to use a copy"
    )


@functools.cache
def languages() -> tuple[str, ...]:
    """The languages scored: those osintparse supports (new lexicons join automatically)."""
    import osintparse

    return tuple(osintparse.supported_languages())


@attrs.frozen(eq=False)
class Case:
    """One reference case: an input text and what the reference expects in it."""

    id: str
    corpus: str
    lang: str
    part: str
    text: str
    expected: Any
    published: Any = None
    reference: bool = True  # the reference implementation itself passes the case


@attrs.frozen
class Outcome:
    """The result of one case: passed or not, with an optional note ("past" for dates)."""

    case: Case
    ok: bool
    note: str | None = None


@attrs.frozen(eq=False)
class Corpus:
    """A corpus: how to read its cases, score one, and what it leaves out of scope."""

    name: str
    extractor: str  # "quantities" or "dates"
    source: str  # where it is read from, relative to the peers folder
    cases: Callable[[pathlib.Path], Iterator[Case]]
    score: Callable[[Case], Outcome]
    out_of_scope: Callable[[], dict[str, str]] = dict
    notes: Callable[[Sequence[Outcome], str], str] = lambda outcomes, lang: ""


class Ids:
    """Stable case ids: ``<lang>/<part>/<hash>``, numbered when a case is listed twice."""

    def __init__(self, corpus: str) -> None:
        self.corpus = corpus
        self.seen: dict[str, int] = {}

    def __call__(self, lang: str, part: str, *material: Any) -> str:
        blob = json.dumps(
            [self.corpus, part, *material], ensure_ascii=False, sort_keys=True, default=str
        )
        digest = hashlib.sha256(blob.encode("utf-8")).hexdigest()[:10]
        base = f"{lang}/{part}/{digest}"
        n = self.seen.get(base, 0) + 1
        self.seen[base] = n
        return base if n == 1 else f"{base}-{n}"


@functools.cache
def corpora() -> dict[str, Corpus]:
    """Every corpus, by name (quantities first, then dates)."""
    from tests.conformance import dates, quantities

    return {c.name: c for c in (*quantities.CORPORA, *dates.CORPORA)}


@attrs.frozen
class Run:
    """The outcomes of a corpus and their tallies ``{lang: [passed, cases]}``."""

    corpus: Corpus
    outcomes: tuple[Outcome, ...]
    all: dict[str, list[int]]
    reference: dict[str, list[int]]
    scoped: dict[str, list[int]]
    parts: dict[tuple[str, str], list[int]]

    def failing(self) -> set[str]:
        return {o.case.id for o in self.outcomes if not o.ok}


def _tally(table: dict[Any, list[int]], key: Any, ok: bool) -> None:
    cell = table.setdefault(key, [0, 0])
    cell[0] += ok
    cell[1] += 1


@functools.cache
def run(name: str) -> Run:
    """Score every case of corpus ``name`` (cached for the process)."""
    corpus = corpora()[name]
    excluded = corpus.out_of_scope()
    outcomes = []
    all_: dict[str, list[int]] = {}
    reference: dict[str, list[int]] = {}
    scoped: dict[str, list[int]] = {}
    parts: dict[tuple[str, str], list[int]] = {}
    for case in corpus.cases(peers()):
        if case.lang not in languages():
            continue
        out = corpus.score(case)
        outcomes.append(out)
        _tally(all_, case.lang, out.ok)
        _tally(parts, (case.lang, case.part), out.ok)
        if case.reference:
            _tally(reference, case.lang, out.ok)
            if case.id not in excluded:
                _tally(scoped, case.lang, out.ok)
    return Run(corpus, tuple(outcomes), all_, reference, scoped, parts)


# ------------------------------------------------------------------ known outcomes


def known_path(name: str) -> pathlib.Path:
    return KNOWN / f"{name}.json"


def known(name: str) -> dict[str, str]:
    """Case id -> ``"pass"`` or ``"fail"``, as recorded for corpus ``name``."""
    path = known_path(name)
    if not path.is_file():
        return {}
    data: dict[str, str] = json.loads(path.read_text("utf-8"))["cases"]
    return data


def write_known(result: Run) -> pathlib.Path:
    """Record the outcome of every case of ``result`` (sorted by id)."""
    path = known_path(result.corpus.name)
    data = {
        "corpus": result.corpus.name,
        "source": result.corpus.source,
        "definition": (
            "expected outcome of every case, by stable case id (language/part/hash of corpus, "
            "part, input and expected result); written by "
            "`python -m tests.conformance.runner --write-known`"
        ),
        "cases": {
            o.case.id: "pass" if o.ok else "fail"
            for o in sorted(result.outcomes, key=lambda o: o.case.id)
        },
    }
    KNOWN.mkdir(exist_ok=True)
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return path


@attrs.frozen
class Differences:
    """How a run differs from the recorded outcomes."""

    regressions: tuple[Outcome, ...]  # recorded pass, fails now: the test fails
    fixed: tuple[Outcome, ...]  # recorded fail, passes now: refresh the data
    unrecorded: tuple[Outcome, ...]  # not in the data: refresh the data
    stale: tuple[str, ...]  # in the data, not in the corpus: refresh the data


def differences(result: Run) -> Differences:
    data = known(result.corpus.name)
    ids = {o.case.id for o in result.outcomes}
    langs = set(languages())
    return Differences(
        regressions=tuple(o for o in result.outcomes if not o.ok and data.get(o.case.id) == "pass"),
        fixed=tuple(o for o in result.outcomes if o.ok and data.get(o.case.id) == "fail"),
        unrecorded=tuple(o for o in result.outcomes if o.case.id not in data),
        stale=tuple(sorted(i for i in data if i not in ids and i.split("/")[0] in langs)),
    )


# ------------------------------------------------------------------------ floors


def floors() -> dict[str, dict[str, dict[str, float]]]:
    """``{corpus: {"scoped"|"reference": {lang: floor}}}`` from ``floors.json``."""
    data: dict[str, dict[str, dict[str, float]]] = json.loads(FLOORS.read_text("utf-8"))["floors"]
    return data


def below_floor(result: Run) -> list[str]:
    """The rates of ``result`` under their floors, as messages (empty when all hold)."""
    out = []
    for kind, per_lang in floors().get(result.corpus.name, {}).items():
        tally = result.scoped if kind == "scoped" else result.reference
        for lang, floor in per_lang.items():
            if lang not in languages():
                continue
            p, n = tally.get(lang, [0, 0])
            rate = p / n if n else 0.0
            if rate < floor:
                out.append(
                    f"{result.corpus.name} {lang} {kind}: {p}/{n} = {rate:.1%} < floor {floor:.0%}"
                )
    return out


# ------------------------------------------------------------------------ report


def rate(tally: dict[str, list[int]], lang: str) -> str:
    p, n = tally.get(lang, [0, 0])
    return f"{p}/{n} ({p / n:.1%})" if n else "no case"


def _percent(p: int, n: int) -> str:
    return f"{100 * p / n:.1f} %" if n else "n/a"


def report(result: Run) -> list[str]:
    """Printable lines: the rates per language and the differences from the data."""
    name = result.corpus.name
    lines = []
    for lang in sorted(result.all):
        line = (
            f"{name} {lang}: all {rate(result.all, lang)}, reference passes "
            f"{rate(result.reference, lang)}, in scope {rate(result.scoped, lang)}"
        )
        note = result.corpus.notes(result.outcomes, lang)
        lines.append(line + (f"; {note}" if note else ""))
    diff = differences(result)
    for label, items in (
        ("REGRESSION (recorded pass, fails)", diff.regressions),
        ("now passes (recorded fail)", diff.fixed),
        ("not recorded", diff.unrecorded),
    ):
        if items:
            lines.append(f"  {label}: {len(items)}")
            lines.extend(f"    {o.case.id}  {o.case.text[:70]!r}" for o in items[:15])
    if diff.stale:
        lines.append(f"  recorded but not in the corpus: {len(diff.stale)} {list(diff.stale[:5])}")
    lines.extend(f"  BELOW FLOOR: {msg}" for msg in below_floor(result))
    return lines


# -------------------------------------------------------------------------- docs


def _between(text: str, marker: str, body: str, where: pathlib.Path) -> str:
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    i, j = text.find(start), text.find(end)
    if i < 0 or j < i:
        raise SystemExit(f"{where}: markers {start} ... {end} not found")
    return text[: i + len(start)] + "\n" + body.rstrip("\n") + "\n" + text[j:]


def parts_table(names: Iterable[str]) -> str:
    """Markdown table: per corpus, language and part, then ``all``/``reference``/``in scope``."""
    rows = [
        "| corpus | language | part | passed | cases | rate |",
        "| --- | --- | --- | ---: | ---: | ---: |",
    ]
    for name in names:
        result = run(name)
        for lang in sorted(result.all):
            for (lg, part), (p, n) in sorted(result.parts.items()):
                if lg == lang:
                    rows.append(f"| {name} | {lang} | {part} | {p} | {n} | {_percent(p, n)} |")
            for label, tally in (
                ("all", result.all),
                ("reference passes", result.reference),
                ("in scope", result.scoped),
            ):
                p, n = tally.get(lang, [0, 0])
                rows.append(f"| {name} | {lang} | **{label}** | {p} | {n} | {_percent(p, n)} |")
    return "\n".join(rows)


def summary_table(names: Iterable[str]) -> str:
    """Markdown table: the in-scope rate per corpus and language, with its floor."""
    rows = [
        "| corpus | language | in scope | all cases | floor | notes |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    floor_data = floors()
    for name in names:
        result = run(name)
        for lang in sorted(result.all):
            floor = floor_data.get(name, {}).get("scoped", {}).get(lang)
            floor_text = f"{floor:.0%}" if floor is not None else "-"
            note = result.corpus.notes(result.outcomes, lang)
            rows.append(
                f"| {name} | {lang} | {rate(result.scoped, lang)} | {rate(result.all, lang)} "
                f"| {floor_text} | {note} |"
            )
    return "\n".join(rows)


def write_docs(names: Sequence[str]) -> list[pathlib.Path]:
    """Rewrite the generated rate tables of the README and the extractor pages."""
    quantity_names = [n for n in names if corpora()[n].extractor == "quantities"]
    date_names = [n for n in names if corpora()[n].extractor == "dates"]
    targets = [
        (README, "conformance", summary_table(names)),
        (DOCS / "quantities.md", "conformance", parts_table(quantity_names)),
        (DOCS / "dates.md", "conformance", parts_table(date_names)),
    ]
    written = []
    for path, marker, body in targets:
        text = path.read_text("utf-8")
        new = _between(text, marker, body, path)
        if new != text:
            path.write_text(new, "utf-8")
            written.append(path)
    return written


# --------------------------------------------------------------------------- CLI


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.conformance.runner", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--corpus", action="append", choices=sorted(corpora()), default=None)
    parser.add_argument("--peers", help=f"the peers folder (default: ${ENV} or {DEFAULT_PEERS})")
    parser.add_argument("--write-known", action="store_true", help="record today's outcomes")
    parser.add_argument("--write-docs", action="store_true", help="rewrite README and docs rates")
    parser.add_argument(
        "--write-reference", action="store_true", help="rebuild the quantulum3 reference cache"
    )
    args = parser.parse_args(argv)
    if args.peers:
        os.environ[ENV] = args.peers
    reason = missing_reason()
    if reason:
        print(reason, file=sys.stderr)
        return 2
    if args.write_reference:
        from tests.conformance import quantities

        print(f"wrote {quantities.rebuild_quantulum3_reference()}")
    names = args.corpus or list(corpora())
    status = 0
    for name in names:
        result = run(name)
        lines = report(result)
        print("\n".join(lines))
        if args.write_known:
            print(f"  wrote {write_known(result).relative_to(ROOT)}")
        elif differences(result).regressions or below_floor(result):
            status = 1
    if args.write_docs:
        if args.corpus:
            print("--write-docs rewrites the tables of every corpus: run it without --corpus")
            return 2
        for path in write_docs(names):
            print(f"wrote {path.relative_to(ROOT)}")
    return status


if __name__ == "__main__":
    # Run the imported module's main, so that the corpus modules and this one share one copy.
    from tests.conformance.runner import main as _main

    sys.exit(_main())
