"""Parse a web page: main text, title, author and date extracted with trafilatura.

trafilatura is an optional dependency (``pip install 'osintparse[html]'``),
imported only when :func:`parse_html` is called.

Two limits keep any page safe to parse:

* **size**: pages above :data:`DEFAULT_MAX_HTML` (2 000 000 characters of a ``str``
  or bytes of ``bytes``) are refused with :class:`~osintparse.InputTooLargeError`,
  as trafilatura's time grows faster than the page beyond a few megabytes; pass
  ``max_size=None`` to lift the limit;
* **fallback**: when trafilatura finds no main text in a page that has visible text
  (tags nested deeper than its HTML parser allows, about 255 levels, or a page
  without an article body), the article is the page's visible text (every text
  outside ``<script>``, ``<style>``, ``<head>``..., one paragraph per block element),
  read in one linear pass, with an :class:`~osintparse.HtmlFallbackWarning`; the
  result says which was used (``extract_html(...)["extraction"]``).

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
import html as _html
import warnings
from typing import Any

import attrs
import regex

from osintparse import lexicons
from osintparse.errors import (
    HtmlFallbackWarning,
    InputTooLargeError,
    InputTypeError,
    MissingDependencyError,
    UnsupportedLanguageError,
)
from osintparse.model import Article, coerce_published
from osintparse.pipeline import WORK_BUDGET, Pipeline

__all__ = ["DEFAULT_MAX_HTML", "extract_html", "parse_html", "visible_text"]

#: The largest page :func:`parse_html` and :func:`extract_html` read unless told
#: otherwise: characters of a ``str``, bytes of ``bytes``.
DEFAULT_MAX_HTML = 2_000_000


def _metadata(html: str | bytes, url: str | None) -> dict[str, Any]:
    try:
        import trafilatura
    except ImportError as err:
        raise MissingDependencyError("trafilatura", "html", "osintparse.parse_html") from err
    try:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_images=False
        )
    except (RecursionError, ValueError, TypeError, AttributeError):  # a page it can't read
        result = None
    if result is None:
        return {}
    data: dict[str, Any] = result if isinstance(result, dict) else result.as_dict()
    return data


# -- the visible text of a page, in one linear pass (the fallback) ----------------------

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_TAG = regex.compile(r"</?([a-z][a-z0-9-]{0,40})")
_TAG_SECOND = frozenset("abcdefghijklmnopqrstuvwxyz/!?")  # what may follow "<" in markup
# Elements whose content is not shown as text.
_HIDDEN = frozenset(
    {
        "script",
        "style",
        "template",
        "noscript",
        "head",
        "svg",
        "math",
        "iframe",
        "object",
        "textarea",
        "select",
    }
)
# Elements that start a new block (a paragraph of the article).
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)
_BREAK = "\x00"  # a block boundary while scanning (NUL never survives in page text)


def _decode(page: str | bytes) -> str:
    if isinstance(page, str):
        return page
    try:
        return page.decode("utf-8")
    except UnicodeDecodeError:
        try:
            from trafilatura.utils import decode_file

            decoded = decode_file(page)
            if isinstance(decoded, str):
                return decoded
        except ImportError:  # pragma: no cover - trafilatura is there when this runs
            pass
        return page.decode("utf-8", errors="replace")


def _skip_to_end(page: str, low: str, name: str, pos: int, missing: set[str]) -> int | None:
    """Where the hidden element ``name`` opened before ``pos`` ends.

    An element never closed hides the rest of the page, as in a browser, except
    ``<head>``, whose end tag is optional (then None: the scan goes on).
    """
    if name in missing:
        return None
    close = low.find("</" + name, pos)
    if close < 0:
        missing.add(name)  # never searched twice: the pass stays linear
        return None if name == "head" else len(page)
    gt = page.find(">", close)
    return len(page) if gt < 0 else gt + 1


def _title(page: str, low: str) -> str | None:
    start = low.find("<title")
    gt = page.find(">", start) if start >= 0 else -1
    close = low.find("</title", gt) if gt >= 0 else -1
    if close < 0:
        return None
    return " ".join(_html.unescape(page[gt + 1 : close]).split()) or None


def _scan(page: str) -> tuple[list[str], str | None]:
    """Text pieces (``_BREAK`` between blocks) and the ``<title>``, in one pass."""
    low = page.translate(_ASCII_LOWER)  # same length: offsets shared with ``page``
    pieces: list[str] = []
    missing: set[str] = set()
    pos = text_from = 0
    n = len(page)
    while pos < n:
        lt = page.find("<", pos)
        if lt < 0:
            break
        if low[lt + 1 : lt + 2] not in _TAG_SECOND:  # "<" then a space, a digit...: text
            pos = lt + 1
            continue
        m = _TAG.match(low, lt)
        if m is not None:
            end = page.find(">", m.end())
        elif low.startswith("<!--", lt):
            end = page.find("-->", lt + 4)
            end = end + 2 if end >= 0 else -1
        elif low.startswith(("<!", "<?"), lt):  # doctype, CDATA, processing instruction
            end = page.find(">", lt)
        else:  # a "<" that opens no tag is text
            pos = lt + 1
            continue
        pieces.append(page[text_from:lt])
        pos = text_from = n if end < 0 else end + 1  # unterminated: the rest is inside
        if m is None:
            continue
        name = m.group(1)
        if low[lt + 1] != "/" and (name in _HIDDEN or name == "title"):
            after = _skip_to_end(page, low, name, pos, missing)
            if after is not None:
                pos = text_from = after
        elif name in _BLOCKS:
            pieces.append(_BREAK)
    pieces.append(page[text_from:])
    return pieces, _title(page, low)


def visible_text(page: str | bytes) -> tuple[str, str | None]:
    """Return a page's visible text (one paragraph per block, blank lines between) and
    its ``<title>``.

    Reads the page in one linear pass, whatever its nesting depth: the text of
    every element but ``<script>``, ``<style>``, ``<head>``, ``<template>``,
    ``<noscript>``, ``<svg>``...; block elements (``<p>``, ``<div>``, ``<li>``,
    ``<h1>``..., ``<br>``) end a paragraph; white space inside a paragraph is
    collapsed and character references are decoded. This is the fallback of
    :func:`extract_html`: it keeps menus and footers, which trafilatura removes.

    Examples
    --------
    >>> page = ("<html><head><title>Dix mille</title><style>p {}</style></head><body>"
    ...         + "<div>" * 300 + "<p>Selon S&eacute;oul, 10 000 soldats.</p><p>Fin.</p>"
    ...         + "</div>" * 300 + "<script>var x = '<p>';</script></body></html>")
    >>> visible_text(page)
    ('Selon Séoul, 10 000 soldats.\\n\\nFin.', 'Dix mille')
    """
    pieces, title = _scan(_decode(page))
    blocks = (" ".join(_html.unescape(b).split()) for b in "".join(pieces).split(_BREAK))
    return "\n\n".join(b for b in blocks if b), title


def _date(value: object) -> _dt.date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return _dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _clean(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _check_size(html: str | bytes, max_size: int | None) -> None:
    if max_size is None or len(html) <= max_size:
        return
    unit = "bytes" if isinstance(html, bytes) else "characters"
    raise InputTooLargeError(
        f"the page has {len(html):,} {unit}, more than max_size={max_size:,} "
        "(trafilatura's time grows faster than the page beyond a few megabytes); cut the "
        "page, or pass max_size=None (the command line: --max-bytes 0) to parse it anyway"
    )


def extract_html(
    html: str | bytes, url: str | None = None, *, max_size: int | None = DEFAULT_MAX_HTML
) -> dict[str, Any]:
    """Return the article text and metadata of a web page, without parsing the text.

    The text is the page title as its first line, then one paragraph per block
    trafilatura found (separated by blank lines, which is how
    :func:`osintparse.extractors.structure.analyse` splits paragraphs). A title
    trafilatura already put first (from the page's ``<h1>``) is not repeated.
    When trafilatura finds no main text but the page has visible text, the text
    is the page's :func:`visible_text`, with an
    :class:`~osintparse.HtmlFallbackWarning`.

    Parameters
    ----------
    html
        The page, as ``str`` or undecoded ``bytes``.
    url
        The page's address.
    max_size
        Refuse pages longer than this (characters of a ``str``, bytes of
        ``bytes``); ``None`` for no limit.

    Returns
    -------
    dict
        ``text``, ``title``, ``author``, ``published`` (a ``datetime.date`` or
        ``None``), ``lang`` (the page's declared language or ``None``), ``url``,
        and ``extraction``: ``"trafilatura"``, or ``"visible text"`` for the fallback.

    Raises
    ------
    osintparse.MissingDependencyError
        When trafilatura is not installed (``pip install 'osintparse[html]'``).
    osintparse.InputTypeError
        When ``html`` is neither ``str`` nor ``bytes``.
    osintparse.InputTooLargeError
        When the page is longer than ``max_size``.

    Examples
    --------
    >>> d = extract_html("<html><body><article><p>" + "Un texte assez long. " * 5
    ...                  + "</p></article></body></html>")
    >>> d["text"].startswith("Un texte assez long."), d["title"], d["published"]
    (True, None, None)
    >>> import warnings
    >>> deep = "<html><body>" + "<div>" * 300 + "<p>Un texte.</p>" + "</div>" * 300
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     d = extract_html(deep)
    >>> d["text"], d["extraction"], caught[0].category.__name__
    ('Un texte.', 'visible text', 'HtmlFallbackWarning')
    >>> extract_html("<p>x</p>" * 10, max_size=50)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    osintparse.errors.InputTooLargeError: the page has 80 characters, more than max_size=50 ...
    """
    if not isinstance(html, str | bytes):
        raise InputTypeError(f"html must be str or bytes, got {type(html).__name__}")
    _check_size(html, max_size)
    meta = _metadata(html, url)
    title = _clean(meta.get("title"))
    blocks = [line.strip() for line in (meta.get("text") or "").splitlines() if line.strip()]
    extraction = "trafilatura"
    if not blocks:
        visible, page_title = visible_text(html)
        if visible:
            warnings.warn(
                "trafilatura found no main text in this page (tags nested too deep for "
                "its HTML parser, or no article body): the article is the page's visible "
                "text, menus and footers included",
                HtmlFallbackWarning,
                stacklevel=2,
            )
            blocks = visible.split("\n\n")
            title = title or page_title
            extraction = "visible text"
    if title and (not blocks or blocks[0] != title):
        blocks.insert(0, title)
    return {
        "text": "\n\n".join(blocks),
        "title": title,
        "author": _clean(meta.get("author")),
        "published": _date(meta.get("date")),
        "lang": _clean(meta.get("language")),
        "url": _clean(meta.get("url")) or url,
        "extraction": extraction,
    }


def parse_html(
    html: str | bytes,
    url: str | None = None,
    *,
    lang: str | None = None,
    published: _dt.date | _dt.datetime | str | None = None,
    pipeline: Pipeline | None = None,
    max_size: int | None = DEFAULT_MAX_HTML,
    budget: int | None = WORK_BUDGET,
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
    published
        The publication date, which wins over the page's own; ``None`` to take the
        page's.
    pipeline
        The pipeline to run; :meth:`Pipeline.default
        <osintparse.pipeline.Pipeline.default>` when ``None``.
    max_size
        Refuse pages longer than this (characters of a ``str``, bytes of
        ``bytes``; default :data:`DEFAULT_MAX_HTML`); ``None`` for no limit.
    budget
        The most work the page's text may take before only its structure is extracted
        (see :func:`osintparse.parse`); ``None`` for no limit.

    Raises
    ------
    osintparse.MissingDependencyError
        When trafilatura is not installed (``pip install 'osintparse[html]'``).
    osintparse.UnsupportedLanguageError
        When ``lang`` names a language without lexicons.
    osintparse.InvalidPublishedError
        When ``published`` is not a date.
    osintparse.InputTooLargeError
        When the page is longer than ``max_size``.

    Examples
    --------
    >>> import osintparse
    >>> osintparse.parse_html("<html><body></body></html>").text
    ''
    """
    when = coerce_published(published)
    if lang is not None:
        lang = lexicons.check_lang(lang)
    data = extract_html(html, url, max_size=max_size)
    if lang is None and data["lang"]:
        try:
            lang = lexicons.check_lang(data["lang"])
        except UnsupportedLanguageError:
            lang = None
    article = (pipeline or Pipeline.default())(
        data["text"], lang=lang, published=when or data["published"], id=data["url"], budget=budget
    )
    return attrs.evolve(article, url=data["url"], author=data["author"])
