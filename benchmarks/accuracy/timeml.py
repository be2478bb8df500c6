"""Score osintparse's dates on TimeML corpora with the TempEval-3 definitions.

Run from the repository root::

    python -m benchmarks.accuracy.timeml CORPUS_DIR... [--lang en|fr] [--errors N]
        [--json FILE] [--pipeline]

Every ``*.tml`` file under each ``CORPUS_DIR`` is read (recursively, sorted by path; a
file whose bytes equal an earlier file's is skipped and named). A document's text is
the content of its ``<TEXT>`` element with the tags stripped (XML entities decoded),
and each ``TIMEX3`` inside it keeps its character offsets into that text. The
document creation time (the ``TIMEX3`` with ``functionInDocument="CREATION_TIME"``,
in ``<DCT>``) is passed as ``published`` and is not a gold mention.

Scoring (TempEval-3, UzZaman et al. 2013, on the ``DATE`` type only):

- gold: the ``TIMEX3`` of ``type="DATE"`` in the text;
- predictions: :func:`osintparse.find_dates` on the text (``--pipeline``: the
  ``dates`` layer of :func:`osintparse.parse`);
- a prediction overlapping no gold ``DATE`` but a gold ``TIME``, ``DURATION`` or
  ``SET`` is *ignored*: neither a true nor a false positive ("Thursday morning"
  is a TIME in TimeML and a date here; "three years" a DURATION);
- strict: a prediction is correct when its span equals a gold span, a gold mention
  is found when a prediction has its exact span;
- relaxed: the same with "overlaps" instead of "equals" (a prediction overlapping
  two gold dates is one correct prediction and finds both);
- value: each relaxed-found gold date is compared with the prediction overlapping it
  most (the first on a tie); accuracy = equal values / relaxed-found gold, and value
  P, R, F1 = accuracy x relaxed P, R, F1 (TempEval-3's attribute F1).

Values are compared as TIMEX3 strings (``2025-04``, ``2024-Q3``, ``2024-W05``, ``197``
for the 1970s, ``PRESENT_REF``, ``XXXX-08``...), exactly but for case and two spellings
the gold files mix (:func:`normal_value`). A range found as one mention ("entre 1990
et 1999") has one value, its start: the gold ``TIMEX3`` of its end counts as a wrong
value, as it would for a TempEval-3 system emitting one ``TIMEX3``. A prediction's
string is its ``timex`` attribute when the record has one, else it is computed from
``value``, ``value_end`` and ``precision`` by :func:`timex_of`.

Times are per document, around the osintparse call only, after one untimed warm-up
call (pattern compilation), in CPU and wall-clock milliseconds.

Examples
--------
>>> gold = [Timex(3, 7, "DATE", "2019", "2019")]
>>> score_document(gold, [Prediction(0, 7, "in 2019", "2019")]).relaxed.f1
1.0
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import pathlib
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from benchmarks.accuracy._common import (
    FIGURES_DIR,
    ROOT,
    Counts,
    Span,
    Timing,
    context,
    evenly,
    overlap,
    overlaps,
    save_figures,
    write_json,
)
from benchmarks.docs import git_commit

__all__ = [
    "HEIDELTIME",
    "CorpusScore",
    "DocScore",
    "Prediction",
    "TimemlDoc",
    "Timex",
    "main",
    "normal_value",
    "read_tml",
    "score_document",
    "timex_of",
]

#: HeidelTime's published F1 (strict, relaxed, value), as quoted in issue 14, for
#: comparison only: measured on other texts (the TempEval-3 platinum test set, the
#: whole French TimeBank), not on the development data scored here.
HEIDELTIME = {
    "TempEval-3 platinum (English)": (81.34, 90.30, 77.61),
    "French TimeBank": (85.99, 90.97, 73.63),
}

_DECADE_X = re.compile(r"^(\d{2,3})X+$")
_SHORT_WEEK = re.compile(r"-W(\d)(?!\d)")

# Directory names too generic to label a corpus: the parent's name is used instead.
_GENERIC_DIRS = frozenset({"data", "corpus", "tml", "text"})


@dataclass(frozen=True)
class Timex:
    """A gold ``TIMEX3``: offsets into the stripped text, type, value and text.

    Examples
    --------
    >>> Timex(0, 4, "DATE", "2019", "2019").span
    (0, 4)
    """

    start: int
    end: int
    type: str
    value: str
    text: str

    @property
    def span(self) -> Span:
        """``(start, end)``."""
        return (self.start, self.end)


@dataclass(frozen=True)
class Prediction:
    """A predicted date: offsets, text and its TIMEX3 value string (``None`` if unknown).

    Examples
    --------
    >>> Prediction(0, 4, "2019", "2019").span
    (0, 4)
    """

    start: int
    end: int
    text: str
    value: str | None

    @property
    def span(self) -> Span:
        """``(start, end)``."""
        return (self.start, self.end)


@dataclass(frozen=True)
class TimemlDoc:
    """One TimeML document: where it came from, its text, DCT and gold ``TIMEX3``."""

    path: str
    group: str
    text: str
    published: dt.date | None
    timexes: tuple[Timex, ...]

    @property
    def gold(self) -> tuple[Timex, ...]:
        """The gold mentions: ``TIMEX3`` of type ``DATE``."""
        return tuple(t for t in self.timexes if t.type == "DATE")


@dataclass(frozen=True)
class DocScore:
    """The counts of one document, and its errors (as spans) for ``--errors``.

    Examples
    --------
    >>> DocScore().strict.gold
    0
    """

    strict: Counts = field(default_factory=Counts)
    relaxed: Counts = field(default_factory=Counts)
    value_correct: int = 0
    ignored: int = 0
    misses: tuple[Timex, ...] = ()
    false_positives: tuple[Prediction, ...] = ()
    span_errors: tuple[tuple[Timex, Prediction], ...] = ()
    wrong_values: tuple[tuple[Timex, Prediction], ...] = ()


@dataclass
class CorpusScore:
    """Counts summed over the documents of one corpus (or all of them).

    Examples
    --------
    >>> c = CorpusScore("x")
    >>> c.add(DocScore(relaxed=Counts(2, 2, 2, 2), value_correct=1))
    >>> c.value_accuracy, round(c.value.f1, 2)
    (0.5, 0.5)
    """

    name: str
    docs: int = 0
    strict: Counts = field(default_factory=Counts)
    relaxed: Counts = field(default_factory=Counts)
    value_correct: int = 0
    ignored: int = 0
    timing: Timing = field(default_factory=Timing)

    def add(self, s: DocScore) -> None:
        """Add one document's counts."""
        self.docs += 1
        self.strict = self.strict + s.strict
        self.relaxed = self.relaxed + s.relaxed
        self.value_correct += s.value_correct
        self.ignored += s.ignored

    @property
    def value_accuracy(self) -> float:
        """Equal values over relaxed-found gold dates."""
        found = self.relaxed.gold_found
        return self.value_correct / found if found else 0.0

    @property
    def value(self) -> Counts:
        """Value P/R/F1 as counts: relaxed counts scaled by the value accuracy."""
        acc = self.value_accuracy
        r = self.relaxed
        return Counts(r.gold, r.pred, round(acc * r.gold_found), round(acc * r.pred_correct))

    def as_dict(self) -> dict[str, Any]:
        """Figures for JSON (value P/R/F1 computed exactly, not from rounded counts)."""
        acc, r = self.value_accuracy, self.relaxed
        return {
            "documents": self.docs,
            "strict": self.strict.as_dict(),
            "relaxed": r.as_dict(),
            "value": {
                "accuracy": acc,
                "correct": self.value_correct,
                "precision": acc * r.precision,
                "recall": acc * r.recall,
                "f1": acc * r.f1,
            },
            "ignored_other_type": self.ignored,
            "time": self.timing.as_dict(),
        }


