"""What every parsed article must satisfy, whatever the input and whichever extractors run.

Shared by the property tests, the hostile-input tests, the regression tests and the fuzz
target (``fuzz/fuzz_parse.py``). Written over :meth:`Article.mentions` and a generic walk
of every attrs record reachable from the article, so new layers and extractors are checked
without changing this file.
"""

from __future__ import annotations

import ast
import bisect
import functools
import itertools
import json
import math
import pathlib
import subprocess
import sys
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import regex

import osintparse
from osintparse.model import Claim, Paragraph, Section, Sentence

__all__ = [
    "check_article",
    "check_json",
    "check_offsets",
    "check_quantities",
    "check_round_trip",
    "check_sentence_containment",
    "check_structure",
    "modules_after",
    "peak_rss_mb",
    "records",
    "strict_json_loads",
]

_SURROGATE_PAIR = regex.compile(r"\\ud[89ab][0-9a-f]{2}\\ud[c-f][0-9a-f]{2}")

# Layers whose records need not lie inside a sentence: they hold sentences.
_CONTAINERS = (Paragraph, Section, Sentence, Claim)


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    return tuple(f.name for f in attrs.fields(cls)) if attrs.has(cls) else None


def records(value: Any, _seen: set[int] | None = None) -> Iterator[Any]:
    """Yield every attrs record reachable from ``value`` (depth first, parents first).

    A tuple reached twice (the sources that inheriting claims share) is walked once, so
    the walk stays linear in the article (issue 17).
    """
    seen = set() if _seen is None else _seen
    names = _field_names(type(value))
    if names is not None:
        yield value
        for name in names:
            item = getattr(value, name)
            if isinstance(item, tuple | list | Mapping) or _field_names(type(item)):
                yield from records(item, seen)
    elif isinstance(value, tuple | list):
        if isinstance(value, tuple) and value:
            if id(value) in seen:
                return
            seen.add(id(value))
        for item in value:
            yield from records(item, seen)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from records(item, seen)


def same_article(a: osintparse.Article, b: osintparse.Article) -> bool:
    """``a == b``, in time linear in the articles: the sources and provenance chains that
    claims share are compared once per pair of tuples (``==`` compares them again for
    every claim)."""
    if attrs.evolve(a, claims=()) != attrs.evolve(b, claims=()) or len(a.claims) != len(b.claims):
        return False
    compared: dict[tuple[str, int], int] = {}
    for x, y in zip(a.claims, b.claims, strict=True):
        if attrs.evolve(x, attributions=(), chains=()) != attrs.evolve(
            y, attributions=(), chains=()
        ):
            return False
        for name in ("attributions", "chains"):
            mine, theirs = getattr(x, name), getattr(y, name)
            if compared.get((name, id(mine))) != id(theirs):
                if mine != theirs:
                    return False
                compared[name, id(mine)] = id(theirs)
    return True


def modules_after(code: str, *names: str) -> list[str]:
    """Which of the modules ``names`` a fresh interpreter has imported after ``code``.

    Runs ``code`` in a new process from the repository root (an exception in it fails
    the caller), then lists, sorted, the ``names`` found in ``sys.modules``: the check of
    every test that a heavy or optional module stays unimported.
    """
    probe = f"{code}\nimport sys\nprint(sorted(m for m in {names!r} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=pathlib.Path(__file__).resolve().parent.parent,
    )
    found: list[str] = ast.literal_eval(out.stdout.strip().splitlines()[-1])
    return found


def peak_rss_mb() -> int:
    """Peak resident memory of this process in MB.

    Reads ``VmHWM`` (reset by ``exec``) where Linux has it: ``ru_maxrss`` of a child
    started by ``subprocess`` can start at its parent's peak.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def _spans(record: Any) -> Iterator[tuple[str, int, int]]:
    """Yield ``(name, start, end)`` for the record's own span and every ``x_start/x_end``."""
    names = {f.name for f in attrs.fields(type(record))}
    if {"start", "end", "text"} <= names:
        yield "", record.start, record.end
    for name in sorted(names):
        if name.endswith("_start") and name[:-6] + "_end" in names:
            s, e = getattr(record, name), getattr(record, name[:-6] + "_end")
            if s is not None or e is not None:
                yield name[:-6], s, e


def check_offsets(article: osintparse.Article) -> None:
    """Every span lies in the text; every record's ``text`` is its slice of the text."""
    n = len(article.text)
    for rec in records(article):
        if rec is article:
            continue
        for name, s, e in _spans(rec):
            assert isinstance(s, int), (name, rec)
            assert isinstance(e, int), (name, rec)
            assert 0 <= s <= e <= n, f"{type(rec).__name__}.{name or 'span'} {s}..{e} of {n}"
        if {"start", "end", "text"} <= {f.name for f in attrs.fields(type(rec))}:
            assert article.text[rec.start : rec.end] == rec.text, rec
    for m in article.mentions():
        assert article.text[m.start : m.end] == m.text, m


