"""The JSON Schema of the Article document (issue 19): generated from the model, valid
for every serialised golden article, and in agreement with from_dict."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

import pytest

import osintparse
from osintparse.cli import main
from tests.conftest import ROOT
from tests.test_serialize import _DELETE, _mutated

jsonschema = pytest.importorskip("jsonschema", reason="needs jsonschema (pip install jsonschema)")


def _golden_texts() -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "tests" / "cases").glob("*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)["text"], path.parent.name


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = osintparse.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def golden_docs(seed: osintparse.Article) -> list[dict[str, Any]]:
    docs = [json.loads(osintparse.to_json(seed))]
    texts = list(_golden_texts())
    assert len(texts) > 100
    # One article per case text, and one article of all of a file's texts together
    # (so multi-paragraph articles with sections and claims are covered too).
    for text, lang in texts:
        docs.append(json.loads(osintparse.to_json(osintparse.parse(text, lang=lang))))
    for lang in ("fr", "en"):
        joined = "\n\n".join(t for t, lg in texts if lg == lang)
        docs.append(json.loads(osintparse.to_json(osintparse.parse(joined, lang=lang))))
    return docs


def test_every_golden_article_is_valid(validator: Any, golden_docs: list[dict[str, Any]]) -> None:
    for doc in golden_docs:
        errors = [e.message for e in validator.iter_errors(doc)]
        assert errors == [], doc["text"][:80]
        assert osintparse.to_dict(osintparse.from_dict(doc)) == doc


def test_schema_follows_the_model() -> None:
    import attrs

    schema = osintparse.json_schema()
    article = [f.name for f in attrs.fields(osintparse.Article)]
    assert schema["required"] == ["schema_version", *article]
    for cls in (
        osintparse.Quantity,
        osintparse.Claim,
        osintparse.Mention,
        osintparse.Section,
        osintparse.Place,
    ):
        node = schema["$defs"][cls.__name__]
        assert node["required"] == [f.name for f in attrs.fields(cls)]
        assert node["additionalProperties"] is False
    stance = schema["$defs"]["Claim"]["properties"]["stance"]["enum"]
    assert stance == [s.value for s in osintparse.Stance]


def _variants(base: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Documents both the schema and from_dict must refuse, each named."""

    def edit(path: str, value: Any) -> dict[str, Any]:
        return _mutated(base, path, value)

    yield "text only", {"text": "x"}
    yield "no schema_version", edit("schema_version", _DELETE)
    yield "schema_version 4", edit("schema_version", 4)
    yield "schema_version true", edit("schema_version", True)
    yield "schema_version string", edit("schema_version", "1")
    yield "missing lang", edit("lang", _DELETE)
    yield "unknown field", {**base, "colour": "red"}
    yield "text not a string", edit("text", 3)
    yield "bad enum", edit("claims.1.stance", "certain")
    yield "bad qualifier", edit("quantities.0.qualifier", "lots")
    yield "bool offset", edit("sentences.0.start", True)
    yield "negative offset", edit("sentences.0.start", -1)
    yield "float offset text", edit("sentences.0.end", "5")
    yield "huge int", edit("quantities.0.value", 10**400)
    yield "infinite float", edit("quantities.0.value", math.inf)
    yield "negative index", edit("sentences.1.paragraph", -7)
    yield "missing nested field", edit("attributions.0.cue", _DELETE)
    yield "reference not an index", edit("claims.1.attributions.0", "0")
    yield "negative reference", edit("claims.1.quantities.0", -1)
    yield "shared sources of no claim", edit("claims.2.attributions", {"claim": "1"})
    yield "shared sources, other keys", edit("claims.2.attributions", {"claim": 1, "x": 2})
    yield "unknown nested field", edit("quantities.0.colour", "red")
    yield "bad date", edit("published", "yesterday")
    yield "null text", edit("text", None)
    yield "extras not an object", edit("extras", [])
    yield "extras layer not a list", edit("extras", {"w": "x"})
    yield "layer not a list", edit("sentences", "x")
    yield "record not an object", edit("paragraphs", ["x"])


def test_schema_and_from_dict_agree(validator: Any) -> None:
    a = osintparse.parse(
        "Titre\n\nSelon l'AFP, plus de 300 soldats sont arrivés le 3 mai 2025. Ils sont partis.",
        lang="fr",
        published="2025-05-04",
    )
    base = json.loads(osintparse.to_json(a))
    valid = [
        base,
        json.loads(osintparse.to_json(osintparse.Article(text=""))),
        {**base, "extras": {"w": []}},
        {**base, "id": "x", "url": "https://example.org/a", "author": "J. M."},
        {**base, "published": "2025-05-04T12:30:00"},
    ]
    for doc in valid:
        assert validator.is_valid(doc), list(validator.iter_errors(doc))
        osintparse.from_dict(doc)
    for name, doc in _variants(base):
        assert not validator.is_valid(doc), name
        with pytest.raises(osintparse.SchemaError):
            osintparse.from_dict(doc)


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == osintparse.json_schema()
