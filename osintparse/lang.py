"""Language detection: a stop-word vote over the lexicons, then seeded langdetect.

Detection is deterministic: the stop-word vote is pure counting, and langdetect
(used only when the vote is unclear) runs with a fixed seed on a bounded sample
of the text, so the same text gives the same language in every process.

Examples
--------
>>> detect_language("Les soldats sont arrivés dans la ville selon le ministère.")
'fr'
>>> detect_language("The soldiers arrived in the city, the ministry said.")
'en'
>>> detect_language("12 345 !!!") is None
True
"""

from __future__ import annotations

import functools
from typing import Any

import regex

from osintparse import lexicons
from osintparse._cache import once

__all__ = ["UNDETERMINED", "detect_language"]

#: Code used when the language could not be told or is not supported.
UNDETERMINED = None

_SAMPLE_CHARS = 4000
_MIN_VOTES = 4
_MARGIN = 3.0
_WORD = regex.compile(r"[\p{L}']+")


@functools.cache
def _stopwords() -> dict[str, frozenset[str]]:
    return {
        lang: frozenset(lexicons.load(lang, "stopwords")["words"])
        for lang in lexicons.supported_languages()
    }


def _vote(sample: str) -> str | None:
    words = list(map(str.casefold, _WORD.findall(sample)))
    if not words:
        return None
    scores = {lang: sum(map(sw.__contains__, words)) for lang, sw in _stopwords().items()}
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    best_lang, best = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if best >= _MIN_VOTES and best >= _MARGIN * max(runner_up, 1) and best >= 0.15 * len(words):
        return best_lang
    return None


# Built once across threads (8 threads on a cold cache loaded langdetect's profiles 8
# times, 0.8 s each, under functools.cache).
@once
def _factory() -> Any:
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    return factory


def _langdetect(sample: str) -> str | None:
    from langdetect.lang_detect_exception import LangDetectException

    try:
        detector = _factory().create()
        detector.append(sample)
        code: str = detector.detect()
    except LangDetectException:
        return None
    return code


def detect_language(text: str) -> str | None:
    """Return the supported language of ``text``, or ``None`` when it can't be told.

    A language langdetect finds but osintparse has no lexicons for also gives
    ``None``: the article is then parsed for structure only.

    Examples
    --------
    >>> detect_language("") is None
    True
    """
    sample = text[:_SAMPLE_CHARS]
    if not _WORD.search(sample):
        return None
    voted = _vote(sample)
    if voted is not None:
        return voted
    code = _langdetect(sample)
    if code is None:
        return None
    code = code.split("-")[0]
    return code if code in lexicons.supported_languages() else None
