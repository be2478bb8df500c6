"""Extractors: the protocol and registry (:mod:`.base`) and one module per extractor.

Examples
--------
>>> from osintparse.extractors import available_extractors
>>> "structure" in available_extractors()
True
"""

from osintparse.extractors.base import (
    ENTRY_POINT_GROUP,
    Document,
    Extractor,
    ExtractorFactory,
    available_extractors,
    get_factory,
    register_extractor,
    unregister_extractor,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "Document",
    "Extractor",
    "ExtractorFactory",
    "available_extractors",
    "get_factory",
    "register_extractor",
    "unregister_extractor",
]
