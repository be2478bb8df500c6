"""The Spark recipe of docs/batch.md, run where pyspark and Java are installed."""

from __future__ import annotations

import os
import shutil
from typing import Any

import pytest

from tests.conftest import ROOT

DOC = ROOT / "docs" / "batch.md"
MARKER = "# spark-recipe"


def _recipe() -> str:
    text = DOC.read_text(encoding="utf-8")
    blocks = text.split("```python\n")[1:]
    found = [b.split("\n```", 1)[0] for b in blocks if b.startswith(MARKER)]
    assert len(found) == 1, f"expected one ```python block starting {MARKER!r} in {DOC}"
    return found[0]


def test_the_doc_has_the_recipe() -> None:
    code = _recipe()
    assert "mapInPandas(parse_batches" in code
    compile(code, str(DOC), "exec")


def test_spark_recipe_runs_and_matches_pandas() -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install pyspark)")
    pd = pytest.importorskip("pandas", reason="needs pip install 'osintparse[dask]'")
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        pytest.skip("pyspark is installed but Java is not (Spark needs a JVM)")
    from osintparse.dask import parse_pandas

    code = _recipe()
    assert 'KIND = "claims"' in code
    scope: dict[str, Any] = {}
    try:
        # As written (claims), then for layers the structure extractor fills today and
        # layers with dates, nullable ints and floats (same session: getOrCreate).
        for kind in ("claims", "sentences", "quantities", "dates"):
            scope = {"__name__": "spark_recipe"}
            exec(
                compile(code.replace('KIND = "claims"', f"KIND = {kind!r}"), str(DOC), "exec"),
                scope,
            )
            articles = scope["articles"].toPandas()
            got = scope["mentions"].toPandas()
            got = got.sort_values(["article_id", "start"]).reset_index(drop=True)
            want = parse_pandas(articles, "text", kind=kind, id_column="id")
            want = want.sort_values(["article_id", "start"]).reset_index(drop=True)
            assert list(got.columns) == list(want.columns), kind
            assert len(got) == len(want), kind
            for column in ("article_id", "layer", "start", "end", "text"):
                assert got[column].astype(str).tolist() == want[column].astype(str).tolist()
            if kind == "sentences":
                assert len(got) >= 4
                assert pd.api.types.is_integer_dtype(got["start"])
    finally:
        if "spark" in scope:
            scope["spark"].stop()
