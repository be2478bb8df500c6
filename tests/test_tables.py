"""Tables (to_dataframe, Dask, CSV): one schema, one row per mention, article ids, offsets."""

from __future__ import annotations

import json
import sys

import pandas as pd
import pytest

import osintparse
from osintparse import tables
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
    # the article's position when its id is None
    assert df["article_id"].tolist() == ["0"] * len(layer) + ["2"] * len(layer)
    assert set(df["layer"]) == {kind}
    for row in df.itertuples():
        assert annotated.text[row.start : row.end] == row.text
    assert list(df.columns[:5]) == ["article_id", "layer", "start", "end", "text"]


def test_article_id_and_enums_as_strings(annotated: Article) -> None:
    import attrs

    a = attrs.evolve(annotated, id="seed-000")
    q = osintparse.to_dataframe(a, kind="quantities")
    assert set(q["article_id"]) == {"seed-000"}
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
    assert first["figures"] == ">10 000 militaires nord-coréens"
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
    assert {"article_id", "start", "end", "text", "stance", "sources", "figures"} <= set(df.columns)
    assert osintparse.to_dataframe([], kind="dates").columns.tolist()[:3] == [
        "article_id",
        "layer",
        "start",
    ]


def test_custom_layer_and_sentences() -> None:
    m = Mention(start=6, end=11, text="S-400", label="weapon", data={"family": "SAM"})
    a = Article(text="Un lot S-400.", extras={"weapons": (m,)})
    df = osintparse.to_dataframe(a, kind="weapons")
    assert df.loc[0, "text"] == "S-400"
    assert json.loads(df.loc[0, "data"]) == {"family": "SAM"}
    s = osintparse.to_dataframe(osintparse.parse("Un. Deux.", lang="fr"), kind="sentences")
    assert s["kind"].tolist() == ["body", "body"]


def test_unknown_kind() -> None:
    with pytest.raises(osintparse.UnknownKindError, match="hedges, places, claims"):
        osintparse.to_dataframe([Article(text="x")], kind="claim")


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(
        osintparse.MissingDependencyError, match=r"pip install 'osintparse\[pandas\]'"
    ):
        osintparse.to_dataframe([Article(text="x")], kind="claims")


def test_one_schema_for_dataframes_dask_and_csv(seed: Article) -> None:
    """The DataFrame, Dask's meta and the CLI's CSV have the same columns, custom too."""
    import csv
    import io

    from osintparse import tables
    from osintparse.cli import main

    pytest.importorskip("dask.dataframe")
    import osintparse.dask as odask

    for kind in [*tables.kinds(), "weapons"]:
        cols = list(tables.columns(kind))
        assert list(odask.frame_meta(kind).columns) == cols
        assert list(osintparse.tables.frame([], kind).columns) == cols
    assert list(osintparse.to_dataframe(seed, kind="claims").columns) == list(
        tables.columns("claims")
    )
    out = io.StringIO()
    main(["seeds/000_f65f4b272ae20413.txt", "--format", "csv"], out=out)
    header = next(csv.reader(io.StringIO(out.getvalue())))
    assert header == list(tables.columns("claims"))
    out = io.StringIO()
    main(["seeds/000_f65f4b272ae20413.txt", "--format", "csv", "--layer", "quantities"], out=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["article_id"] for r in rows] == ["seeds/000_f65f4b272ae20413.txt"] * 3
    assert [r["qualifier"] for r in rows] == ["more_than", "approximate", "exact"]


def test_quantity_rows_show_a_range_as_written_beside_its_midpoint() -> None:
    """Issue 15: a range's figure as written; its midpoint only in the value column."""
    a = osintparse.parse("Selon Kiev, entre 2 000 et 2 500 drones ont été lancés.", lang="fr")
    (row,) = osintparse.tables.rows(a, "quantities")
    assert (row["low"], row["high"], row["value"]) == (2000, 2500, 2250)
    assert row["figure"] == a.quantities[0].figure
    assert "2250" not in row["figure"].replace("\u202f", "").replace(" ", "")


def test_inheriting_claims_refer_to_the_row_holding_their_sources() -> None:
    # Issue 17: n sources inherited by n sentences wrote n² source cells; now the first
    # claim holding them writes them and the others name its row.
    n = 60
    text = "Selon Jean, " * n + "les soldats sont là." + " Il le dit." * n
    article = osintparse.parse(text, lang="fr")
    table = tables.rows(article, "claims")
    assert table[0]["same_sources_as"] is None
    assert table[0]["sources"].count("Jean") == n
    inheriting = [r for r in table[1:] if r["n_attributions"]]
    assert len(inheriting) == n
    assert {r["same_sources_as"] for r in inheriting} == {0}
    assert all(r["sources"] == r["provenance"] == r["source_kinds"] == "" for r in inheriting)
    assert sum(len(r["sources"]) for r in table) == len(table[0]["sources"])
