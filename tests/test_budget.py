"""The per-article work budget (issue 17): above it, a structure-only result and a warning."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings

import pytest

import osintparse
from osintparse.cli import main
from osintparse.pipeline import WORK_PER_SENTENCE, work
from tests import bounds

TEXT = (
    "Kharkiv : le bilan s'alourdit\n\n"
    "Selon l'AFP, plus de 300 soldats sont arrivés à Kharkiv le 3 mai 2025. "
    "Ils seraient repartis hier, a affirmé le ministère.\n"
)
STRUCTURE = ("title", "paragraphs", "sections", "sentences")
OTHERS = ("quantities", "dates", "attributions", "hedges", "places", "claims")


def _degraded(text: str, **kw: object) -> tuple[osintparse.Article, list[warnings.WarningMessage]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = osintparse.parse(text, lang="fr", published="2025-05-04", **kw)  # type: ignore[arg-type]
    return article, [w for w in caught if w.category is osintparse.WorkBudgetWarning]


def test_an_article_within_its_budget_is_complete_and_silent() -> None:
    article, caught = _degraded(TEXT)
    assert not caught
    assert article.complete
    assert article.skipped == ()
    assert article.quantities
    assert article.claims


def test_over_its_budget_an_article_keeps_its_structure_only_with_a_warning() -> None:
    full = osintparse.parse(TEXT, lang="fr", published="2025-05-04")
    units = work(full.text, full.sentences)
    article, caught = _degraded(TEXT, budget=units - 1)
    for name in STRUCTURE:
        assert getattr(article, name) == getattr(full, name), name
    for name in OTHERS:
        assert getattr(article, name) == (), name
    assert article.skipped == ("quantities", "dates", "attributions", "places", "claims")
    assert not article.complete
    (warning,) = caught
    message = str(warning.message)
    assert f"{units:,}" in message
    assert f"{units - 1:,}" in message
    assert "budget=None" in message
    assert "quantities" in message
    assert warning.filename == __file__  # points at the caller's line


def test_the_budget_is_not_exceeded_at_equality_and_none_means_no_limit() -> None:
    full = osintparse.parse(TEXT, lang="fr", published="2025-05-04")
    units = work(full.text, full.sentences)
    assert _degraded(TEXT, budget=units)[0] == full
    assert _degraded(TEXT, budget=None)[0] == full
    assert _degraded(TEXT * 50, budget=None)[0].complete


def test_work_counts_characters_and_sentences_only() -> None:
    assert work("abc") == 3
    assert work("abc", [object()] * 4) == 3 + 4 * WORK_PER_SENTENCE
    # The default passes 1 MB of one-letter lines (500 000 sentences) and 20 MB of news,
    # and stops 10 MB of one-letter lines, without parsing them.
    assert work("A\n" * 500_000, range(500_000)) <= osintparse.WORK_BUDGET
    assert work("x" * 20_000_000, range(200_000)) <= osintparse.WORK_BUDGET
    assert work("A\n" * 5_000_000, range(5_000_000)) > osintparse.WORK_BUDGET


@pytest.mark.parametrize("bad", [-1, 1.5, True, "10", [10]])
def test_a_budget_that_is_not_a_whole_number_is_refused(bad: object) -> None:
    with pytest.raises(osintparse.InputTypeError, match="budget must be a whole number"):
        osintparse.parse(TEXT, lang="fr", budget=bad)  # type: ignore[arg-type]


def test_custom_extractors_are_skipped_and_structure_only_pipelines_never_are() -> None:
    class Hashtags:
        name, produces, requires = "hashtags", ("hashtags",), ("sentences",)

        def __call__(self, doc: osintparse.Document) -> dict[str, tuple[osintparse.Mention, ...]]:
            raise AssertionError("a skipped extractor must not run")

    article, caught = _degraded(TEXT, budget=0, extractors=[Hashtags()])
    assert article.skipped[-1] == "hashtags"
    assert "hashtags" not in article.extras
    assert caught
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        structure = osintparse.Pipeline(["structure"])(TEXT, lang="fr", budget=0)
    assert structure.complete
    assert structure.sentences


def test_a_degraded_article_round_trips_and_older_documents_read_as_complete() -> None:
    article, _ = _degraded(TEXT, budget=0)
    data = osintparse.to_dict(article)
    assert data["schema_version"] == 3
    assert data["skipped"] == list(article.skipped)
    assert osintparse.from_dict(json.loads(osintparse.to_json(article))) == article
    older = dict(osintparse.to_dict(osintparse.parse(TEXT, lang="fr")).items())
    del older["skipped"]
    older["schema_version"] = 2
    assert osintparse.from_dict(older).complete
    with pytest.raises(osintparse.SchemaError, match="added in schema version 3"):
        osintparse.from_dict({**data, "schema_version": 2})
    with pytest.raises(osintparse.SchemaError, match=r"Article.skipped\[0\]: expected str"):
        osintparse.from_dict({**data, "skipped": [3]})


def test_the_result_is_the_same_in_another_process() -> None:
    # The budget counts characters and sentences, not time: a loaded machine gives the
    # same result as an idle one.
    code = (
        "import json, warnings, osintparse; warnings.simplefilter('ignore'); "
        "import sys; a = osintparse.parse(sys.stdin.read(), lang='fr', budget=200); "
        "print(json.dumps(a.skipped))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], input=TEXT, capture_output=True, text=True, check=True
    )
    assert tuple(json.loads(out.stdout)) == _degraded(TEXT, budget=200)[0].skipped


def test_a_degraded_parse_costs_less_than_a_full_one() -> None:
    text = "A\n" * 20_000
    osintparse.parse(text[:2000], lang="fr")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", osintparse.WorkBudgetWarning)
        _, degraded = bounds.cpu_seconds(lambda: osintparse.parse(text, lang="fr", budget=0))
    _, full = bounds.cpu_seconds(lambda: osintparse.parse(text, lang="fr", budget=None))
    assert degraded < 0.8 * full, (degraded, full)


def test_the_command_line_reports_the_warning_and_takes_a_budget(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    import pathlib

    path = pathlib.Path(str(tmp_path)) / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main([str(path), "--lang", "fr", "--format", "jsonl", "--budget", "10"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["skipped"][0] == "quantities"
    assert "warning" in err
    assert "budget=None" in err
    assert main([str(path), "--lang", "fr", "--format", "jsonl", "--budget", "none"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["skipped"] == []
    assert "budget" not in err
