"""The examples run: the seed script, the tour notebook, and the plugin package."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import tomllib
from collections.abc import Iterator

import pytest

import osintparse
from osintparse.extractors import base
from tests.conftest import ROOT, SEED_PATH, assert_offsets

EXAMPLES = ROOT / "examples"
PLUGIN = EXAMPLES / "osintparse-weapons"


def test_parse_seed_script(seed: osintparse.Article, tmp_path: pathlib.Path) -> None:
    r = subprocess.run(
        [sys.executable, str(EXAMPLES / "parse_seed.py")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,  # the script finds the seed from its own location
        check=False,
    )
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == f"# {seed.title}"
    if seed.claims:
        assert f"{len(seed.claims)} claims:" in lines
        assert sum(line.startswith("- ") for line in lines) == len(seed.claims)
    else:
        assert f"no claims; {len(seed.body_sentences)} body sentences with their mentions:" in lines
        items = [line for line in lines if line.startswith("- [")]
        assert len(items) == len(seed.body_sentences)
        s = seed.body_sentences[0]
        assert items[0] == f"- [{s.start}:{s.end}] {s.text}"


def _notebook_code() -> list[str]:
    cells = json.loads((EXAMPLES / "tour.ipynb").read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


def test_tour_notebook_uses_parsed_articles_only() -> None:
    """No record is built by hand: every Article comes from parse() on a text file."""
    import ast

    records = {"Article", "Attribution", "Claim", "DateMention", "Hedge", "Quantity", "Mention"}
    records |= {"Sentence", "Paragraph", "Section", "Figure", "FigureGroup"}
    made: list[str] = []
    source = "\n".join(_notebook_code())
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            f = node.func
            name = getattr(f, "id", None) or getattr(f, "attr", "")
            if name in records:
                made.append(name)
    assert made == [], f"the notebook builds records by hand: {made}"
    assert "osintparse.parse(" in source
    assert '"articles"' in source  # the comparison reads examples/articles/*.txt


def test_example_articles_parse_into_comparable_figures() -> None:
    paths = sorted((EXAMPLES / "articles").glob("*.txt"))
    assert len(paths) >= 3
    articles = [osintparse.parse(p.read_text(encoding="utf-8")) for p in paths]
    for path, a in zip(paths, articles, strict=True):
        assert_offsets(a)
        kinds = [p.kind.value for p in a.paragraphs]
        assert "dateline" in kinds, path.name  # structure, not a claim
        assert "byline" in kinds, path.name
        assert any(c.attributions and c.quantities for c in a.claims), path.name
    groups = osintparse.compare(articles, names=[p.stem for p in paths])
    assert {f.article for f in groups[0].figures} == {p.stem for p in paths}


def test_tour_notebook_executes() -> None:
    nbformat = pytest.importorskip("nbformat", reason="needs the test extra (nbformat)")
    nbclient = pytest.importorskip("nbclient", reason="needs the test extra (nbclient)")
    nb = nbformat.read(EXAMPLES / "tour.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}
    )
    client.execute()  # raises CellExecutionError on any failing cell
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any('class="osintparse-article"' in h for h in html)  # Article._repr_html_
    assert any('data-kind="hedge"' in h and "osp-claims" in h for h in html)
    assert any("<table" in h and "dataframe" in h for h in html)  # pandas frames
    maps = [h for h in html if 'class="osintparse-map"' in h]  # PlaceMap._repr_html_
    assert len(maps) == 1
    assert maps[0].count('class="osp-marker"') >= 8
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the matplotlib chart


def _install_plugin_from_source(site: pathlib.Path) -> None:
    """Make the example package importable with its declared entry points, offline.

    Equivalent to installing it: the source folder goes on sys.path and a
    dist-info made from its pyproject.toml declares the same entry points.
    """
    meta = tomllib.loads((PLUGIN / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    info = site / f"{meta['name'].replace('-', '_')}-{meta['version']}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {meta['name']}\nVersion: {meta['version']}\n"
    )
    lines = []
    for group, eps in meta["entry-points"].items():
        lines.append(f"[{group}]")
        lines += [f"{name} = {target}" for name, target in eps.items()]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n")
    (info / "RECORD").write_text("")


@pytest.fixture
def plugin_installed(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    _install_plugin_from_source(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.syspath_prepend(str(PLUGIN))
    saved = dict(base._REGISTRY)
    base._entry_points.cache_clear()
    yield
    base._REGISTRY.clear()
    base._REGISTRY.update(saved)
    base._entry_points.cache_clear()
    sys.modules.pop("osintparse_weapons", None)


def test_plugin_through_entry_point(plugin_installed: None) -> None:
    assert "weapons" in osintparse.available_extractors()
    pipeline = osintparse.Pipeline(["structure", "weapons"])
    text = "Titre\n\nKiev a reçu des F-16 et des Storm\u00a0Shadow ; Moscou a tiré des Kh-101."
    a = pipeline(text, lang="fr")
    assert_offsets(a)
    found = [(m.text, m.label, m.data["family"], m.extractor) for m in a.extras["weapons"]]
    assert found == [
        ("F-16", "weapon", "aircraft", "weapons"),
        ("Storm\u00a0Shadow", "weapon", "missile", "weapons"),  # matched normalised, text original
        ("Kh-101", "weapon", "missile", "weapons"),
    ]
    assert a.extras["weapons"][0].rule == "aircraft:F-16"
    assert osintparse.from_dict(osintparse.to_dict(a)) == a
    html = a._repr_html_()
    assert html.count('data-kind="weapons"') == 3
    df = osintparse.to_dataframe(a, kind="weapons")
    assert [json.loads(d)["family"] for d in df["data"]] == ["aircraft", "missile", "missile"]


def test_plugin_on_the_seed_and_adversarial_input(plugin_installed: None) -> None:
    pipeline = osintparse.Pipeline(["structure", "weapons"])
    a = pipeline(SEED_PATH.read_text(encoding="utf-8"))
    assert a.extras["weapons"] == ()  # the seed names no weapon
    b = pipeline("F-" * 50_000 + "16", lang="fr")  # hang guard: linear pattern
    assert len(b.extras["weapons"]) == 0


def test_plugin_docstring_examples(plugin_installed: None) -> None:
    import doctest
    import importlib

    module = importlib.import_module("osintparse_weapons")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 3
    assert result.failed == 0
