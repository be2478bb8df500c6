"""to_dataframe: one row per mention, article ids, offsets, flattened fields."""

from __future__ import annotations

import sys

import pandas as pd
import pytest

import osintparse
from osintparse.model import Article, Mention
from tests.annotate import hand_annotated_seed


@pytest.fixture(scope="module")
def annotated() -> Article:
    return hand_annotated_seed()


@pytest.mark.parametrize("kind", ["claims", "quantities", "dates", "attributions", "hedges"])
def test_one_row_per_mention_with_offsets(annotated: Article, kind: str) -> None:
    other = osintparse.Pipeline(["structure"])("Titre\n\nRien.", lang="fr")
    df = osintparse.to_dataframe([annotated, other, annotated], kind=kind)
    layer = getattr(annotated, kind)
    assert len(layer) > 0
    assert len(df) == 2 * len(layer)
    assert df["article"].tolist() == [0] * len(layer) + [2] * len(layer)  # index when id is None
    for row in df.itertuples():
        assert annotated.text[row.start : row.end] == row.text
    assert list(df.columns[:4]) == ["article", "start", "end", "text"]


def test_article_id_and_enums_as_strings(annotated: Article) -> None:
    import attrs

    a = attrs.evolve(annotated, id="seed-000")
    q = osintparse.to_dataframe(a, kind="quantities")
    assert set(q["article"]) == {"seed-000"}
    assert q["qualifier"].tolist() == ["more_than", "approximate", "exact"]
    assert all(type(v) is str for v in q["qualifier"])
    assert q.loc[0, "value"] == 10000.0
    assert q.loc[0, "noun"] == "militaires nord-coréens"
    att = osintparse.to_dataframe(a, kind="attributions")
    assert att["stance"].tolist() == ["reported", "reported", "confirmed"]
    assert att["source_kind"].tolist() == ["intelligence", "government", "government"]
    assert {"source_start", "cue_end", "content_start", "anaphoric", "rule"} <= set(att.columns)


def test_dates_are_datetimes(annotated: Article) -> None:
    d = osintparse.to_dataframe(annotated, kind="dates")
    assert pd.api.types.is_datetime64_any_dtype(d["value"])
    assert str(d.loc[0, "value"].date()) == "2025-04-01"
    assert str(d.loc[0, "value_end"].date()) == "2025-04-30"
    assert d.loc[0, "precision"] == "month"


def test_claims_flatten_nested_records(annotated: Article) -> None:
    c = osintparse.to_dataframe(annotated, kind="claims")
    assert "attributions" not in c.columns
    assert "quantities" not in c.columns
    first = c.iloc[0]
    assert first["sources"] == "Les services nationaux de renseignement de la Corée du Sud"
    assert first["source_kinds"] == "intelligence"
    assert first["n_quantities"] == 1
    assert first["figures"] == "more_than 10000 militaires nord-coréens"
    assert first["values"] == "10000"
    assert first["stance"] == "reported"
    last = c.iloc[-1]
    assert last["dates"] == "2025-04-01"
    assert str(last["first_date"].date()) == "2025-04-01"
    assert last["certainty"] == pytest.approx(0.9)


def test_empty_frames_keep_columns(seed: Article) -> None:
    empty = Article(text="x")
    df = osintparse.to_dataframe([empty], kind="claims")
    assert len(df) == 0
    assert {"article", "start", "end", "text", "stance", "sources", "figures"} <= set(df.columns)
    assert osintparse.to_dataframe([], kind="dates").columns.tolist()[:3] == [
        "article",
        "start",
        "end",
    ]


def test_custom_layer_and_sentences() -> None:
    m = Mention(start=6, end=11, text="S-400", label="weapon", data={"family": "SAM"})
    a = Article(text="Un lot S-400.", extras={"weapons": (m,)})
    df = osintparse.to_dataframe(a, kind="weapons")
    assert df.loc[0, "text"] == "S-400"
    assert df.loc[0, "data_family"] == "SAM"
    s = osintparse.to_dataframe(osintparse.parse("Un. Deux.", lang="fr"), kind="sentences")
    assert s["kind"].tolist() == ["body", "body"]


def test_unknown_kind() -> None:
    with pytest.raises(osintparse.UnknownKindError, match="claims, quantities"):
        osintparse.to_dataframe([Article(text="x")], kind="claim")


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(
        osintparse.MissingDependencyError, match=r"pip install 'osintparse\[pandas\]'"
    ):
        osintparse.to_dataframe([Article(text="x")], kind="claims")
