"""parse_many: order, ids, paths, errors, pools, and pickling of Articles and Pipelines."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import pathlib
import pickle
import re
from collections.abc import Mapping
from typing import Any, ClassVar

import attrs
import pytest

import osintparse
from osintparse.extractors.base import Document
from osintparse.model import Mention

FR = "Titre {i}\n\nSelon Séoul, {i} 000 soldats sont arrivés le 3 mars. Ils repartent."
EN = "Title {i}\n\nThe ministry said {i} drones were shot down on Monday."


def _texts(n: int) -> list[str]:
    return [(FR if i % 2 else EN).format(i=i) for i in range(n)]


@attrs.frozen
class _Shout:
    """A custom extractor defined in a test module (importable, so picklable)."""

    name: ClassVar[str] = "shout"
    produces: ClassVar[tuple[str, ...]] = ("shouts",)
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    word: str = "SOLDATS"

    def __call__(self, doc: Document) -> Mapping[str, Any]:
        i = doc.text.upper().find(self.word)
        if i < 0:
            return {"shouts": ()}
        found = doc.text[i : i + len(self.word)]
        return {"shouts": (Mention(start=i, end=i + len(found), text=found, label="shout"),)}


@attrs.frozen
class _Boom:
    name: ClassVar[str] = "boom"
    produces: ClassVar[tuple[str, ...]] = ()
    requires: ClassVar[tuple[str, ...]] = ()

    def __call__(self, doc: Document) -> Mapping[str, Any]:
        if "BOOM" in doc.text:
            raise RuntimeError("exploded on purpose")
        return {}


def test_article_pickles(seed: osintparse.Article) -> None:
    assert seed.sentences, "the seed parse should have sentences"
    assert pickle.loads(pickle.dumps(seed)) == seed
    dated = osintparse.parse("Un texte.", lang="fr", published="2025-05-01T10:00:00")
    assert pickle.loads(pickle.dumps(dated)) == dated


def _records_by_id(value: object, out: dict[int, object]) -> dict[int, object]:
    if attrs.has(type(value)):
        if id(value) not in out:
            out[id(value)] = value
            for field in attrs.fields(type(value)):
                _records_by_id(getattr(value, field.name), out)
    elif isinstance(value, tuple | list):
        for item in value:
            _records_by_id(item, out)
    elif isinstance(value, Mapping):
        for item in value.values():
            _records_by_id(item, out)
    return out


def test_compact_result_pickle_round_trips_and_keeps_shared_records(
    seed: osintparse.Article,
) -> None:
    from osintparse import batch

    articles = [seed, osintparse.parse("The ministry said 300 drones fell.", lang="en")]
    back = batch._unpack(batch._pack(articles))
    assert back == articles
    # A record shared by reference (a claim's source is the attribution itself) stays
    # one object: as many distinct records come back as went.
    assert len(_records_by_id(back, {})) == len(_records_by_id(articles, {}))
    assert len(_records_by_id(articles, {})) > 50


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="the warm-up is for forked workers"
)
def test_fork_pool_warms_the_parent_once() -> None:
    import subprocess
    import sys

    code = (
        "import osintparse\n"
        "from osintparse import lexicons\n"
        "texts = ['Selon le ministère, 300 soldats sont arrivés hier.'] * 4\n"
        "arts = list(osintparse.parse_many(texts, processes=2))\n"
        "warmed = lexicons.load.cache_size() > 5\n"
        "assert arts == [osintparse.parse(t) for t in texts]\n"
        "print(warmed)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # The first text was parsed in this process before the workers were forked (they
    # inherit the lexicons and compiled engines instead of each building them on every
    # call): this process loaded the lexicons, which only a parse does.
    assert out.stdout.strip() == "True", out.stderr


def test_pipelines_pickle() -> None:
    default = osintparse.Pipeline.default()
    assert pickle.loads(pickle.dumps(default)) == default
    custom = osintparse.Pipeline(["structure", _Shout(word="ARRIV")])
    back = pickle.loads(pickle.dumps(custom))
    assert back == custom
    assert back.names == ("structure", "shout")
    text = FR.format(i=1)
    assert back(text, lang="fr") == custom(text, lang="fr")


def test_serial_matches_parse_in_order() -> None:
    texts = _texts(40)
    got = list(osintparse.parse_many(texts, processes=1))
    assert [a.text for a in got] == texts
    assert got == [osintparse.parse(t) for t in texts]


def test_two_processes_equal_one() -> None:
    texts = _texts(300)
    one = list(osintparse.parse_many(texts, processes=1, published="2025-05-01"))
    two = list(osintparse.parse_many(texts, processes=2, chunksize=7, published="2025-05-01"))
    assert two == one
    assert [a.published for a in two] == [dt.date(2025, 5, 1)] * 300


def test_spawned_workers_use_the_given_pipeline() -> None:
    pipe = osintparse.Pipeline(["structure", _Shout()])
    texts = _texts(12)
    ctx = multiprocessing.get_context("spawn")
    got = list(osintparse.parse_many(texts, processes=2, pipeline=pipe, mp_context=ctx))
    assert got == [pipe(t) for t in texts]
    assert [len(a.extras["shouts"]) for a in got] == [i % 2 for i in range(12)]


def test_ids_and_pairs(tmp_path: pathlib.Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(FR.format(i=5), encoding="utf-8")
    items: list[osintparse.batch.Item] = ["plain text.", ("my-id", "Some text."), f, ("f-id", f)]
    got = list(osintparse.parse_many(items, processes=2, chunksize=1))
    assert [a.id for a in got] == [None, "my-id", str(f), "f-id"]
    assert got[2].text == got[3].text == FR.format(i=5)


def test_paths_read_as_utf8_with_bom(tmp_path: pathlib.Path) -> None:
    f = tmp_path / "bom.txt"
    f.write_bytes("\ufeffSelon l'AFP, 3 morts.".encode())
    (a,) = osintparse.parse_many([f], processes=1)
    assert a.text == "Selon l'AFP, 3 morts."


@pytest.mark.parametrize("processes", [1, 2])
def test_unreadable_path_raises_naming_it_after_earlier_items(
    tmp_path: pathlib.Path, processes: int
) -> None:
    missing = tmp_path / "missing.txt"
    it = osintparse.parse_many(["Un.", "Deux.", missing, "Trois."], processes=processes)
    assert [a.text for a in (next(it), next(it))] == ["Un.", "Deux."]
    with pytest.raises(osintparse.ReadError, match=r"missing\.txt: cannot read") as info:
        next(it)
    assert any("item 2" in note for note in info.value.__notes__)


def test_undecodable_and_directory_paths(tmp_path: pathlib.Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Séoul".encode("latin-1"))
    with pytest.raises(osintparse.DecodeError, match=r"latin1\.txt: not valid UTF-8"):
        list(osintparse.parse_many([bad], processes=2))
    with pytest.raises(osintparse.ReadError, match=re.escape(str(tmp_path))):
        list(osintparse.parse_many([tmp_path], processes=1))


def test_skip_warns_and_keeps_the_rest(tmp_path: pathlib.Path) -> None:
    items: list[Any] = ["Un.", tmp_path / "nope.txt", b"bytes", ("id", 3), "Deux."]
    with pytest.warns(osintparse.SkippedItemWarning) as record:
        got = list(osintparse.parse_many(items, processes=2, chunksize=2, on_error="skip"))
    assert [a.text for a in got] == ["Un.", "Deux."]
    messages = [str(w.message) for w in record]
    assert len(messages) == 3
    assert "item 1 (path" in messages[0]
    assert "nope.txt" in messages[0]
    assert "item 2" in messages[1]
    assert "decode bytes first" in messages[1]
    assert "item 3 (id 'id')" in messages[2]
    assert "got int" in messages[2]


def test_bad_item_type_raises() -> None:
    with pytest.raises(osintparse.InputTypeError, match="got NoneType"):
        list(osintparse.parse_many(["ok", None], processes=1))  # type: ignore[list-item]


def test_extractor_error_comes_back_from_a_worker_with_a_note() -> None:
    pipe = osintparse.Pipeline(["structure", _Boom()])
    items = [("a", "fine."), ("b", "BOOM here."), ("c", "never reached.")]
    it = osintparse.parse_many(items, processes=2, pipeline=pipe, chunksize=1)
    assert next(it).id == "a"
    with pytest.raises(RuntimeError, match="exploded on purpose") as info:
        next(it)
    assert "item 1 (id 'b')" in info.value.__notes__[-1]
    assert multiprocessing.active_children() == [], "the pool should be shut down"


def test_bad_options_fail_at_once() -> None:
    with pytest.raises(osintparse.UnsupportedLanguageError):
        osintparse.parse_many([], lang="xx")
    with pytest.raises(osintparse.InvalidPublishedError):
        osintparse.parse_many([], published="yesterday")
    with pytest.raises(ValueError, match="processes"):
        osintparse.parse_many([], processes=0)
    with pytest.raises(ValueError, match="chunksize"):
        osintparse.parse_many([], chunksize=0)
    with pytest.raises(ValueError, match="on_error"):
        osintparse.parse_many([], on_error="ignore")  # type: ignore[arg-type]


def test_lazy_input_and_early_stop() -> None:
    consumed: list[int] = []

    def gen() -> Any:
        for i in range(10_000):
            consumed.append(i)
            yield f"Phrase {i}."

    it = osintparse.parse_many(gen(), processes=2, chunksize=4)
    first = [next(it).text for _ in range(3)]
    it.close()  # type: ignore[attr-defined]
    assert multiprocessing.active_children() == [], "the pool should be shut down"
    assert first == ["Phrase 0.", "Phrase 1.", "Phrase 2."]
    assert len(consumed) < 100, "the input should be read a few chunks ahead, not all"


def test_progress_callable_and_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    seen: list[int] = []
    list(osintparse.parse_many(_texts(5), processes=1, progress=seen.append))
    assert seen == [1, 2, 3, 4, 5]
    list(osintparse.parse_many(_texts(3), processes=1, progress=True))
    assert "parse_many: 3 articles" in capsys.readouterr().err


def test_empty_input() -> None:
    assert list(osintparse.parse_many([], processes=2)) == []