# --------------------------------------------------------------------------- reading


def _collect(elem: ET.Element, parts: list[str], found: list[Timex], pos: int) -> int:
    """Append ``elem``'s text (tags stripped) to ``parts``; record its ``TIMEX3``.

    Returns the position after ``elem``'s content (its tail excluded).
    """
    start = pos
    if elem.text:
        parts.append(elem.text)
        pos += len(elem.text)
    for child in elem:
        pos = _collect(child, parts, found, pos)
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    if elem.tag == "TIMEX3" and pos > start:
        text = "".join(parts)[start:pos]
        found.append(Timex(start, pos, elem.get("type", ""), elem.get("value", ""), text))
    return pos


def _date_of(value: str | None) -> dt.date | None:
    """The calendar date at the start of a TIMEX3 value (``1998-08-07T13:37``)."""
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def read_tml(path: pathlib.Path, group: str = "") -> TimemlDoc:
    """Read one ``.tml`` file: the ``<TEXT>`` content, its ``TIMEX3`` and the DCT.

    Raises
    ------
    ValueError
        If the file has no ``<TEXT>`` element.

    Examples
    --------
    >>> import tempfile
    >>> tml = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2019-05-07" '
    ...        'functionInDocument="CREATION_TIME"/></DCT><TEXT>Vote on '
    ...        '<TIMEX3 tid="t1" type="DATE" value="2019-05-09">Thursday</TIMEX3>.'
    ...        '</TEXT></TimeML>')
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = pathlib.Path(d, "a.tml"); _ = p.write_text(tml, encoding="utf-8")
    ...     doc = read_tml(p)
    >>> doc.published, doc.gold[0].text, doc.text[doc.gold[0].start:doc.gold[0].end]
    (datetime.date(2019, 5, 7), 'Thursday', 'Thursday')
    """
    root = ET.parse(path).getroot()
    body = root.find(".//TEXT")
    if body is None:
        raise ValueError(f"{path}: no <TEXT> element; is it a TimeML file?")
    parts: list[str] = []
    found: list[Timex] = []
    _collect(body, parts, found, 0)
    dct = next(
        (t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"),
        None,
    )
    published = None if dct is None else _date_of(dct.get("value"))
    timexes = tuple(t for t in sorted(found, key=lambda t: t.start) if t.text.strip())
    return TimemlDoc(str(path), group, "".join(parts), published, timexes)


def _group(path: pathlib.Path, root: pathlib.Path) -> str:
    """The corpus a file belongs to: its first directory under ``root``, else ``root``'s name."""
    rel = path.relative_to(root).parent
    if rel.parts:
        return rel.parts[0]
    if root.name.lower() in _GENERIC_DIRS and root.parent.name:
        return root.parent.name
    return root.name


def find_files(
    dirs: Sequence[pathlib.Path],
) -> tuple[list[tuple[pathlib.Path, str]], list[tuple[pathlib.Path, pathlib.Path]]]:
    """Every ``.tml`` file under ``dirs`` with its corpus label, and the duplicates skipped.

    A file whose bytes equal an earlier file's (in sorted path order) is skipped and
    returned as ``(skipped, kept)``.
    """
    files: list[tuple[pathlib.Path, str]] = []
    skipped: list[tuple[pathlib.Path, pathlib.Path]] = []
    seen: dict[str, pathlib.Path] = {}
    for root in dirs:
        for path in sorted(root.rglob("*.tml")):
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if digest in seen:
                skipped.append((path, seen[digest]))
                continue
            seen[digest] = path
            files.append((path, _group(path, root)))
    return files, skipped


# --------------------------------------------------------------------------- predicting


def timex_of(mention: Any) -> str | None:
    """The TIMEX3 value string of an osintparse date mention: its ``timex``.

    :attr:`osintparse.DateMention.timex` renders the period of ``value`` at
    ``precision`` (``2019-05-09``, ``2019-W19``, ``2019-05``, ``2019-Q2``, ``2019-SU``,
    ``2019-H1``, ``2019``, ``201``), a part of day (``2019-05-09TNI``), a weekend
    (``2019-W19-WE``) and vague references (``PRESENT_REF``); ``None`` without a value.

    Examples
    --------
    >>> import osintparse, datetime
    >>> q = osintparse.DateMention(start=0, end=4, text="Q3 1", precision="quarter",
    ...     value=datetime.date(2024, 7, 1), value_end=datetime.date(2024, 9, 30))
    >>> timex_of(q)
    '2024-Q3'
    >>> d = osintparse.DateMention(start=0, end=5, text="1970s", precision="decade",
    ...     value=datetime.date(1970, 1, 1), value_end=datetime.date(1979, 12, 31))
    >>> timex_of(d)
    '197'
    """
    value: str | None = mention.timex
    return value


def predict(doc: TimemlDoc, lang: str, *, pipeline: bool = False) -> tuple[Prediction, ...]:
    """Run osintparse on one document and return its dates as :class:`Prediction`.

    What TimeML annotates as ``TIMEX3`` is scored: a range whose ends are mentions of
    their own ("entre [1990] et [1999]") is scored through its ends.

    Examples
    --------
    >>> doc = TimemlDoc("x", "x", "It was signed in 2019.", None, ())
    >>> "2019" in [p.value for p in predict(doc, "en")]
    True
    """
    import osintparse

    if pipeline:
        mentions: Sequence[Any] = osintparse.parse(
            doc.text, lang=lang, published=doc.published
        ).dates
    else:
        mentions = osintparse.find_dates(doc.text, lang=lang, published=doc.published)
    ranges = {(m.range_start, m.range_end) for m in mentions if m.range_start is not None}
    return tuple(
        Prediction(m.start, m.end, m.text, timex_of(m))
        for m in mentions
        if (m.start, m.end) not in ranges
    )


def timed_predict(
    doc: TimemlDoc, lang: str, *, pipeline: bool = False
) -> tuple[tuple[Prediction, ...], float, float]:
    """:func:`predict` with its CPU and wall-clock time in seconds."""
    cpu0, wall0 = time.process_time(), time.perf_counter()
    preds = predict(doc, lang, pipeline=pipeline)
    return preds, time.process_time() - cpu0, time.perf_counter() - wall0


# --------------------------------------------------------------------------- scoring


def _best(gold: Timex, preds: Sequence[Prediction]) -> Prediction | None:
    """The prediction overlapping ``gold`` most (the first one on a tie)."""
    best: Prediction | None = None
    for p in preds:
        if overlaps(gold.span, p.span) and (
            best is None or overlap(gold.span, p.span) > overlap(gold.span, best.span)
        ):
            best = p
    return best


def normal_value(value: str | None) -> str:
    """A TIMEX3 value in the form compared: upper case, and two spellings made equal.

    The gold data itself writes a decade or century both with and without a trailing
    ``X`` (``196X`` and ``196``) and a week number with or without its leading zero
    (``1998-W1``); both are read as the shorter, ISO-like form.

    Examples
    --------
    >>> normal_value("196X"), normal_value("19XX"), normal_value("1998-w1")
    ('196', '19', '1998-W01')
    >>> normal_value(None), normal_value("PRESENT_REF")
    ('', 'PRESENT_REF')
    """
    v = (value or "").strip().upper()
    v = _DECADE_X.sub(r"\1", v)
    return _SHORT_WEEK.sub(r"-W0\1", v)


def score_document(timexes: Sequence[Timex], preds: Sequence[Prediction]) -> DocScore:
    """Strict, relaxed and value counts of one document (pure).

    ``timexes`` are all the gold ``TIMEX3`` of the text (any type): those of type
    ``DATE`` are scored, the others only make overlapping predictions ignored.

    Examples
    --------
    >>> g = [Timex(0, 8, "DATE", "2019-05-09", "Thursday"),
    ...      Timex(20, 27, "DURATION", "P3Y", "3 years")]
    >>> s = score_document(g, [Prediction(0, 8, "Thursday", "2019-05-09"),
    ...                        Prediction(20, 27, "3 years", None)])
    >>> s.strict.f1, s.value_correct, s.ignored
    (1.0, 1, 1)
    """
    gold = [t for t in timexes if t.type == "DATE"]
    eligible = _eligible(gold, [t for t in timexes if t.type != "DATE"], preds)
    found = [(g, _best(g, eligible)) for g in gold]
    matched = [(g, p) for g, p in found if p is not None]
    relaxed_pred = [p for p in eligible if _touches(p, gold)]
    wrong = tuple((g, p) for g, p in matched if normal_value(p.value) != normal_value(g.value))
    return DocScore(
        strict=_strict(gold, eligible),
        relaxed=Counts(len(gold), len(eligible), len(matched), len(relaxed_pred)),
        value_correct=len(matched) - len(wrong),
        ignored=len(preds) - len(eligible),
        misses=tuple(g for g, p in found if p is None),
        false_positives=tuple(p for p in eligible if p not in relaxed_pred),
        span_errors=tuple((g, p) for g, p in matched if g.span != p.span),
        wrong_values=wrong,
    )


def _touches(p: Prediction, timexes: Sequence[Timex]) -> bool:
    """Whether the prediction overlaps one of ``timexes``."""
    return any(overlaps(t.span, p.span) for t in timexes)


def _eligible(
    gold: Sequence[Timex], other: Sequence[Timex], preds: Sequence[Prediction]
) -> list[Prediction]:
    """The predictions scored: all but those overlapping only a gold of another type."""
    return [p for p in preds if _touches(p, gold) or not _touches(p, other)]


def _strict(gold: Sequence[Timex], preds: Sequence[Prediction]) -> Counts:
    """Exact-span counts."""
    gold_spans = {g.span for g in gold}
    pred_spans = {p.span for p in preds}
    return Counts(
        len(gold),
        len(preds),
        sum(g.span in pred_spans for g in gold),
        sum(p.span in gold_spans for p in preds),
    )


# --------------------------------------------------------------------------- reporting

_HEADER = (
    f"{'corpus':<16}{'docs':>5}{'gold':>6}{'pred':>6}  "
    f"{'strict P / R / F1':<21}{'relaxed P / R / F1':<21}{'value acc; P / R / F1':<27}"
    "ms/doc median, mean (CPU)"
)


def _row(c: CorpusScore) -> str:
    v = c.as_dict()["value"]
    t = c.timing.as_dict()
    s, r = c.strict, c.relaxed
    return (
        f"{c.name:<16}{c.docs:>5}{r.gold:>6}{r.pred:>6}  "
        f"{s.precision:.3f} {s.recall:.3f} {s.f1:.3f}  "
        f"{r.precision:.3f} {r.recall:.3f} {r.f1:.3f}  "
        f"{v['accuracy']:.3f}; {v['precision']:.3f} {v['recall']:.3f} {v['f1']:.3f}  "
        f"{t['cpu_ms_median']:.2f}, {t['cpu_ms_mean']:.2f}"
    )


def format_table(corpora: Sequence[CorpusScore], overall: CorpusScore) -> str:
    """The per-corpus table, the overall row and HeidelTime's published figures."""
    lines = [_HEADER, *(_row(c) for c in corpora), _row(overall)]
    lines.append(
        f"predictions ignored (overlapping only a TIME/DURATION/SET): {overall.ignored}; "
        f"wall clock: median {overall.timing.as_dict()['wall_ms_median']:.2f} ms per document"
    )
    lines.append("HeidelTime, published F1 (strict / relaxed / value), other test sets:")
    lines.extend(f"  {name}: {s:.2f} / {r:.2f} / {v:.2f}" for name, (s, r, v) in HEIDELTIME.items())
    return "\n".join(lines)


def format_errors(pairs: Sequence[tuple[TimemlDoc, DocScore]], n: int) -> str:
    """Up to ``n`` samples of each kind of error, spread over the corpus, in context."""
    kinds: dict[str, list[str]] = {
        "missed": [],
        "false positive": [],
        "span differs": [],
        "wrong value": [],
    }
    for doc, s in pairs:
        name = pathlib.Path(doc.path).name
        kinds["missed"] += [f"{name}: {g.value}  {context(doc.text, g.span)}" for g in s.misses]
        kinds["false positive"] += [
            f"{name}: {p.value}  {context(doc.text, p.span)}" for p in s.false_positives
        ]
        kinds["span differs"] += [
            f"{name}: gold {g.text!r} predicted {p.text!r}  {context(doc.text, g.span)}"
            for g, p in s.span_errors
        ]
        kinds["wrong value"] += [
            f"{name}: gold {g.value} predicted {p.value} (DCT {doc.published})  "
            f"{context(doc.text, p.span)}"
            for g, p in s.wrong_values
        ]
    out: list[str] = []
    for kind, lines in kinds.items():
        out.append(f"\n{kind}: {len(lines)} in all, {min(n, len(lines))} shown")
        out.extend(f"  {line}" for line in evenly(lines, n))
    return "\n".join(out)


# --------------------------------------------------------------------------- command line


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.accuracy.timeml",
        description="Score osintparse's dates on TimeML corpora (TempEval-3 definitions).",
    )
    ap.add_argument("corpus_dirs", nargs="+", type=pathlib.Path, metavar="CORPUS_DIR")
    ap.add_argument("--lang", default="en", help="language of every document (default en)")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print N samples")
    ap.add_argument("--json", metavar="FILE", help="write the figures as JSON (- for stdout)")
    ap.add_argument(
        "--pipeline", action="store_true", help="use osintparse.parse(...).dates, not find_dates"
    )
    ap.add_argument(
        "--write-docs",
        action="store_true",
        help=f"save the figures in {_rel(FIGURES_DIR)}/timeml-LANG.json and rewrite their "
        f"block in {_rel(DOCS_PAGE)}",
    )
    return ap.parse_args(argv)


