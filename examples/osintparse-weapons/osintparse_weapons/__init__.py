"""An osintparse extractor for weapon designations, provided through an entry point.

Examples
--------
>>> from osintparse.extractors.base import Document
>>> layers = WeaponsExtractor()(Document.from_text("Des F-16 et un S-400.", lang="fr"))
>>> for m in layers["weapons"]:
...     print(m.text, m.label, m.data["family"], m.rule)
F-16 weapon aircraft aircraft:F-16
S-400 weapon air_defence air_defence:S-400
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from importlib import resources
from typing import Any, ClassVar

import attrs
import regex

from osintparse import Document, Mention

__all__ = ["WeaponsExtractor", "find_weapons"]


@functools.cache
def _designations() -> dict[str, str]:
    """Designation -> family, from the package's TOML data file."""
    data = tomllib.loads(resources.files(__name__).joinpath("weapons.toml").read_text("utf-8"))
    return {name: family for family, names in data["families"].items() for name in names}


@functools.cache
def _pattern() -> regex.Pattern[str]:
    # One alternation of literal names, longest first; no nested quantifiers, so it
    # runs in linear time on any input.
    names = sorted(_designations(), key=len, reverse=True)
    return regex.compile(
        r"(?<![\w-])(?:" + "|".join(regex.escape(n) for n in names) + r")(?![\w-])"
    )


def find_weapons(doc: Document) -> tuple[Mention, ...]:
    """Return a ``weapon`` :class:`~osintparse.Mention` per designation in ``doc``.

    Offsets point into the original text (matched on the normalised text, mapped back).
    """
    found = []
    families = _designations()
    for m in _pattern().finditer(doc.normalized.text):
        start, end = doc.normalized.span(m.start(), m.end())
        family = families[m.group()]
        found.append(
            Mention(
                start=start,
                end=end,
                text=doc.text[start:end],
                label="weapon",
                data={"family": family},
                extractor=WeaponsExtractor.name,
                rule=f"{family}:{m.group()}",
            )
        )
    return tuple(found)


@attrs.frozen
class WeaponsExtractor:
    """Add a ``weapons`` layer (stored in ``Article.extras["weapons"]``)."""

    name: ClassVar[str] = "weapons"
    produces: ClassVar[tuple[str, ...]] = ("weapons",)
    requires: ClassVar[tuple[str, ...]] = ()

    def __call__(self, doc: Document) -> Mapping[str, Any]:
        """Return the ``weapons`` layer of ``doc``."""
        return {"weapons": find_weapons(doc)}