def check_structure(article: osintparse.Article) -> None:
    """Paragraphs, sections and sentences are ordered, disjoint and properly nested."""
    for layer in (article.paragraphs, article.sections, article.sentences):
        for a, b in itertools.pairwise(layer):
            assert a.end <= b.start, (a, b)
    for p in article.paragraphs:
        assert 0 <= p.section < len(article.sections), p
        sec = article.sections[p.section]
        assert sec.start <= p.start, (p, sec)
        assert p.end <= sec.end, (p, sec)
        assert p.text.strip() == p.text or not p.text.strip(), p
    for s in article.sentences:
        assert s.text, s
        assert 0 <= s.paragraph < len(article.paragraphs), s
        para = article.paragraphs[s.paragraph]
        assert para.start <= s.start, (s, para)
        assert s.end <= para.end, (s, para)
        assert s.kind is para.kind, (s, para)
        assert s.section == para.section, (s, para)
    for sec in article.sections:
        if sec.heading is not None:
            assert article.text[sec.heading_start : sec.heading_end] == sec.heading, sec
    titles = [p.text for p in article.paragraphs if p.kind is osintparse.ParagraphKind.TITLE]
    assert article.title == (titles[0] if titles else None)


def check_sentence_containment(article: osintparse.Article) -> None:
    """Mentions other than paragraphs/sections lie in a sentence; claims are whole sentences."""
    sentences = article.sentences
    starts = [s.start for s in sentences]

    def inside_sentence(start: int, end: int) -> bool:
        i = bisect.bisect_right(starts, start) - 1
        return i >= 0 and sentences[i].start <= start and end <= sentences[i].end

    for rec in records(article):
        if rec is article or isinstance(rec, _CONTAINERS):
            continue
        if not {"start", "end", "text"} <= {f.name for f in attrs.fields(type(rec))}:
            continue
        assert inside_sentence(rec.start, rec.end), f"not inside one sentence: {rec!r}"
    # Sentences are ordered and disjoint (asserted here too, as the look-ups rely on it):
    # the sentences a claim overlaps are a slice found by bisection, not a scan of every
    # sentence for every claim (which took hours at 10 MB).
    assert all(a.end <= b.start for a, b in itertools.pairwise(sentences)), "sentence order"
    ends = [s.end for s in sentences]
    for claim in article.claims:
        first = bisect.bisect_right(ends, claim.start)  # the first that ends after it starts
        overlapping = sentences[first : bisect.bisect_left(starts, claim.end, lo=first)]
        assert overlapping, f"claim covers no sentence: {claim!r}"
        for s in overlapping:
            assert claim.start <= s.start, f"claim cuts a sentence: {claim!r} / {s!r}"
            assert s.end <= claim.end, f"claim cuts a sentence: {claim!r} / {s!r}"


def check_quantities(article: osintparse.Article) -> None:
    """``low <= value <= high`` where set; every float of every record is finite."""
    for rec in records(article):
        for field in attrs.fields(type(rec)):
            value = getattr(rec, field.name)
            if isinstance(value, float):
                assert math.isfinite(value), (field.name, rec)
        if isinstance(rec, osintparse.Quantity):
            if rec.low is not None:
                assert rec.low <= rec.value, rec
            if rec.high is not None:
                assert rec.value <= rec.high, rec


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON (RFC 8259)")


def strict_json_loads(data: str) -> Any:
    """``json.loads`` refusing NaN and Infinity, which RFC 8259 JSON has not."""
    return json.loads(data, parse_constant=_no_constant)


def check_json(article: osintparse.Article) -> None:
    """``to_json`` is strict JSON, encodable as UTF-8, and reads back to the same article."""
    out = osintparse.to_json(article)
    out.encode("utf-8")  # no lone surrogate may leak into the output
    data = strict_json_loads(out)
    if _SURROGATE_PAIR.search(out) is None:
        assert same_article(osintparse.from_dict(data), article)
    # else: a high surrogate followed by a low one is escaped as "\\ud800\\udc00",
    # which every JSON reader decodes as one astral character: JSON can't say otherwise.


def check_round_trip(article: osintparse.Article) -> None:
    """``osintparse.from_dict(osintparse.to_dict(a)) == a``."""
    assert same_article(osintparse.from_dict(osintparse.to_dict(article)), article)


def check_article(article: osintparse.Article, text: str) -> None:
    """All of the above, for ``article = parse(text, ...)``."""
    assert article.text == text
    check_offsets(article)
    check_structure(article)
    check_sentence_containment(article)
    check_quantities(article)
    check_round_trip(article)
    check_json(article)