# --------------------------------------------------------------------------- generated docs

#: The page whose ``timeml-LANG`` blocks are rendered from the saved figures.
DOCS_PAGE = ROOT / "docs" / "extractors" / "dates.md"


def _rel(path: pathlib.Path) -> str:
    return path.relative_to(ROOT).as_posix()


def figures_path(lang: str) -> pathlib.Path:
    """The saved figures of one language's run.

    Examples
    --------
    >>> figures_path("en").name
    'timeml-en.json'
    """
    return FIGURES_DIR / f"timeml-{lang}.json"


def _table_row(name: str, c: dict[str, Any]) -> str:
    s, r, v = c["strict"], c["relaxed"], c["value"]
    return (
        f"| {name} | {c['documents']} "
        f"| {s['precision']:.3f} / {s['recall']:.3f} / {s['f1']:.3f} "
        f"| {r['precision']:.3f} / {r['recall']:.3f} / {r['f1']:.3f} "
        f"| {v['f1']:.3f} | {c['time']['cpu_ms_median']:.1f} |"
    )


def docs_lines(f: dict[str, Any]) -> list[str]:
    """The generated block of one language's figures in docs/extractors/dates.md.

    Examples
    --------
    >>> import json
    >>> f = json.loads(figures_path("en").read_text(encoding="utf-8"))
    >>> docs_lines(f)[0].startswith("Generated by")
    True
    """
    rows = [_table_row(name, c) for name, c in sorted(f["corpora"].items())]
    if len(f["corpora"]) > 1:
        rows.append(_table_row("all", f["overall"]))
    return [
        f"Generated by `python benchmarks/accuracy/timeml.py CORPUS_DIR ... --lang {f['lang']} "
        f"--write-docs` from `{_rel(figures_path(f['lang']))}`; do not edit by hand.",
        "",
        f"Scored with `{f['via']}` on {f['date']} at commit `{f['commit']}`; load average "
        f"{f['load']:.2f} at the end of the run (the CPU time per document grows with it).",
        "",
        "| corpus | docs | strict P / R / F1 | relaxed P / R / F1 | value F1 "
        "| ms per doc (median CPU) |",
        "|---|---:|---|---|---:|---:|",
        *rows,
    ]


