"""The accuracy scorers of ``benchmarks/accuracy``: reading, scoring arithmetic, command line.

Every corpus here is a tiny synthetic one written into ``tmp_path`` (sentences made up
for these tests); the real corpora are never needed. The scoring functions are pure,
so their arithmetic is checked on hand-made predictions; the command-line runs only
check what does not depend on osintparse's accuracy.
"""

from __future__ import annotations

import datetime as dt
import doctest
import json
import pathlib
import types

import pytest

import osintparse
from benchmarks.accuracy import _common, polnear, timeml
from benchmarks.accuracy.polnear import GoldAttribution, PredAttribution
from benchmarks.accuracy.timeml import Prediction, Timex
from benchmarks.docs import block

# ---- shared helpers -----------------------------------------------------------------------


@pytest.mark.parametrize("module", [_common, polnear, timeml], ids=lambda m: m.__name__)
def test_docstring_examples(module: types.ModuleType) -> None:
    # benchmarks/ is outside pytest's doctest paths: run the modules' examples here.
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testmod(module, optionflags=flags)
    assert result.attempted > 0
    assert result.failed == 0


def test_counts_arithmetic() -> None:
    c = _common.Counts(gold=4, pred=3, gold_found=2, pred_correct=3)
    assert (c.precision, c.recall) == (1.0, 0.5)
    assert c.f1 == pytest.approx(2 / 3)
    assert _common.total([c, _common.Counts(4, 1, 0, 0)]).recall == 0.25
    assert _common.Counts().f1 == 0.0


def test_evenly_and_context() -> None:
    assert _common.evenly(list("abcdef"), 2) == ["a", "d"]
    assert _common.evenly([], 3) == []
    assert _common.context("abc def ghi", (4, 7), width=2) == "…c [[def]] g…"


# ---- PolNeAR ------------------------------------------------------------------------------

_ARTICLE = (
    "Harbour notice\n\n"
    "The harbour office said the ferry would sail at noon. Nobody waved from the pier. "
    "Ms. Okafor added that tickets were free."
)


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return (start, start + len(part))


def _gold_two() -> list[GoldAttribution]:
    t = _ARTICLE
    return [
        GoldAttribution(
            sources=(_span(t, "The harbour office"),),
            cues=(_span(t, "said"),),
            contents=(_span(t, "the ferry would sail at noon"),),
        ),
        GoldAttribution(
            sources=(_span(t, "Ms. Okafor"),),
            cues=(_span(t, "added"),),
            contents=(_span(t, "that tickets were free"),),
        ),
    ]


def _pred(source: str, cue: str, content: str | None) -> PredAttribution:
    t = _ARTICLE
    s, c = _span(t, source), _span(t, cue)
    return PredAttribution(
        span=(min(s[0], c[0]), max(s[1], c[1])),
        source=s,
        cue=c,
        content=None if content is None else _span(t, content),
    )


def test_perfect_prediction_scores_one() -> None:
    preds = [
        _pred("The harbour office", "said", "the ferry would sail at noon"),
        _pred("Ms. Okafor", "added", "that tickets were free"),
    ]
    s = polnear.score_document(_ARTICLE, _gold_two(), preds)
    assert s.attributions.f1 == 1.0
    for role in polnear.ROLES:
        assert s.roles[(role, "exact")].f1 == 1.0
        assert s.roles[(role, "begin")].f1 == 1.0
    assert s.by_class == {"speech verb": (2, 2, 2, 2)}
    assert (s.misses, s.false_positives) == ((), ())


def test_one_of_two_found_and_head_word_decides() -> None:
    # The harbour office is found with a source span one word short (same head word);
    # Okafor's attribution is predicted with the wrong source: no match.
    preds = [
        _pred("harbour office", "said", None),
        _pred("tickets", "added", None),
    ]
    s = polnear.score_document(_ARTICLE, _gold_two(), preds)
    assert (s.attributions.recall, s.attributions.precision) == (0.5, 0.5)
    assert s.misses == (1,)
    assert s.false_positives == (1,)
    exact_source = s.roles[("source", "exact")]
    assert (exact_source.gold_found, exact_source.gold, exact_source.pred) == (0, 2, 2)
    assert s.roles[("cue", "exact")].f1 == 1.0
    assert s.roles[("content", "exact")].recall == 0.0
    assert s.by_class["speech verb"] == (2, 2, 2, 1)


