"""osintparse: news articles to structured, source-attributed evidence.

Examples
--------
>>> import osintparse
>>> article = osintparse.parse("Titre\\n\\nSelon Séoul, 10 000 soldats sont arrivés.")
>>> article.lang, article.title
('fr', 'Titre')

The functions backed by an extractor's engine (``find_dates``, ``find_quantities``,
``find_attributions``, ``find_hedges``, ``find_places``), ``parse_html``, and the names of
the modules ``parse`` does not need (serialisation: ``to_json``, ``to_dict``...;
``compare`` and ``figures``; ``place_map``; ``to_dataframe``) are re-exported lazily: their
modules are imported on first use, so ``import osintparse`` stays fast (the default
pipeline imports the engines it runs on the first ``parse``).

>>> osintparse.find_dates is osintparse.extractors.dates.find_dates
True
"""

import importlib
from typing import TYPE_CHECKING

from osintparse.batch import parse_many
from osintparse.errors import (
    DecodeError,
    ExtractorConflictError,
    ExtractorError,
    ExtractorLoadError,
    ExtractorLoadWarning,
    ExtractorNotFoundError,
    HtmlFallbackWarning,
    InputTooLargeError,
    InputTypeError,
    InvalidPublishedError,
    LexiconError,
    MissingDependencyError,
    OsintparseError,
    PathAsTextWarning,
    PipelineError,
    PipelineOrderError,
    ReadError,
    SchemaError,
    SkippedItemWarning,
    UnknownKindError,
    UnsupportedLanguageError,
    WorkBudgetWarning,
)
from osintparse.extractors.base import (
    Document,
    Extractor,
    available_extractors,
    register_extractor,
    unregister_extractor,
)
from osintparse.lexicons import supported_languages
from osintparse.model import (
    SCHEMA_VERSION,
    Anchor,
    Article,
    Aspect,
    Attribution,
    Claim,
    DateKind,
    DateMention,
    DayPart,
    DocumentKind,
    Hedge,
    Mention,
    Modifier,
    Paragraph,
    ParagraphKind,
    Place,
    PlaceKind,
    PlaceRole,
    Precision,
    Qualifier,
    Quantity,
    Section,
    Sentence,
    SourceKind,
    Stance,
)
from osintparse.pipeline import WORK_BUDGET, Pipeline, parse

if TYPE_CHECKING:
    from osintparse.comparison import Figure, FigureGroup, compare, figures
    from osintparse.extractors.attributions import find_attributions, find_hedges
    from osintparse.extractors.dates import find_dates
    from osintparse.extractors.places import find_places
    from osintparse.extractors.quantities import find_quantities
    from osintparse.io.html import parse_html
    from osintparse.io.serialise import (
        from_dict,
        json_schema,
        read_jsonl,
        to_dict,
        to_json,
        write_json,
        write_jsonl,
    )
    from osintparse.maps import PlaceMap, place_map
    from osintparse.tables import to_dataframe

# Public names whose modules are imported on first access (PEP 562), by module.
_LAZY = {
    "find_attributions": "osintparse.extractors.attributions",
    "find_hedges": "osintparse.extractors.attributions",
    "find_dates": "osintparse.extractors.dates",
    "find_places": "osintparse.extractors.places",
    "find_quantities": "osintparse.extractors.quantities",
    "parse_html": "osintparse.io.html",
    **dict.fromkeys(("Figure", "FigureGroup", "compare", "figures"), "osintparse.comparison"),
    **dict.fromkeys(
        (
            "from_dict",
            "json_schema",
            "read_jsonl",
            "to_dict",
            "to_json",
            "write_json",
            "write_jsonl",
        ),
        "osintparse.io.serialise",
    ),
    "PlaceMap": "osintparse.maps",
    "place_map": "osintparse.maps",
    "to_dataframe": "osintparse.tables",
}
# Submodules that ``import osintparse`` imported before their names became lazy, by the
# module that makes them whole (``osintparse.io.serialise`` was reachable as an attribute).
_SUBMODULES = {
    "comparison": "osintparse.comparison",
    "io": "osintparse.io.serialise",
    "maps": "osintparse.maps",
    "tables": "osintparse.tables",
}


def __getattr__(name: str) -> object:
    if name in _SUBMODULES:
        importlib.import_module(_SUBMODULES[name])
        return globals()[name]  # the import set it
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'osintparse' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # found once: later lookups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "WORK_BUDGET",
    "Anchor",
    "Article",
    "Aspect",
    "Attribution",
    "Claim",
    "DateKind",
    "DateMention",
    "DayPart",
    "DecodeError",
    "Document",
    "DocumentKind",
    "Extractor",
    "ExtractorConflictError",
    "ExtractorError",
    "ExtractorLoadError",
    "ExtractorLoadWarning",
    "ExtractorNotFoundError",
    "Figure",
    "FigureGroup",
    "Hedge",
    "HtmlFallbackWarning",
    "InputTooLargeError",
    "InputTypeError",
    "InvalidPublishedError",
    "LexiconError",
    "Mention",
    "MissingDependencyError",
    "Modifier",
    "OsintparseError",
    "Paragraph",
    "ParagraphKind",
    "PathAsTextWarning",
    "Pipeline",
    "PipelineError",
    "PipelineOrderError",
    "Place",
    "PlaceKind",
    "PlaceMap",
    "PlaceRole",
    "Precision",
    "Qualifier",
    "Quantity",
    "ReadError",
    "SchemaError",
    "Section",
    "Sentence",
    "SkippedItemWarning",
    "SourceKind",
    "Stance",
    "UnknownKindError",
    "UnsupportedLanguageError",
    "WorkBudgetWarning",
    "__version__",
    "available_extractors",
    "compare",
    "figures",
    "find_attributions",
    "find_dates",
    "find_hedges",
    "find_places",
    "find_quantities",
    "from_dict",
    "json_schema",
    "parse",
    "parse_html",
    "parse_many",
    "place_map",
    "read_jsonl",
    "register_extractor",
    "supported_languages",
    "to_dataframe",
    "to_dict",
    "to_json",
    "unregister_extractor",
    "write_json",
    "write_jsonl",
]
