"""osintparse.dask on a 2-process LocalCluster: results equal the single-process ones."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import osintparse
from osintparse import tables

dd = pytest.importorskip(
    "dask.dataframe", reason="the Dask tests need the extra: pip install 'osintparse[dask]'"
)
db = pytest.importorskip("dask.bag", reason="needs pip install 'osintparse[dask]'")
distributed = pytest.importorskip("distributed", reason="needs pip install 'osintparse[dask]'")
pd = pytest.importorskip("pandas", reason="needs pip install 'osintparse[dask]'")

import osintparse.dask as odask  # noqa: E402

# One worker of pytest -n 2 runs this whole module (--dist loadgroup in pyproject.toml), so
# the module's LocalCluster (two worker processes, each importing pandas and Dask) starts once.
pytestmark = pytest.mark.xdist_group("dask_cluster")

KINDS = ("claims", "quantities", "dates", "attributions", "sentences")

_FR = [
    "Selon le ministère de la Défense, {n} soldats sont arrivés le {d} mars {y}.",
    "Plus de {n} drones ont été abattus depuis janvier {y}, a affirmé l'armée.",
    "D'après l'AFP, environ {n} civils ont fui la ville la semaine dernière.",
]
_EN = [
    "According to the ministry, {n} soldiers arrived on March {d}, {y}.",
    "More than {n} drones have been shot down since January {y}, the army said.",
    "About {n} civilians fled the city last week, Reuters reported.",
]


def _article(i: int) -> str:
    lines = _FR if i % 3 else _EN
    body = " ".join(t.format(n=(i * 37) % 5000 + 2, d=i % 28 + 1, y=2020 + i % 6) for t in lines)
    title = f"Titre {i}" if i % 3 else f"Title {i}"
    return f"{title}\n\n{body}\n\nIntertitre\n\n{body}"


N = 60  # 10 articles in each of 6 partitions (240 took 13 s more CPU for the same checks)
TEXTS = [_article(i) for i in range(N)]
PUBLISHED = [dt.date(2025, 1 + i % 12, 1 + i % 28).isoformat() for i in range(N)]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def local() -> list[osintparse.Article]:
    parse = osintparse.Pipeline.default()
    return [
        parse(text, published=when, id=f"a{i}")
        for i, (text, when) in enumerate(zip(TEXTS, PUBLISHED, strict=True))
    ]


def test_parse_bag_on_cluster(client: Any, local: list[osintparse.Article]) -> None:
    items = [(f"a{i}", t) for i, t in enumerate(TEXTS)]
    bag = odask.parse_bag(db.from_sequence(items, npartitions=6), published=None)
    got = bag.compute()
    assert len(got) == N
    assert got == [osintparse.Pipeline.default()(t, id=f"a{i}") for i, t in enumerate(TEXTS)]
    assert len(client.scheduler_info()["workers"]) == 2


def test_parse_dataframe_on_cluster(client: Any, local: list[osintparse.Article]) -> None:
    pdf = pd.DataFrame({"uid": [f"a{i}" for i in range(N)], "body": TEXTS, "pub": PUBLISHED})
    ddf = dd.from_pandas(pdf, npartitions=6)
    for kind in KINDS:
        out = odask.parse_dataframe(ddf, "body", kind=kind, id_column="uid", published_column="pub")
        assert list(out.columns) == list(tables.columns(kind))
        got = out.compute().reset_index(drop=True)
        want = tables.frame(local, kind)
        pd.testing.assert_frame_equal(got, want)
        assert dict(got.dtypes.astype(str)) == tables.columns(kind)
    sentences = odask.parse_dataframe(ddf, "body", kind="sentences", id_column="uid").compute()
    assert len(sentences) == sum(len(a.sentences) for a in local) > N


def test_parse_dataframe_defaults_to_index_ids() -> None:
    pdf = pd.DataFrame({"text": ["Un. Deux.", None, "Trois."]}, index=[10, 11, 12])
    out = odask.parse_dataframe(dd.from_pandas(pdf, npartitions=2), "text", kind="sentences")
    got = out.compute(scheduler="sync")
    assert got["article_id"].tolist() == ["10", "10", "12"]
    assert got["text"].tolist() == ["Un.", "Deux.", "Trois."]


def test_flat_rows_keep_offsets(local: list[osintparse.Article]) -> None:
    frame = tables.frame(local[:20], "sentences")
    by_id = {a.id: a for a in local}
    for row in frame.itertuples():
        assert by_id[row.article_id].text[row.start : row.end] == row.text


def test_bad_arguments() -> None:
    ddf = dd.from_pandas(pd.DataFrame({"text": ["x"]}), npartitions=1)
    with pytest.raises(KeyError, match="no column 'body'"):
        odask.parse_dataframe(ddf, "body")
    with pytest.raises(osintparse.UnknownKindError, match="unknown kind 'words'"):
        odask.parse_dataframe(ddf, "text", kind="words")
    with pytest.raises(osintparse.UnsupportedLanguageError):
        odask.parse_dataframe(ddf, "text", lang="xx")
    bag = db.from_sequence(["x"])
    with pytest.raises(TypeError, match="does not take 'processes'"):
        odask.parse_bag(bag, processes=2)
    with pytest.raises(osintparse.InvalidPublishedError):
        odask.parse_bag(bag, published="yesterday")


def test_missing_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(osintparse.MissingDependencyError, match=r"osintparse\[dask\]"):
        odask.parse_bag([])  # type: ignore[arg-type]
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'osintparse\[dask\]'"):
        odask.frame_meta("claims")
