"""Sphinx configuration for the osintparse documentation.

Build: ``sphinx-build -W -b html docs docs/_build/html`` and
``sphinx-build -W -b doctest docs docs/_build/doctest`` (both run in ``.ci/run``).
Needs ``pip install '.[docs]'``; the build is offline (see ``_inventories/README.md``).
"""

from __future__ import annotations

import importlib
import pathlib
import sys
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import osintparse  # noqa: E402

project = "osintparse"
author = "osintparse developers"
copyright = "osintparse developers"
release = version = osintparse.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "_inventories", "Thumbs.db", ".DS_Store"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"osintparse {release}"
html_static_path = ["_static"]

# --- API reference --------------------------------------------------------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_numpy_docstring = True
napoleon_google_docstring = False
napoleon_use_rtype = False

# --- intersphinx: local inventories first, so the build needs no network -----------------------
intersphinx_mapping = {
    "python": ("https://docs.python.org/3.11", ("_inventories/python.inv", None)),
    "attrs": ("https://www.attrs.org/en/stable", ("_inventories/attrs.inv", None)),
}
intersphinx_timeout = 5

# --- doctest ----------------------------------------------------------------------------------
# The doctest builder runs the {doctest} / {testcode} blocks of these pages. Docstring
# examples (the ``>>>`` blocks autodoc pulls in) are run by pytest --doctest-modules with
# their module's globals, which Sphinx does not provide, so they are not run twice here.
doctest_test_doctest_blocks = ""
doctest_global_setup = f"""
import pathlib
import osintparse
ROOT = pathlib.Path({str(ROOT)!r})
"""
import doctest as _doctest  # noqa: E402

doctest_default_flags = (
    _doctest.ELLIPSIS | _doctest.NORMALIZE_WHITESPACE | _doctest.DONT_ACCEPT_TRUE_FOR_1
)

# --- nitpicky: every reference must resolve ---------------------------------------------------
nitpicky = True
nitpick_ignore = [
    # pandas is an optional dependency and has no local inventory (the build is offline):
    # the return annotation of to_dataframe stays unresolved on purpose.
    ("py:class", "pandas.DataFrame"),
    ("py:class", "pd.DataFrame"),
    # dask is an optional dependency too, with no local inventory.
    ("py:class", "dask.bag.Bag"),
    # batch.py annotates with the module alias ``_dt`` and multiprocessing's context base,
    # which the Python inventory does not list.
    ("py:class", "_dt.date"),
    ("py:class", "_dt.datetime"),
    ("py:class", "multiprocessing.context.BaseContext"),
    ("py:class", "dask.dataframe.DataFrame"),
    # Type variables and private aliases in signatures have no page of their own.
    ("py:class", "osintparse.extractors.base._F"),
    ("py:class", "osintparse.cli._T"),
    ("py:class", "osintparse.io.serialise._T"),
    # text.py annotates with ``array`` (from ``from array import array``): Sphinx cannot
    # tell the class from the module of the same name.
    ("py:class", "array"),
    ("py:class", "_F"),
    ("py:class", "_T"),
]
nitpick_ignore_regex = [
    # attrs-generated classes show their private validators/converters in signatures.
    ("py:.*", r"osintparse\.model\._.*"),
]


def _resolve_reexports(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve ``osintparse.Name`` to where ``Name`` is documented (its defining module).

    ``osintparse/__init__.py`` only re-exports; the API pages document each name in its
    own module, and docstrings refer to the short public name.
    """
    if node.get("refdomain") != "py":
        return None
    target: str = node["reftarget"]
    parts = target.split(".")
    if parts[0] != "osintparse":
        return None
    for cut in range(len(parts) - 1, 0, -1):
        modname = ".".join(parts[:cut])
        try:
            obj: Any = importlib.import_module(modname)
        except ImportError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr, None)
        owner = getattr(obj, "__module__", None)
        if owner and owner != modname and owner.startswith("osintparse"):
            new = f"{owner}.{'.'.join(parts[cut:])}"
            domain = env.get_domain("py")
            return domain.resolve_xref(
                env, node["refdoc"], app.builder, node["reftype"], new, node, contnode
            )
        return None
    return None


def _api_modules() -> list[str]:
    """Every public module of the package, so a new module is documented without edits."""
    import pkgutil

    found = ["osintparse.extractors"]
    for info in pkgutil.walk_packages(osintparse.__path__, "osintparse."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            found.append(info.name)
    return sorted(set(found))


def _extend_sources(app: Any, docname: str, source: list[str]) -> None:
    """Append generated text to two pages: the API modules and the extractor pages."""
    if docname == "api":
        for name in _api_modules():
            source[0] += f"\n{name}\n{'-' * len(name)}\n\n.. automodule:: {name}\n"
            if name == "osintparse.model":
                # the records' fields are slots: list them so :attr: references resolve
                source[0] += "   :undoc-members:\n   :private-members: _repr_html_\n"
    elif docname == "conformance":
        pages = sorted(
            d
            for d in app.env.found_docs
            if d.startswith("extractors/") and d != "extractors/structure"
        )
        if pages:
            source[0] += "\n" + "".join(f"- {{doc}}`{d}`\n" for d in pages)
        else:
            source[0] += "\n(No extractor page with pass rates yet.)\n"


def setup(app: Any) -> None:
    app.connect("missing-reference", _resolve_reexports)
    app.connect("source-read", _extend_sources)