def write_docs(figures: dict[str, Any]) -> pathlib.Path:
    """Save one language's figures and rewrite its block of the docs page; the page's path."""
    lang = figures["lang"]
    save_figures(figures_path(lang), figures, DOCS_PAGE, f"timeml-{lang}", docs_lines(figures))
    return DOCS_PAGE


def evaluate(
    docs: Sequence[TimemlDoc], lang: str, *, pipeline: bool = False
) -> tuple[list[CorpusScore], CorpusScore, list[tuple[TimemlDoc, DocScore]]]:
    """Predict and score every document; the per-corpus and overall figures."""
    if docs:
        predict(docs[0], lang, pipeline=pipeline)  # warm-up: compile patterns, load lexicons
    groups: dict[str, CorpusScore] = {}
    overall = CorpusScore("overall")
    pairs: list[tuple[TimemlDoc, DocScore]] = []
    for doc in docs:
        preds, cpu, wall = timed_predict(doc, lang, pipeline=pipeline)
        s = score_document(doc.timexes, preds)
        for c in (groups.setdefault(doc.group, CorpusScore(doc.group)), overall):
            c.add(s)
            c.timing.add(cpu, wall)
        pairs.append((doc, s))
    return list(groups.values()), overall, pairs


def _figures(
    lang: str,
    via: str,
    corpora: Sequence[CorpusScore],
    overall: CorpusScore,
    skipped: Sequence[tuple[pathlib.Path, pathlib.Path]],
) -> dict[str, Any]:
    """Everything ``--json`` writes."""
    return {
        "lang": lang,
        "via": via,
        "corpora": {c.name: c.as_dict() for c in corpora},
        "overall": overall.as_dict(),
        "skipped_duplicates": [[str(a), str(b)] for a, b in skipped],
        "heideltime_published_f1": {
            k: dict(zip(("strict", "relaxed", "value"), v, strict=True))
            for k, v in HEIDELTIME.items()
        },
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the scorer; print the figures (and samples of errors); return the exit code."""
    args = _arguments(argv)
    missing = [str(d) for d in args.corpus_dirs if not d.is_dir()]
    if missing:
        print(f"error: not a directory: {', '.join(missing)}", file=sys.stderr)
        return 2
    files, skipped = find_files(args.corpus_dirs)
    if not files:
        print("error: no .tml file under the given directories", file=sys.stderr)
        return 2
    docs = [read_tml(path, group) for path, group in files]
    corpora, overall, pairs = evaluate(docs, args.lang, pipeline=args.pipeline)
    via = "osintparse.parse(...).dates" if args.pipeline else "osintparse.find_dates"
    print(f"TimeML dates ({via}, lang={args.lang}): {len(docs)} documents")
    for dup, kept in skipped:
        print(f"skipped duplicate: {dup} (same bytes as {kept})")
    print(format_table(corpora, overall))
    if args.errors:
        print(format_errors(pairs, args.errors))
    figures = _figures(args.lang, via, corpora, overall, skipped)
    if args.json:
        write_json(args.json, figures)
    if args.write_docs:
        figures.pop("skipped_duplicates")  # paths on this machine
        figures.update(
            date=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            commit=git_commit("osintparse"),
            load=os.getloadavg()[0],
        )
        print(f"rewrote {_rel(write_docs(figures))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
