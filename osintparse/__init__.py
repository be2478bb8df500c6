"""osintparse: news articles to structured, source-attributed evidence.

Examples
--------
>>> import osintparse
>>> article = osintparse.parse("Titre\\n\\nSelon Séoul, 10 000 soldats sont arrivés.")
>>> article.lang, article.title
('fr', 'Titre')
"""

from osintparse.errors import (
    DecodeError,
    ExtractorConflictError,
    ExtractorError,
    ExtractorNotFoundError,
    InputTypeError,
    InvalidPublishedError,
    LexiconError,
    OsintparseError,
    PipelineOrderError,
    SchemaError,
    UnsupportedLanguageError,
)
from osintparse.extractors.base import (
    Document,
    Extractor,
    available_extractors,
    register_extractor,
    unregister_extractor,
)
from osintparse.extractors.quantities import find_quantities
from osintparse.lexicons import supported_languages
from osintparse.model import (
    SCHEMA_VERSION,
    Article,
    Attribution,
    Claim,
    DateMention,
    Hedge,
    Mention,
    Paragraph,
    ParagraphKind,
    Precision,
    Qualifier,
    Quantity,
    Section,
    Sentence,
    SourceKind,
    Stance,
)
from osintparse.pipeline import Pipeline, parse
from osintparse.serialize import read_jsonl, to_json, write_json, write_jsonl

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Attribution",
    "Claim",
    "DateMention",
    "DecodeError",
    "Document",
    "Extractor",
    "ExtractorConflictError",
    "ExtractorError",
    "ExtractorNotFoundError",
    "Hedge",
    "InputTypeError",
    "InvalidPublishedError",
    "LexiconError",
    "Mention",
    "OsintparseError",
    "Paragraph",
    "ParagraphKind",
    "Pipeline",
    "PipelineOrderError",
    "Precision",
    "Qualifier",
    "Quantity",
    "SchemaError",
    "Section",
    "Sentence",
    "SourceKind",
    "Stance",
    "UnsupportedLanguageError",
    "__version__",
    "available_extractors",
    "find_quantities",
    "parse",
    "read_jsonl",
    "register_extractor",
    "supported_languages",
    "to_json",
    "unregister_extractor",
    "write_json",
    "write_jsonl",
]