def test_exact_span_ignores_edge_punctuation() -> None:
    text = 'He said: "It is late."'
    gold = [GoldAttribution(((0, 2),), ((3, 7),), ((9, 22),))]  # content with its quotes
    pred = [PredAttribution((0, 7), (0, 2), (3, 7), (10, 20))]  # "It is late" without
    s = polnear.score_document(text, gold, pred)
    assert s.roles[("content", "exact")].f1 == 1.0


def test_sentences_without_attribution() -> None:
    quiet = polnear.score_document(_ARTICLE, _gold_two(), [])
    assert (quiet.clean_sentences, quiet.clean_quiet, quiet.clean_predictions) == (2, 2, 0)
    # A prediction in "Nobody waved from the pier.": one false attribution there.
    noisy = polnear.score_document(_ARTICLE, _gold_two(), [_pred("Nobody", "waved", None)])
    assert (noisy.clean_sentences, noisy.clean_quiet, noisy.clean_predictions) == (2, 1, 1)
    assert noisy.attributions.precision == 0.0


def test_sourceless_gold_is_not_counted_and_predictions_on_it_ignored() -> None:
    text = "It was reported that the bridge had closed."
    gold = [GoldAttribution((), ((7, 15),), ((16, 42),))]
    pred = [PredAttribution((0, 15), (0, 2), (7, 15), None)]
    s = polnear.score_document(text, gold, pred)
    assert (s.attributions.gold, s.attributions.pred, s.ignored) == (0, 0, 1)
    assert s.by_class == {"speech verb": (1, 1, 0, 0)}


@pytest.mark.parametrize(
    ("source", "head"),
    [
        ("the port authority", "authority"),
        ("Ana Lima, a spokeswoman for the port", "lima"),
        ("a spokeswoman for the port", "spokeswoman"),
        ("the mayor's office", "office"),
        ("They", "they"),
        ("", None),
    ],
)
def test_head_word(source: str, head: str | None) -> None:
    assert polnear.head_word(source) == head


@pytest.mark.parametrize(
    ("cue", "cls"),
    [
        ("said", "speech verb"),
        ("has repeatedly warned", "speech verb"),
        ("believes", "other verb"),
        ("showed", "other verb"),
        ("her plan", "nominal"),
        ("statement", "nominal"),
        ("according to", "according to"),
        ("—", "other"),
    ],
)
def test_cue_class(cue: str, cls: str) -> None:
    assert polnear.cue_class(cue) == cls


def test_split_sentences() -> None:
    text = "Dr. Ito left at 5 p.m. on Friday. J. Ruiz stayed!\n\n“Why?” she asked."
    got = [text[a:b] for a, b in polnear.split_sentences(text)]
    assert got == ["Dr. Ito left at 5 p.m. on Friday.", "J. Ruiz stayed!", "“Why?” she asked."]


def _ann_line(tid: str, label: str, text: str, part: str, after: int = 0) -> str:
    a, b = _span(text, part, after)
    return f"{tid}\t{label} {a} {b}\t{part}"


