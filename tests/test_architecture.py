"""The module map of docs/architecture.md holds: imports point down, no private name
crosses a subpackage, every extractor lives in its own subpackage."""

from __future__ import annotations

import ast
import pathlib

import pytest

import osintparse

PACKAGE = pathlib.Path(osintparse.__file__).resolve().parent

# Rank of each module (by dotted prefix, longest wins): a module may import modules of
# the same or a lower rank only. docs/architecture.md shows the same map.
RANKS: dict[str, int] = {
    "osintparse.errors": 0,
    "osintparse._cache": 0,
    "osintparse._regexcode": 0,
    "osintparse._records": 0,
    "osintparse.text": 1,
    "osintparse._patterns": 1,
    "osintparse.lexicons": 1,
    "osintparse.model": 1,
    "osintparse.layers": 2,
    "osintparse.lang": 2,
    "osintparse.extractors.base": 2,
    "osintparse.extractors": 3,
    "osintparse.pipeline": 4,
    "osintparse.io": 5,
    "osintparse.tables": 5,
    "osintparse.comparison": 5,
    "osintparse.display": 5,
    "osintparse.maps": 5,
    "osintparse.batch": 6,
    "osintparse.dask": 7,
    "osintparse.cli": 8,
    "osintparse.__main__": 9,
    "osintparse": 9,
}
# The one upward import allowed: Article._repr_html_, Jupyter's hook, draws the article.
ALLOWED_UP = {("osintparse.model", "osintparse.display")}


def _module_name(path: pathlib.Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _rank(module: str) -> int:
    best = max((p for p in RANKS if module == p or module.startswith(p + ".")), key=len)
    return RANKS[best]


def _imports(path: pathlib.Path) -> list[tuple[int, str, list[str]]]:
    """``(line, module, names)`` of every osintparse import, lazy ones included."""
    found: list[tuple[int, str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] == "osintparse":
                names = [a.name for a in node.names]
                found.append((node.lineno, node.module, names))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "osintparse":
                    found.append((node.lineno, alias.name, []))
    return found


def _target(module: str, name: str) -> str:
    """``from osintparse import layers`` imports the module osintparse.layers."""
    candidate = f"{module}.{name}"
    as_path = PACKAGE.parent.joinpath(*candidate.split("."))
    if as_path.with_suffix(".py").is_file() or as_path.joinpath("__init__.py").is_file():
        return candidate
    return module


SOURCES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: _module_name(p))
def test_imports_point_down(path: pathlib.Path) -> None:
    me = _module_name(path)
    if me == "osintparse":
        return  # the facade re-exports everything
    bad = []
    for line, module, names in _imports(path):
        for target in {_target(module, n) for n in names} or {module}:
            if _rank(target) > _rank(me) and (me, target) not in ALLOWED_UP:
                bad.append(f"line {line}: {me} (rank {_rank(me)}) imports {target}")
    assert bad == []


def _subpackage(module: str) -> str | None:
    parts = module.split(".")
    if parts[:2] == ["osintparse", "extractors"] and len(parts) > 2 and parts[2] != "base":
        return parts[2]
    return None


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: _module_name(p))
def test_no_private_name_crosses_a_subpackage(path: pathlib.Path) -> None:
    me = _module_name(path)
    mine = _subpackage(me)
    bad = []
    for line, module, names in _imports(path):
        theirs = _subpackage(module)
        if theirs is None or theirs == mine:
            continue
        private_module = any(p.startswith("_") for p in module.split(".")[3:])
        private_names = [n for n in names if n.startswith("_")]
        if private_module or private_names:
            bad.append(f"line {line}: {me} imports {module} {private_names or ''}")
    assert bad == []


def test_each_builtin_extractor_is_a_subpackage() -> None:
    from osintparse.extractors import base

    for name, target in base._BUILTINS.items():
        module = target.split(":")[0]
        assert module == f"osintparse.extractors.{name}"
        assert PACKAGE.joinpath("extractors", name, "__init__.py").is_file()
    loose = [p.name for p in PACKAGE.joinpath("extractors").glob("*.py")]
    assert sorted(loose) == ["__init__.py", "base.py"]


def test_the_architecture_page_shows_every_module() -> None:
    page = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    for path in SOURCES:
        rel = str(path.relative_to(PACKAGE.parent))
        if "/extractors/" in rel and rel.count("/") > 2:
            rel = rel.rsplit("/", 1)[0] + "/"  # an extractor subpackage is one entry
        if "/lexicons/" in rel:
            rel = "osintparse/lexicons/"
        assert rel in page, f"{rel} is missing from docs/architecture.md"
