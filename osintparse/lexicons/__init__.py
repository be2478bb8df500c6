"""Per-language word lists, kept as TOML data apart from the code that reads them.

Each supported language is a folder ``osintparse/lexicons/<lang>/`` holding the
same set of TOML files (``structure.toml``, ``stopwords.toml``, ...). A new
language is a new folder with those files, plus tests. Files are read on first
use and cached.

Examples
--------
>>> supported_languages()
('en', 'es', 'fr')
>>> "Retour en haut" in load("fr", "structure")["boilerplate"]["lines"]
True
"""

from __future__ import annotations

import functools
import pathlib
import tomllib
from typing import Any

from osintparse.errors import LexiconError, UnsupportedLanguageError

_ROOT = pathlib.Path(__file__).resolve().parent

__all__ = ["check_lang", "lexicon_names", "load", "supported_languages"]


@functools.cache
def supported_languages() -> tuple[str, ...]:
    """Return the language codes that have a lexicon folder, sorted.

    Examples
    --------
    >>> "fr" in supported_languages()
    True
    """
    root = _ROOT
    return tuple(
        sorted(
            p.name
            for p in root.iterdir()
            if p.is_dir() and not p.name.startswith("_") and p.joinpath("structure.toml").is_file()
        )
    )


def check_lang(lang: str) -> str:
    """Return ``lang`` normalised (``"FR"`` -> ``"fr"``) or raise if unsupported.

    Raises
    ------
    osintparse.UnsupportedLanguageError
        Listing the languages that exist.

    Examples
    --------
    >>> check_lang("FR")
    'fr'
    """
    code = lang.strip().lower().replace("_", "-").split("-")[0]
    if code not in supported_languages():
        raise UnsupportedLanguageError(lang, supported_languages())
    return code


@functools.cache
def lexicon_names(lang: str) -> tuple[str, ...]:
    """Return the names of the lexicon files of a language (without ``.toml``).

    Examples
    --------
    >>> "structure" in lexicon_names("en")
    True
    """
    folder = _ROOT.joinpath(check_lang(lang))
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml")))


@functools.cache
def load(lang: str, name: str) -> dict[str, Any]:
    """Return the parsed TOML lexicon ``name`` of language ``lang`` (cached).

    Treat the result as read-only: it is shared by every caller.

    Raises
    ------
    osintparse.UnsupportedLanguageError
        If the language has no lexicons.
    osintparse.LexiconError
        If the file is missing or is not valid TOML.

    Examples
    --------
    >>> load("en", "structure")["boilerplate"]["lines"][:2]
    ['Back to top', 'Read more']
    """
    code = check_lang(lang)
    path = _ROOT.joinpath(code, f"{name}.toml")
    if not path.is_file():
        raise LexiconError(
            f"no lexicon {name!r} for language {code!r}; files there: "
            f"{', '.join(lexicon_names(code))}"
        )
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise LexiconError(f"lexicon {code}/{name}.toml is not valid TOML: {err}") from err


def all_strings(*, numbers: bool = True) -> tuple[str, ...]:
    """Return every key, string (and number) of every lexicon of every language, sorted.

    Used to build adversarial and fuzzing inputs from the lexicons' own words, so a
    new lexicon word is exercised without any test change. Keys starting with ``_``
    and blank strings are left out.

    Examples
    --------
    >>> words = all_strings()
    >>> "selon" in words and "Retour en haut" in words
    True
    >>> "1" in all_strings(numbers=False)
    False
    """
    out: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if not key.startswith("_"):
                    out.add(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            out.add(value)
        elif numbers and isinstance(value, int | float) and not isinstance(value, bool):
            out.add(str(value))

    for lang in supported_languages():
        for name in lexicon_names(lang):
            walk(load(lang, name))
    return tuple(sorted(w for w in out if w.strip()))
