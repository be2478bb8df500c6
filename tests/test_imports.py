"""``import osintparse`` stays light: no heavy dependency, no extractor engine (issue 18).

A module check, not a clock: the import time and the first parse are measured by
``python -m benchmarks``; here we check what makes them fast, in fresh interpreters.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SEED_PATH

# Optional or heavy dependencies, imported where first needed.
HEAVY = ("dateparser", "quantulum3", "langdetect", "pandas", "numpy", "dask", "IPython")
HEAVY += ("trafilatura", "text_to_num", "tqdm", "pyarrow")
# Engines, imported by the first parse (or the first find_* call), not by the import.
ENGINES = tuple(
    f"osintparse.extractors.{name}"
    for name in ("structure", "quantities", "dates", "attributions", "claims")
)
# Modules ``parse`` does not need: their names are re-exported lazily too.
UNNEEDED = ("osintparse.io.serialise", "osintparse.comparison", "osintparse.maps")
UNNEEDED += ("osintparse.tables",)
LAZY = (*ENGINES, "osintparse.io.html", *UNNEEDED)


def _modules_after(code: str) -> set[str]:
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_import_loads_no_heavy_module_and_no_engine() -> None:
    loaded = _modules_after("import osintparse")
    assert "osintparse.pipeline" in loaded  # the check can see osintparse's own modules
    assert sorted(loaded & set(HEAVY)) == []
    assert sorted(loaded & set(LAZY)) == []


def test_first_parse_loads_its_engines_and_no_heavy_module() -> None:
    # The seed article: langdetect only runs when the stop-word vote is unclear.
    loaded = _modules_after(
        f"import osintparse\nosintparse.parse(open({str(SEED_PATH)!r}, encoding='utf-8').read())"
    )
    assert set(ENGINES) <= loaded
    assert sorted(loaded & set(HEAVY)) == []
    assert sorted(loaded & set(UNNEEDED)) == []


@pytest.mark.parametrize(
    ("name", "module"),
    [
        ("find_dates", "osintparse.extractors.dates"),
        ("find_quantities", "osintparse.extractors.quantities"),
        ("find_attributions", "osintparse.extractors.attributions"),
        ("find_hedges", "osintparse.extractors.attributions"),
        ("parse_html", "osintparse.io.html"),
        ("to_json", "osintparse.io.serialise"),
        ("from_dict", "osintparse.io.serialise"),
        ("compare", "osintparse.comparison"),
        ("Figure", "osintparse.comparison"),
        ("place_map", "osintparse.maps"),
        ("to_dataframe", "osintparse.tables"),
    ],
)
def test_lazy_names_resolve_to_their_module(name: str, module: str) -> None:
    import importlib

    import osintparse

    assert getattr(osintparse, name) is getattr(importlib.import_module(module), name)
    assert name in dir(osintparse)
    assert name in osintparse.__all__


def test_unknown_attribute_is_an_attribute_error() -> None:
    import osintparse

    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        osintparse.nope  # noqa: B018
    assert not hasattr(osintparse, "find_nothing")


def test_lazy_submodules_stay_attributes_of_the_package() -> None:
    # ``import osintparse`` used to import them: ``osintparse.tables.rows`` still works.
    script = (
        "import osintparse\n"
        "print(osintparse.io.serialise.MAX_DATA_DEPTH, osintparse.tables.rows.__name__,"
        " osintparse.comparison.compare is osintparse.compare, osintparse.maps.__name__)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["64", "rows", "True", "osintparse.maps"]