def _write_polnear(root: pathlib.Path, *, bad_offset: bool = False) -> None:
    data = root / "data"
    for sub in ("text", "attributions"):
        (data / "dev" / sub).mkdir(parents=True)
    header = "compartment\tfilename\tpublisher\tpublication_date"
    rows = ["dev\tharbour-notice\tnone\t2021-03-04", "test\tnot-here\tnone\t2021-03-05"]
    (data / "metadata.tsv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    (data / "dev" / "text" / "harbour-notice.txt").write_text(_ARTICLE, encoding="utf-8")
    t = _ARTICLE
    lines = [
        _ann_line("T1", "Source", t, "The harbour office"),
        _ann_line("T2", "Cue", t, "said"),
        _ann_line("T3", "Content", t, "the ferry would sail at noon"),
        _ann_line("T4", "Attribution", t, "said"),
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
        _ann_line("T5", "Source", t, "Ms. Okafor"),
        _ann_line("T6", "Cue", t, "added"),
        _ann_line("T7", "Content", t, "that tickets were free"),
        _ann_line("T8", "Attribution", t, "added"),
        "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7",
        "#1\tAnnotatorNotes T7\ta note written",
        "over two lines",
    ]
    if bad_offset:
        lines[1] = lines[1].replace("\tsaid", "\tsays")
    ann = data / "dev" / "attributions" / "harbour-notice_ab12.ann"
    ann.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_load_split_reads_gold_date_and_checks_offsets(tmp_path: pathlib.Path) -> None:
    _write_polnear(tmp_path)
    articles, missing = polnear.load_split(tmp_path, "dev")
    assert missing == []
    (article,) = articles
    assert article.published == dt.date(2021, 3, 4)
    assert list(article.gold) == _gold_two()
    assert (article.spans_checked, article.spans_mismatched) == (6, 0)
    other = tmp_path / "other"
    _write_polnear(other, bad_offset=True)
    assert polnear.load_split(other, "dev")[0][0].spans_mismatched == 1


def test_polnear_command_line(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write_polnear(tmp_path)
    out = tmp_path / "figures.json"
    args = [str(tmp_path), "--split", "dev", "--json", str(out), "--errors", "2"]
    assert polnear.main(args) == 0
    printed = capsys.readouterr().out
    assert "PolNeAR dev: 1 articles" in printed
    assert "75.3 / 22.8" in printed
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["documents"] == 1
    assert figures["attributions"]["gold"] == 2
    assert figures["no_attribution_sentences"]["sentences"] == 2  # the title, the pier
    assert 0.0 <= figures["roles"]["cue_exact"]["f1"] <= 1.0


@pytest.mark.parametrize("split", ["dev", "train"])
def test_polnear_docs_figures_are_rendered_from_the_saved_run(split: str) -> None:
    """The PolNeAR figures in docs/extractors/attributions.md are exactly what
    ``--write-docs`` renders from the saved figures: none typed by hand."""
    figures = json.loads(polnear.figures_path(split).read_text(encoding="utf-8"))
    page = polnear.DOCS_PAGE.read_text(encoding="utf-8")
    assert block(page, f"polnear-{split}") == "\n".join(polnear.docs_lines(figures)), (
        f"run `python benchmarks/accuracy/polnear.py CORPUS_DIR --split {split} --write-docs`"
    )
    assert figures["split"] == split
    assert figures["commit"]
    assert figures["date"]


def test_polnear_write_docs_saves_figures_and_rewrites_only_its_block(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_polnear(tmp_path)
    page = tmp_path / "page.md"
    around = ("intro\n", "\n<!-- polnear-train:start -->\nkept\n<!-- polnear-train:end -->\n")
    page.write_text(
        around[0]
        + "<!-- polnear-dev:start -->\nstale figures\n<!-- polnear-dev:end -->"
        + around[1],
        encoding="utf-8",
    )
    monkeypatch.setattr(polnear, "DOCS_PAGE", page)
    monkeypatch.setattr(polnear, "FIGURES_DIR", tmp_path / "figures")
    monkeypatch.setattr(polnear, "_ROOT", tmp_path)
    assert polnear.main([str(tmp_path / "data"), "--split", "dev", "--write-docs"]) == 0
    saved = json.loads((tmp_path / "figures" / "polnear-dev.json").read_text(encoding="utf-8"))
    assert saved["documents"] == 1
    assert saved["attributions"]["gold"] == 2
    assert "time" not in saved  # machine-dependent, not rendered
    text = page.read_text(encoding="utf-8")
    assert text.startswith(around[0])
    assert text.endswith(around[1])
    assert block(text, "polnear-dev") == "\n".join(polnear.docs_lines(saved))
    assert "PolNeAR dev split, 1 articles" in text
    assert "stale figures" not in text
    assert "rewrote page.md" in capsys.readouterr().out


def test_polnear_refuses_the_test_split(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_polnear(tmp_path)
    assert polnear.main([str(tmp_path), "--split", "test"]) == 2
    assert "external benchmark" in capsys.readouterr().err


# ---- TimeML ------------------------------------------------------------------------------


def _tml(body: str, dct: str = "2021-03-04") -> str:
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>x</DOCID>\n'
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">'
        f"{dct}</TIMEX3></DCT>\n<TITLE>Not scored</TITLE>\n<TEXT>{body}</TEXT>\n</TimeML>\n"
    )


_BODY_A = (
    'The fair opens <TIMEX3 tid="t1" type="DATE" value="2021-03-06">on Saturday</TIMEX3> '
    'and lasts <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>; '
    'it began in <TIMEX3 tid="t3" type="DATE" value="1998">1998</TIMEX3> &amp; grew.'
)


def test_read_tml_strips_tags_and_keeps_offsets(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "a.tml"
    path.write_text(_tml(_BODY_A), encoding="utf-8")
    doc = timeml.read_tml(path, "g")
    assert doc.text == "The fair opens on Saturday and lasts three days; it began in 1998 & grew."
    assert doc.published == dt.date(2021, 3, 4)
    assert [(t.type, t.value, doc.text[t.start : t.end]) for t in doc.timexes] == [
        ("DATE", "2021-03-06", "on Saturday"),
        ("DURATION", "P3D", "three days"),
        ("DATE", "1998", "1998"),
    ]
    assert [t.text for t in doc.gold] == ["on Saturday", "1998"]


def _timexes() -> list[Timex]:
    text = "The fair opens on Saturday and lasts three days; it began in 1998 & grew."
    return [
        Timex(*_at(text, "on Saturday"), "DATE", "2021-03-06", "on Saturday"),
        Timex(*_at(text, "three days"), "DURATION", "P3D", "three days"),
        Timex(*_at(text, "1998"), "DATE", "1998", "1998"),
    ]


def _at(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _p(timex: Timex, value: str | None, *, trim: int = 0) -> Prediction:
    return Prediction(timex.start + trim, timex.end, timex.text[trim:], value)


def test_timeml_perfect_prediction_scores_one() -> None:
    gold = _timexes()
    s = timeml.score_document(gold, [_p(gold[0], "2021-03-06"), _p(gold[2], "1998")])
    c = timeml.CorpusScore("x")
    c.add(s)
    assert (c.strict.f1, c.relaxed.f1, c.value_accuracy, c.as_dict()["value"]["f1"]) == (
        1.0,
        1.0,
        1.0,
        1.0,
    )


def test_timeml_strict_relaxed_value_and_ignored() -> None:
    gold = _timexes()
    preds = [
        _p(gold[0], "2021-02-27", trim=3),  # "Saturday": relaxed only, wrong value
        _p(gold[1], None),  # on the DURATION only: ignored
        Prediction(0, 3, "The", "2021"),  # false positive
    ]
    s = timeml.score_document(gold, preds)
    assert s.ignored == 1
    assert (s.strict.gold, s.strict.pred, s.strict.gold_found, s.strict.pred_correct) == (
        2,
        2,
        0,
        0,
    )
    assert (s.relaxed.recall, s.relaxed.precision) == (0.5, 0.5)
    assert s.value_correct == 0
    assert len(s.wrong_values) == 1
    assert [g.value for g in s.misses] == ["1998"]
    assert len(s.false_positives) == 1
    c = timeml.CorpusScore("x")
    c.add(s)
    c.add(timeml.score_document(gold[2:], [_p(gold[2], "1998")]))
    # relaxed: 2 of 3 gold found, 2 of 3 predictions right; values: 1 of 2 found right
    assert c.relaxed.recall == pytest.approx(2 / 3)
    assert c.value_accuracy == 0.5
    assert c.as_dict()["value"]["f1"] == pytest.approx(0.5 * 2 / 3)


def _mention(precision: str, value: dt.date, value_end: dt.date | None) -> osintparse.DateMention:
    return osintparse.DateMention(
        start=0, end=1, text="x", precision=precision, value=value, value_end=value_end
    )


@pytest.mark.parametrize(
    ("precision", "value", "value_end", "timex"),
    [
        ("day", dt.date(2024, 2, 9), None, "2024-02-09"),
        ("day", dt.date(2024, 2, 10), dt.date(2024, 2, 11), "2024-W06-WE"),
        ("week", dt.date(2024, 1, 29), dt.date(2024, 2, 4), "2024-W05"),
        ("month", dt.date(2025, 4, 1), dt.date(2025, 4, 30), "2025-04"),
        ("quarter", dt.date(2024, 7, 1), dt.date(2024, 9, 30), "2024-Q3"),
        ("half", dt.date(2024, 1, 1), dt.date(2024, 6, 30), "2024-H1"),
        ("season", dt.date(2024, 6, 21), dt.date(2024, 9, 22), "2024-SU"),
        ("year", dt.date(2019, 1, 1), dt.date(2023, 12, 31), "2019"),
        ("decade", dt.date(1970, 1, 1), dt.date(1979, 12, 31), "197"),
    ],
)
def test_timex_of(precision: str, value: dt.date, value_end: dt.date | None, timex: str) -> None:
    assert timeml.timex_of(_mention(precision, value, value_end)) == timex


def test_timex_of_prefers_the_records_own_string() -> None:
    assert timeml.timex_of(types.SimpleNamespace(timex="PRESENT_REF", value=None)) == "PRESENT_REF"
    assert timeml.timex_of(types.SimpleNamespace(timex=None, value=None)) is None


def test_normal_value() -> None:
    assert timeml.normal_value("199X") == timeml.normal_value("199") == "199"
    assert timeml.normal_value("2001-W7") == "2001-W07"
    assert timeml.normal_value("XXXX-08") == "XXXX-08"


def test_timeml_command_line(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    for sub, body in (("alpha", _BODY_A), ("beta", "Nothing dated here."), ("copy", _BODY_A)):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / f"{sub}.tml").write_text(_tml(body), encoding="utf-8")
    out = tmp_path / "figures.json"
    assert timeml.main([str(tmp_path), "--lang", "en", "--json", str(out), "--errors", "3"]) == 0
    printed = capsys.readouterr().out
    assert "skipped duplicate" in printed
    assert "81.34 / 90.30 / 77.61" in printed
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(figures["corpora"]) == ["alpha", "beta"]
    assert figures["overall"]["documents"] == 2
    assert figures["overall"]["relaxed"]["gold"] == 2
    assert len(figures["skipped_duplicates"]) == 1


def test_timeml_command_line_errors(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert timeml.main([str(tmp_path / "absent")]) == 2
    assert timeml.main([str(tmp_path)]) == 2  # a directory without .tml files
    assert "no .tml file" in capsys.readouterr().err


def test_timeml_docs_figures_are_rendered_from_the_saved_run() -> None:
    """Every saved TimeML run's block in docs/extractors/dates.md is exactly what
    ``--write-docs`` renders from its saved figures: none typed by hand."""
    saved = sorted(timeml.FIGURES_DIR.glob("timeml-*.json"))
    assert saved, "no saved TimeML figures: run timeml.py ... --write-docs"
    page = timeml.DOCS_PAGE.read_text(encoding="utf-8")
    for path in saved:
        figures = json.loads(path.read_text(encoding="utf-8"))
        assert path == timeml.figures_path(figures["lang"])
        assert block(page, f"timeml-{figures['lang']}") == "\n".join(timeml.docs_lines(figures)), (
            f"run `python benchmarks/accuracy/timeml.py ... --lang {figures['lang']} --write-docs`"
        )
        assert figures["commit"]
        assert "skipped_duplicates" not in figures  # machine paths stay out of the repo


def test_timeml_write_docs_saves_figures_and_rewrites_only_its_block(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for sub, body in (("alpha", _BODY_A), ("beta", "Nothing dated here.")):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / f"{sub}.tml").write_text(_tml(body), encoding="utf-8")
    page = tmp_path / "page.md"
    around = ("intro\n", "\n<!-- timeml-en:start -->\nkept\n<!-- timeml-en:end -->\n")
    page.write_text(
        around[0] + "<!-- timeml-fr:start -->\nstale\n<!-- timeml-fr:end -->" + around[1],
        encoding="utf-8",
    )
    monkeypatch.setattr(timeml, "DOCS_PAGE", page)
    monkeypatch.setattr(timeml, "FIGURES_DIR", tmp_path / "figures")
    monkeypatch.setattr(timeml, "ROOT", tmp_path)
    args = [str(tmp_path / "alpha"), str(tmp_path / "beta"), "--lang", "fr", "--write-docs"]
    assert timeml.main(args) == 0
    saved = json.loads((tmp_path / "figures" / "timeml-fr.json").read_text(encoding="utf-8"))
    assert saved["overall"]["documents"] == 2
    text = page.read_text(encoding="utf-8")
    assert text.startswith(around[0])
    assert text.endswith(around[1])
    assert block(text, "timeml-fr") == "\n".join(timeml.docs_lines(saved))
    assert "| all | 2 |" in text
    assert "| alpha | 1 |" in text
    assert "stale" not in text
    assert "rewrote page.md" in capsys.readouterr().out
