"""A deterministic synthetic news corpus, French and English, for the benchmark.

Articles are built from sentence templates carrying what osintparse extracts:
figures (with each language's digit grouping), dates (absolute and relative),
and sources (attribution cues). The same seed gives the same texts on every
machine and Python version (only :class:`random.Random` with an explicit seed).

Examples
--------
>>> text = make_article(random.Random(1), "fr", 1000)
>>> 1000 <= len(text.encode()) < 1600 and text.count("\\n\\n") >= 1
True
"""

from __future__ import annotations

import random

__all__ = ["SIZES_KB", "batch_corpus", "make_article", "sized_corpus"]

#: Article sizes of the benchmark, in KB (1 KB = 1000 bytes of UTF-8).
SIZES_KB = (1, 10, 100, 1000)

_FR = {
    "sources": [
        "le ministère de la Défense",
        "l'état-major sud-coréen",
        "l'AFP",
        "un responsable américain sous couvert d'anonymat",
        "les services de renseignement britanniques",
        "l'ONU",
        "le porte-parole du Kremlin",
        "des sources locales",
    ],
    "nouns": ["soldats", "drones", "missiles", "civils", "obus", "chars", "réfugiés"],
    "months": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "relative": ["hier", "lundi dernier", "la semaine dernière", "ce matin", "mardi"],
    "places": ["Koursk", "Kharkiv", "Pyongyang", "la frontière", "Séoul", "Donetsk"],
    "templates": [
        "Selon {source}, {n} {noun} ont été déployés près de {place} le {day} {month} {year}.",
        "{Source} a affirmé {rel} que plus de {n} {noun} avaient été détruits depuis {month}.",
        "D'après un rapport publié le {day} {month} {year}, environ {n} {noun} seraient "
        "stationnés à {place}.",
        "Le bilan s'élève à {n} morts et {n2} blessés, a indiqué {source} {rel}.",
        "Entre {n} et {n2} {noun} auraient franchi {place} en {month} {year}, selon {source}.",
        "{Source} estime le coût de l'opération à {x} milliards d'euros.",
        "La situation reste tendue dans la région, où les combats se poursuivent.",
        "Aucune confirmation indépendante n'a pu être obtenue à ce stade.",
    ],
    "headings": ["Une escalade redoutée", "Réactions internationales", "Sur le terrain"],
    "titles": ["Offensive près de {place} : {n} {noun} engagés", "{place} : le bilan s'alourdit"],
}

_EN = {
    "sources": [
        "the Defence Ministry",
        "South Korea's Joint Chiefs of Staff",
        "Reuters",
        "a US official speaking on condition of anonymity",
        "British intelligence",
        "the United Nations",
        "a Kremlin spokesman",
        "local sources",
    ],
    "nouns": ["soldiers", "drones", "missiles", "civilians", "shells", "tanks", "refugees"],
    "months": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "relative": ["yesterday", "last Monday", "last week", "this morning", "on Tuesday"],
    "places": ["Kursk", "Kharkiv", "Pyongyang", "the border", "Seoul", "Donetsk"],
    "templates": [
        "According to {source}, {n} {noun} were deployed near {place} on {month} {day}, {year}.",
        "{Source} said {rel} that more than {n} {noun} had been destroyed since {month}.",
        "A report published on {month} {day}, {year} said about {n} {noun} were stationed "
        "in {place}.",
        "The death toll rose to {n} with {n2} wounded, {source} said {rel}.",
        "Between {n} and {n2} {noun} reportedly crossed {place} in {month} {year}, {source} said.",
        "{Source} puts the cost of the operation at ${x} billion.",
        "The situation in the region remains tense as fighting continues.",
        "No independent confirmation could be obtained at this stage.",
    ],
    "headings": ["Fears of escalation", "International reactions", "On the ground"],
    "titles": ["Offensive near {place}: {n} {noun} engaged", "{place}: death toll rises"],
}

_LEXICON = {"fr": _FR, "en": _EN}


def _number(rng: random.Random, lang: str) -> str:
    value = rng.choice([rng.randint(2, 99), rng.randint(100, 999), rng.randint(1, 80) * 1000])
    if value < 1000:
        return str(value)
    sep = rng.choice([" ", "\u202f", "\xa0"]) if lang == "fr" else ","
    return f"{value // 1000}{sep}{value % 1000:03d}"


def _fill(rng: random.Random, lang: str, template: str) -> str:
    lex = _LEXICON[lang]
    source = rng.choice(lex["sources"])
    decimal = "," if lang == "fr" else "."
    return template.format(
        source=source,
        Source=source[0].upper() + source[1:],
        n=_number(rng, lang),
        n2=_number(rng, lang),
        noun=rng.choice(lex["nouns"]),
        place=rng.choice(lex["places"]),
        day=rng.randint(1, 28),
        month=rng.choice(lex["months"]),
        year=rng.randint(2019, 2025),
        rel=rng.choice(lex["relative"]),
        x=f"{rng.randint(1, 9)}{decimal}{rng.randint(0, 9)}",
    )


def make_article(rng: random.Random, lang: str, target_bytes: int) -> str:
    """Return one article of at least ``target_bytes`` UTF-8 bytes (a little more).

    A title, then paragraphs of two to five sentences, with a heading every few
    paragraphs.

    Examples
    --------
    >>> make_article(random.Random(0), "en", 300) == make_article(random.Random(0), "en", 300)
    True
    """
    lex = _LEXICON[lang]
    parts = [_fill(rng, lang, rng.choice(lex["titles"]))]
    size = len(parts[0].encode())
    paragraphs = 0
    while size < target_bytes:
        if paragraphs and paragraphs % 4 == 0:
            heading = rng.choice(lex["headings"])
            parts.append(heading)
            size += len(heading.encode()) + 2
        sentences = [
            _fill(rng, lang, rng.choice(lex["templates"])) for _ in range(rng.randint(2, 5))
        ]
        paragraph = " ".join(sentences)
        parts.append(paragraph)
        size += len(paragraph.encode()) + 2
        paragraphs += 1
    return "\n\n".join(parts) + "\n"


def sized_corpus(seed: int = 0, sizes_kb: tuple[int, ...] = SIZES_KB) -> dict[tuple[str, int], str]:
    """Return ``{(lang, size_kb): text}`` for French and English at each size.

    Examples
    --------
    >>> sorted(sized_corpus(0, (1,)))
    [('en', 1), ('fr', 1)]
    """
    out: dict[tuple[str, int], str] = {}
    for lang in ("fr", "en"):
        for kb in sizes_kb:
            rng = random.Random(f"{seed}:{lang}:{kb}")
            out[lang, kb] = make_article(rng, lang, kb * 1000)
    return out


def batch_corpus(n: int, target_bytes: int, seed: int = 0) -> list[str]:
    """Return ``n`` distinct articles of about ``target_bytes``, alternating fr and en.

    Examples
    --------
    >>> texts = batch_corpus(4, 500)
    >>> len(set(texts)), texts == batch_corpus(4, 500)
    (4, True)
    """
    rng = random.Random(f"{seed}:batch")
    return [make_article(rng, ("fr", "en")[i % 2], target_bytes) for i in range(n)]
