"""Parse a web page: main text, title, author and date extracted with trafilatura.

trafilatura is an optional dependency (``pip install 'osintparse[html]'``),
imported only when :func:`parse_html` is called.

Examples
--------
>>> import osintparse
>>> page = '''<html lang="fr"><head><title>Le Site | Dix mille soldats</title>
... <meta name="author" content="Jeanne Martin">
... <meta property="article:published_time" content="2025-04-28"></head>
... <body><nav>Accueil</nav><article><h1>Dix mille soldats</h1>
... <p>Selon Séoul, plus de 10 000 militaires nord-coréens sont arrivés hier.</p>
... <p>Les services de renseignement sud-coréens le confirment ce lundi.</p>
... </article></body></html>'''
>>> a = osintparse.parse_html(page, url="https://example.org/a")
>>> a.title, a.author, a.published.isoformat(), a.lang, a.url
('Dix mille soldats', 'Jeanne Martin', '2025-04-28', 'fr', 'https://example.org/a')
>>> a.text.splitlines()[:3]
['Dix mille soldats', '', 'Selon Séoul, plus de 10 000 militaires nord-coréens sont arrivés hier.']
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs

from osintparse import lexicons
from osintparse.errors import InputTypeError, MissingDependencyError, UnsupportedLanguageError
from osintparse.model import Article
from osintparse.pipeline import Pipeline

__all__ = ["extract_html", "parse_html"]


def _metadata(html: str | bytes, url: str | None) -> dict[str, Any]:
    try:
        import trafilatura
    except ImportError as err:
        raise MissingDependencyError("trafilatura", "html", "osintparse.parse_html") from err
    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_images=False
    )
    if result is None:
        return {}
    data: dict[str, Any] = result if isinstance(result, dict) else result.as_dict()
    return data


def _date(value: object) -> _dt.date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return _dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _clean(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def extract_html(html: str | bytes, url: str | None = None) -> dict[str, Any]:
    """Return the article text and metadata of a web page, without parsing the text.

    The text is the page title as its first line, then one paragraph per block
    trafilatura found (separated by blank lines, which is how
    :func:`osintparse.extractors.structure.analyse` splits paragraphs). A title
    trafilatura already put first (from the page's ``<h1>``) is not repeated.

    Returns
    -------
    dict
        ``text``, ``title``, ``author``, ``published`` (a ``datetime.date`` or
        ``None``), ``lang`` (the page's declared language or ``None``), ``url``.

    Raises
    ------
    osintparse.MissingDependencyError
        When trafilatura is not installed (``pip install 'osintparse[html]'``).
    osintparse.InputTypeError
        When ``html`` is neither ``str`` nor ``bytes``.

    Examples
    --------
    >>> d = extract_html("<html><body><article><p>" + "Un texte assez long. " * 5
    ...                  + "</p></article></body></html>")
    >>> d["text"].startswith("Un texte assez long."), d["title"], d["published"]
    (True, None, None)
    """
    if not isinstance(html, str | bytes):
        raise InputTypeError(f"html must be str or bytes, got {type(html).__name__}")
    meta = _metadata(html, url)
    title = _clean(meta.get("title"))
    blocks = [line.strip() for line in (meta.get("text") or "").splitlines() if line.strip()]
    if title and (not blocks or blocks[0] != title):
        blocks.insert(0, title)
    return {
        "text": "\n\n".join(blocks),
        "title": title,
        "author": _clean(meta.get("author")),
        "published": _date(meta.get("date")),
        "lang": _clean(meta.get("language")),
        "url": _clean(meta.get("url")) or url,
    }


def parse_html(
    html: str | bytes,
    url: str | None = None,
    *,
    lang: str | None = None,
    pipeline: Pipeline | None = None,
) -> Article:
    """Parse a web page into an :class:`~osintparse.model.Article`.

    The main text, title, author and publication date come from trafilatura
    (see :func:`extract_html`). The title becomes the article's first line, so
    the structure extractor takes it as the title; the publication date becomes
    ``published`` and anchors relative dates ("hier", "last week"). ``url`` and
    ``author`` are kept on the article and ``id`` is set to the URL.

    Parameters
    ----------
    html
        The page, as ``str`` or undecoded ``bytes``.
    url
        The page's address (also helps trafilatura).
    lang
        The language code, or ``None`` to take the page's declared language when
        osintparse supports it, else to detect it from the text.
    pipeline
        The pipeline to run; :meth:`Pipeline.default
        <osintparse.pipeline.Pipeline.default>` when ``None``.

    Raises
    ------
    osintparse.MissingDependencyError
        When trafilatura is not installed (``pip install 'osintparse[html]'``).
    osintparse.UnsupportedLanguageError
        When ``lang`` names a language without lexicons.

    Examples
    --------
    >>> import osintparse
    >>> osintparse.parse_html("<html><body></body></html>").text
    ''
    """
    data = extract_html(html, url)
    if lang is None and data["lang"]:
        try:
            lang = lexicons.check_lang(data["lang"])
        except UnsupportedLanguageError:
            lang = None
    article = (pipeline or Pipeline.default())(
        data["text"], lang=lang, published=data["published"], id=data["url"]
    )
    return attrs.evolve(article, url=data["url"], author=data["author"])
