"""The ``structure`` extractor: title, paragraphs, sections and sentences.

The rules are in :func:`analyse`.

Examples
--------
>>> from osintparse.extractors.base import Document
>>> layers = StructureExtractor()(Document.from_text("Titre\\n\\nUne phrase.", lang="fr"))
>>> layers["title"], len(layers["sentences"])
('Titre', 2)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from osintparse._records import record_repr
from osintparse.extractors.base import Document
from osintparse.extractors.structure._engine import Structure, analyse

__all__ = ["Structure", "StructureExtractor", "analyse"]


@attrs.frozen
class StructureExtractor:
    """Split the document into title, paragraphs, sections and sentences.

    Examples
    --------
    >>> StructureExtractor().produces
    ('title', 'paragraphs', 'sections', 'sentences')
    """

    __repr__ = record_repr

    name: ClassVar[str] = "structure"
    produces: ClassVar[tuple[str, ...]] = ("title", "paragraphs", "sections", "sentences")
    requires: ClassVar[tuple[str, ...]] = ()

    def __call__(self, doc: Document) -> Mapping[str, Any]:
        """Return the structure layers of ``doc``."""
        s = analyse(doc.text, doc.lang, doc.normalized)
        return {
            "title": s.title,
            "paragraphs": s.paragraphs,
            "sections": s.sections,
            "sentences": s.sentences,
        }
