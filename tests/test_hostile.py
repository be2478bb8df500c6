"""Hostile inputs: huge, degenerate or malformed text parses within bounds on time and memory.

Each case runs ``parse`` in a child process with a hang guard (a timeout) and a cap on
its address space (``RLIMIT_AS``), then checks every invariant of
:mod:`tests.invariants` on the result there and reports the peak memory of the parse,
which must stay under a generous bound proportional to the input size. The bounds are
hang guards, far above the figures measured and listed in ``docs/guarantees.md``.

The regex-safety test finds every compiled pattern of the package (module-level
patterns, patterns in module-level containers and class attributes, and those returned
by cached per-language builders) and runs each against adversarial strings under the
``regex`` module's own ``timeout=``, so new patterns are covered as they land.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import json
import pkgutil
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest
import regex

import osintparse
from osintparse import lexicons
from tests.conftest import ROOT, SEED_PATH

SEED = SEED_PATH.read_text(encoding="utf-8")
MB = 1_000_000


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _mixed_scripts(size: int) -> str:
    parts = [
        "Москва заявила, что 10 000 солдат прибыли.",
        "\u0642\u0627\u0644\u062a \u0627\u0644\u0648\u0632\u0627\u0631\u0629"
        " \u0625\u0646 300 \u062c\u0646\u062f\u064a.",
        "\u4e2d\u56fd\u5916\u4ea4\u90e8\u8868\u793a\u3002\u65e5\u672c\u8a9e\u306e\u6587\u7ae0\u3002",
        "\U0001f600\U0001f44d\U0001f3fd \U0001f468\u200d\U0001f469\u200d\U0001f467"
        " \U0001f1eb\U0001f1f7",
        "e\u0301 a\u0300\u0323\u0302 \u0928\u093c \u0fb9 Z\u0351\u0352\u0353\u0354\u0355",
        "\u200f\u05e9\u05dc\u05d5\u05dd\u200e Selon S\u00e9oul\u202e,"
        " \u2066isolate\u2069 10\u202f000",
        "zero\u200bwidth\u200cjoin\u200dners\u2060 \u00adsoft",
    ]
    return _fill(" ".join(parts) + "\n\n", size)


def _controls(size: int) -> str:
    chars = "".join(chr(c) for c in [*range(0, 32), *range(127, 160)])
    return _fill(f"Titre{chars}\n\nSelon le ministère, 10 000 soldats.{chars}\x00\x00 ", size)


def _surrogates(size: int) -> str:
    return _fill("Selon \ud800 S\u00e9oul, \udfff 10 000 \udbff\udc00 soldats. \ud83d ", size)


def _html(size: int) -> str:
    paras = "".join(f'<p class="x">{line}</p>\n' for line in SEED.splitlines() if line.strip())
    page = (
        "<!DOCTYPE html>\n<html><head><title>T</title><script>var a = '<p>';"
        "if (a < 3 && b > 2) {}</script><style>p{margin:0}</style></head>\n<body>\n"
        f"{paras}<!-- comment -->&nbsp;&amp;&laquo;&#160;&#x2019;<br/><br>\n</body></html>\n"
    )
    return _fill(page, size)


# name -> (builder(size), size, languages, timeout s, memory bound MB)
CASES: dict[str, tuple[Callable[[int], str], int, tuple[str | None, ...], int, int]] = {
    "ten_megabytes": (lambda n: _fill(SEED + "\n\n", n), 10 * MB, (None,), 300, 2000),
    "one_megabyte_no_newline": (
        lambda n: _fill(SEED.replace("\n", " ") + " ", n),
        MB,
        (None, "en"),
        120,
        800,
    ),
    "hundred_thousand_digits": (
        lambda n: "Il y a " + "7" * n + " soldats. And " + "1" * n + ",5 %.",
        100_000,
        (None, "fr", "en"),
        60,
        600,
    ),
    "ten_million_repeated": (lambda n: _fill("10 000 000 ", n), MB, ("fr", "en"), 240, 800),
    "nested_guillemets": (
        lambda n: _fill("\u00ab ", n // 2) + "Selon" + _fill("\u00ab\u00bb\u201c\u201d", n // 2),
        400_000,
        (None, "fr"),
        60,
        600,
    ),
    "selon_repeated": (
        lambda n: _fill("selon ", n // 2) + _fill("Selon selon, according to ", n // 2),
        400_000,
        ("fr", "en"),
        60,
        600,
    ),
    "mixed_scripts": (_mixed_scripts, 400_000, (None, "fr", "en"), 60, 600),
    "nul_and_controls": (_controls, 300_000, (None, "fr"), 60, 600),
    "lone_surrogates": (_surrogates, 200_000, (None, "fr"), 60, 600),
    "crlf_line_ends": (lambda n: _fill(SEED.replace("\n", "\r\n"), n), 300_000, (None,), 60, 600),
    "lone_cr_line_ends": (lambda n: _fill(SEED.replace("\n", "\r"), n), 300_000, (None,), 60, 600),
    "utf8_bom": (lambda n: "\ufeff" + _fill(SEED + "\ufeff", n), 300_000, (None, "fr"), 60, 600),
    "html_left_in": (_html, 300_000, (None, "fr", "en"), 60, 600),
    "hard_wrapped_one_letter_lines": (lambda n: _fill("a\n", n), MB, ("fr",), 120, 800),
    "closers_after_a_period": (
        lambda n: "Un texte." + _fill(" \u00bb", n) + " suite",
        200_000,
        ("fr",),
        60,
        600,
    ),
    "punctuation_runs": (lambda n: _fill(".!?\u2026,;:", n), 300_000, ("fr",), 60, 600),
}
SLOW = {"ten_megabytes"}

_CHILD = textwrap.dedent(
    """
    import json, resource, time
    limit = {limit}
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import osintparse
    from tests.test_hostile import CASES
    from tests import invariants
    build, size, langs, _, _ = CASES[{name!r}]
    text = build(size)
    report = {{"chars": len(text)}}
    articles = []
    for lang in langs:
        t0 = time.perf_counter()
        articles.append(osintparse.parse(text, lang=lang))
        report[str(lang)] = round(time.perf_counter() - t0, 2)
    report["peak_mb"] = invariants.peak_rss_mb()
    report["sentences"] = len(articles[-1].sentences)
    for article in articles:
        if len(text) <= 2_000_000:
            invariants.check_article(article, text)
        else:  # the dict and JSON round trips are checked on the smaller inputs
            invariants.check_offsets(article)
            invariants.check_structure(article)
            invariants.check_sentence_containment(article)
            invariants.check_quantities(article)
    print(json.dumps(report))
    """
)


def run_case(name: str) -> dict[str, Any]:
    """Run one hostile case in a child process; return its report."""
    _, _, _, timeout, bound_mb = CASES[name]
    limit = 4 * bound_mb * 2**20  # address space: generous, catches a runaway
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD.format(limit=limit, name=name)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    report: dict[str, Any] = json.loads(proc.stdout)
    assert report["peak_mb"] < bound_mb, report
    return report


@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=pytest.mark.slow) if n in SLOW else n for n in CASES],
)
def test_hostile_input_is_bounded(name: str) -> None:
    report = run_case(name)
    print(name, report)


# -- specific behaviour on some hostile inputs (in process: small inputs) ---------------


def test_crlf_and_lone_cr_give_the_same_structure_as_lf() -> None:
    lf = osintparse.parse(SEED, lang="fr")
    for eol in ("\r\n", "\r", "\u2028"):
        other = osintparse.parse(SEED.replace("\n", eol), lang="fr")
        assert [p.kind for p in other.paragraphs] == [p.kind for p in lf.paragraphs], eol
        assert [s.text for s in other.sentences] == [s.text for s in lf.sentences], eol


def test_bom_stays_outside_every_span() -> None:
    a = osintparse.parse("\ufeff" + SEED, lang="fr")
    assert a.title is not None
    assert not a.title.startswith("\ufeff")
    assert a.paragraphs[0].start == 1
    assert a.title == osintparse.parse(SEED, lang="fr").title


def test_lone_surrogates_survive_json() -> None:
    text = "Titre \ud800\n\nSelon S\u00e9oul, \udfff 10 000 soldats."
    a = osintparse.parse(text, lang="fr")
    out = osintparse.to_json(a)
    out.encode("utf-8")
    assert json.loads(out)["text"] == text


def test_nul_characters_are_kept_in_the_text() -> None:
    text = "Titre\x00\n\nUne\x00 phrase. Deux\x01 phrases."
    a = osintparse.parse(text, lang="fr")
    assert a.text == text
    assert [s.text for s in a.body_sentences] == ["Une\x00 phrase.", "Deux\x01 phrases."]


# -- regex safety ----------------------------------------------------------------------

_PATTERN_TYPES = (type(regex.compile("")), re.Pattern)


def _walk_patterns(value: Any, depth: int = 0) -> Iterator[Any]:
    if isinstance(value, _PATTERN_TYPES):
        yield value
    elif depth > 4 or isinstance(value, str | bytes):
        return
    elif isinstance(value, dict):
        for v in list(value.values()):
            yield from _walk_patterns(v, depth + 1)
    elif isinstance(value, tuple | list | set | frozenset):
        for v in list(value):
            yield from _walk_patterns(v, depth + 1)
    elif attrs.has(type(value)):
        for f in attrs.fields(type(value)):
            yield from _walk_patterns(getattr(value, f.name), depth + 1)


def _cached_builders(module: Any) -> Iterator[tuple[str, Callable[..., Any]]]:
    for name, obj in vars(module).items():
        if callable(obj) and hasattr(obj, "cache_info") and obj.__module__ == module.__name__:
            yield name, obj


def package_patterns() -> dict[str, Any]:
    """Every compiled pattern osintparse keeps, by where it was found."""
    modules = [osintparse]
    for info in pkgutil.walk_packages(osintparse.__path__, "osintparse."):
        if info.name.endswith("__main__"):
            continue
        modules.append(importlib.import_module(info.name))
    return module_patterns(modules)


def module_patterns(modules: list[Any]) -> dict[str, Any]:
    """The compiled patterns of ``modules``, each once, by where it was found."""
    found: dict[str, Any] = {}
    for module in modules:
        for name, obj in list(vars(module).items()):
            if inspect.isclass(obj) and obj.__module__ == module.__name__:
                for attr, value in list(vars(obj).items()):
                    for i, p in enumerate(_walk_patterns(value)):
                        found[f"{module.__name__}.{name}.{attr}[{i}]"] = p
            elif not callable(obj):
                for i, p in enumerate(_walk_patterns(obj)):
                    found[f"{module.__name__}.{name}[{i}]"] = p
        # Patterns compiled from lexicon data, once per language, by cached builders.
        for name, builder in _cached_builders(module):
            params = [
                p
                for p in inspect.signature(builder).parameters.values()
                if p.default is inspect.Parameter.empty
                and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
            ]
            if not params:
                calls: list[tuple[str, tuple[Any, ...]]] = [("", ())]
            elif len(params) == 1 and ("lang" in params[0].name or params[0].name == "code"):
                calls = [(lang, (lang,)) for lang in lexicons.supported_languages()]
            else:
                continue
            for label, args in calls:
                result = builder(*args)
                for i, p in enumerate(_walk_patterns(result)):
                    found[f"{module.__name__}.{name}({label})[{i}]"] = p
    unique: dict[str, Any] = {}
    seen: set[int] = set()
    for where, p in found.items():
        if id(p) not in seen:
            seen.add(id(p))
            unique[where] = p
    return unique


@functools.cache
def _patterns() -> dict[str, Any]:
    return package_patterns()


def _lexicon_words() -> list[str]:
    return list(lexicons.all_strings(numbers=False))


N = 100_000


def adversarial_strings() -> dict[str, str]:
    """Long degenerate strings that make backtracking patterns blow up."""
    out = {
        "digits": "1" * N,
        "digits_spaced": _fill("1 ", N),
        "digit_groups": _fill("10 000 ", N),
        "digits_commas": _fill("1,", N),
        "digits_dots": _fill("1.", N),
        "digits_then_letter": "9" * N + "x",
        "spaces": " " * N,
        "nbsp_spaces": _fill(" \u00a0\u202f", N),
        "newlines": "\n" * N,
        "crlf": _fill("\r\n", N),
        "letters": "a" * N,
        "upper": "A" * N,
        "word_spaces": _fill("a ", N),
        "dots": "." * N,
        "punctuation": _fill(".!?\u2026,;:-'\"()[]\u00ab\u00bb", N),
        "period_closers": "x." + _fill(" \u00bb", N) + " y",
        "guillemets": _fill("\u00ab ", N),
        "apostrophes": _fill("l'", N),
        "hyphens": _fill("a-", N),
        "marks": "e" + "\u0301" * N,
        "hash": "#" * N,
        "percent": _fill("1 % ", N),
        "selon": _fill("selon ", N),
        "according": _fill("according to ", N),
        "cue_colon": _fill("a déclaré : ", N),
    }
    words = _lexicon_words()
    out["lexicon_words"] = _fill(" ".join(words) + " ", N)
    out["lexicon_words_glued"] = _fill("".join(words), N)
    out["lexicon_words_numbers"] = _fill(" 10 000 ".join(words) + " ", N)
    out["lexicon_words_commas"] = _fill(", ".join(words) + ", ", N)
    for w in words[:: max(1, len(words) // 12)]:
        out[f"repeat:{w}"] = _fill(w + " ", N)
    # The same runs ended by a character that makes an anchored or look-ahead
    # pattern fail only at the very end (where backtracking costs the most).
    for label in ("digits", "letters", "upper", "dots", "apostrophes", "hyphens", "marks"):
        out[f"{label}+space"] = out[label] + " "
        out[f"{label}+snowman"] = out[label] + "\u2603"
    for label in ("spaces", "newlines", "word_spaces"):
        out[f"{label}+letter"] = out[label] + "x"
    return out


def test_every_package_pattern_is_found() -> None:
    """The discovery itself works: it sees the patterns we know of."""
    where = set(_patterns())
    assert any(w.startswith("osintparse.text._BOUNDARY") for w in where), where
    assert any(w.startswith("osintparse.extractors.structure._engine._LINE") for w in where), where


def test_discovery_finds_patterns_built_per_language() -> None:
    """Cached per-language builders, class attributes and containers are all searched."""
    import types

    fake = types.ModuleType("fake_extractor")

    @functools.cache
    def _patterns(lang: str) -> dict[str, Any]:
        return {"cue": regex.compile(f"cue-{lang}"), "more": (regex.compile(f"x-{lang}"),)}

    class Extractor:
        pattern = regex.compile("class-level")

    for obj in (_patterns, Extractor):
        obj.__module__ = fake.__name__
    fake._patterns = _patterns  # type: ignore[attr-defined]
    fake.Extractor = Extractor  # type: ignore[attr-defined]
    fake._TABLE = {"a": [regex.compile("in-a-table")]}  # type: ignore[attr-defined]
    found = {p.pattern for p in module_patterns([fake]).values()}
    langs = lexicons.supported_languages()
    assert found == {
        "class-level",
        "in-a-table",
        *(f"cue-{lang}" for lang in langs),
        *(f"x-{lang}" for lang in langs),
    }


def test_package_uses_the_regex_module_only() -> None:
    stdlib = [w for w, p in _patterns().items() if isinstance(p, re.Pattern)]
    assert not stdlib, f"use the regex module (timeout=, linear matching): {stdlib}"


@pytest.mark.slow
def test_no_pattern_backtracks_catastrophically() -> None:
    """Each pattern scans each 100 000-character adversarial string within 5 s.

    A linear pattern needs milliseconds; a quadratic one needs minutes (the old
    sentence-boundary pattern took 4 s for 200 000 characters of " »"). The
    ``timeout=`` of the regex module stops a runaway and fails the test.
    """
    slow = []
    strings = adversarial_strings()
    for where, pattern in _patterns().items():
        for label, s in strings.items():
            try:
                for _ in pattern.finditer(s, timeout=5.0):
                    pass
            except TimeoutError:
                slow.append(f"{where} on {label}")
    assert not slow, "catastrophic backtracking: " + "; ".join(slow)


def test_the_timeout_catches_a_catastrophic_pattern() -> None:
    """The guard above can fail: a nested quantifier is stopped by the timeout."""
    bad = regex.compile(r"(?:a|aa)+$")
    with pytest.raises(TimeoutError):
        for _ in bad.finditer("a" * 60 + "!", timeout=0.2):
            pass
