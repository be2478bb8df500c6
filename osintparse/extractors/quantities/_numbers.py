"""Numbers in running text: digits with every grouping, number words, scales, vague amounts.

The engine under the ``quantities`` extractor. Every word it knows is lexicon data
(``numbers.toml`` and the ``vague`` tables of ``quantities.toml`` under
``osintparse/lexicons/<lang>/``); patterns are compiled once per language and cached.
Spelt-out integers are read with ``text2num`` (imported on first use), with a small
fallback for halves, quarters and decimals ("un million et demi", "half a million").

Examples
--------
>>> [(n.text, n.value) for n in find_numbers("plus de 10 000 soldats et 2,5 millions", lang="fr")]
[('10 000', 10000.0), ('2,5 millions', 2500000.0)]
>>> n = find_numbers("des dizaines de milliers de civils", lang="fr")[0]
>>> n.value, n.low, n.high, n.approximate
(50000.0, 20000.0, 99000.0, True)
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import regex

from osintparse import lexicons

__all__ = ["NumberMatch", "find_numbers", "parse_digits", "words_to_number"]

#: Longest digit run read as one number; longer runs are identifiers, not amounts.
MAX_DIGITS = 30


@attrs.frozen(kw_only=True)
class NumberMatch:
    """A number found in a text, with its span in that text.

    Parameters
    ----------
    start, end
        Offsets of the number (scale words and suffixes included).
    text
        ``text[start:end]``.
    value
        The number ("2,5 millions" is 2 500 000).
    low, high
        Bounds of a vague amount ("des centaines": 200 and 999), else ``None``.
    approximate
        True for vague amounts ("un millier", "dozens").
    kind
        ``"digits"``, ``"words"`` or ``"vague"``.
    rule
        What matched, for the record's ``rule``.
    scaled
        True when a scale word or suffix multiplied the figure ("3 millions", "10k").

    Examples
    --------
    >>> find_numbers("a dozen", lang="en")[0].kind
    'vague'
    """

    start: int
    end: int
    text: str
    value: float
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    kind: str = "digits"
    rule: str = ""
    scaled: bool = False
    scale: float = 1.0


def _piece(w: str) -> str:
    return regex.escape(w, special_only=True, literal_spaces=True).replace("'", "['’]")


def _trie(words: list[str]) -> str:
    """A regex for ``words`` factored by common prefix, so a failed match fails fast."""
    tree: dict[str, Any] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = []
        optional = "" in node
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == " " else _piece(ch)
            alts.append(piece + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not optional else "(?:" + "|".join(alts) + ")"
        if len(alts) == 1 and not optional:
            return body
        return body + ("?" if optional else "")

    return emit(tree)


def _alternation(words: Iterable[str]) -> str:
    """A regex matching any of the literal ``words``, longest first ("'" is any apostrophe).

    Examples
    --------
    >>> regex.fullmatch(_alternation(["de", "des", "d'"]), "d’") is not None
    True
    """
    ws = sorted({w for w in words if w}, key=lambda s: (-len(s), s))
    return "(?:" + _trie(ws) + ")" if ws else "(?!)"


_B = r"(?<![\p{L}\p{N}_])"
_E = r"(?![\p{L}\p{N}_])"


@attrs.frozen
class _Grammar:
    lang: str
    cardinals: Mapping[str, float]
    scales: Mapping[str, float]
    fractions: Mapping[str, float]
    articles: frozenset[str]
    negatives: frozenset[str]
    pronoun_ones: frozenset[str]
    pronoun_determiners: frozenset[str]
    connectors: frozenset[str]
    points: frozenset[str]
    multiplying_tens: frozenset[str]
    suffix_scales: Mapping[str, float]
    decimal: str
    thousands: frozenset[str]
    vague_singular: Mapping[str, Mapping[str, float]]
    vague_plural: Mapping[str, Mapping[str, float]]
    glyphs: Mapping[str, float]
    group_sep: Any
    atom: Any
    prefilter: Any


def _lower_keys(table: Mapping[str, Any]) -> dict[str, Any]:
    return {k.lower(): v for k, v in table.items()}


@functools.cache
def _grammar(lang: str) -> _Grammar:
    lex = lexicons.load(lang, "numbers")
    qlex = lexicons.load(lang, "quantities")
    cardinals = {k: float(v) for k, v in _lower_keys(lex["cardinals"]).items()}
    scales = {k: float(v) for k, v in _lower_keys(lex["scales"]).items()}
    fractions = {k: float(v) for k, v in _lower_keys(lex["fractions"]).items()}
    words = lex["words"]
    suffix_scales = {k: float(v) for k, v in lex["suffix_scales"].items()}
    suffix_scales |= {k: float(v) for k, v in lex["spaced_suffix_scales"].items()}
    vague = qlex["vague"]
    vs = _lower_keys(vague["singular"])
    vp = _lower_keys(vague["plural"])

    word = _B + _alternation([*cardinals, *scales, *fractions]) + _E
    article = _B + _alternation(words["articles"]) + _E
    conn = _alternation(words["connectors"] + words["points"])
    sep = r"(?:\s*-\s*|\s+)"
    run = rf"(?:{article}{sep})?{word}(?:{sep}(?:{conn}{sep}){{0,2}}{word}){{0,24}}"
    scale_word = _alternation(set(scales) - {w.lower() for w in words["not_after_digits"]}) + _E
    frac = _alternation(fractions) + _E
    long_suffixes = [k for k in suffix_scales if len(k) > 1]
    spaced = _alternation(lex["spaced_suffix_scales"])
    suffix = (
        "(?-i:"
        + _alternation(suffix_scales)
        + "|\\s"
        + _alternation(long_suffixes)
        + "|\\s{1,2}"
        + spaced
        + "(?![\\p{L}\\p{N}.'-])"
        + ")"
        + _E
    )
    glyphs = {k: float(v) for k, v in lex["glyphs"].items()}
    # Besides the listed denominators, any from 32 to 999: no day of a month, so "1/40"
    # cannot be a date ("5/17" can, and stays out).
    dens = _alternation(lex["slash_fractions"]["denominators"]) + r"|3[2-9]|[4-9]\d|[1-9]\d\d"
    fraction = (
        rf"(?P<fwhole>\d{{1,3}}\s{{1,2}})?(?P<fnum>\d{{1,2}})\s?/\s?(?P<fden>{dens})(?![\d/])"
        rf"|(?P<gwhole>\d{{1,3}}\s?)?(?P<glyph>{_alternation(glyphs)})"
    )
    digits = (
        r"(?:\d{1,3}(?:[ ,.']\d{3}(?!\d)){1,10}(?:[.,]\d{1,12})?"
        rf"|\d{{1,{MAX_DIGITS}}}(?![\d])(?:[.,]\d{{1,12}}(?!\d))?|[.,]\d{{1,12}}(?!\d))"
        r"(?:[eE](?P<dexp>[+-]?\d{1,3})(?![\p{L}\p{N}])"
        r"|\s?[x×]\s?10(?P<dsci>\^[+\-−]?\d{1,3}|[\-−]\d{1,3})(?![\p{L}\p{N}])"
        r"|\^(?P<dpow>[+\-−]{0,2}\d{1,3})(?![\p{L}\p{N}]))?"
    )
    # "4 thousand 3 hundred and 21": more figures and words after a scale word.
    small = r"\d{1,3}(?!\d)(?![.,]\d|\s\d{3}(?!\d))"
    dmore = (
        rf"(?P<dmore>(?:{sep}(?:{conn}{sep})?(?:{small}|{word})(?:\s?{scale_word})?){{1,6}})"
        r"(?!\s?[%‰\p{Sc}])"
    )
    dtail = (
        rf"(?P<dscale>\s?{scale_word}|{suffix})"
        rf"(?:(?P<dfrac>\s+{conn}\s+(?:{article}\s+)?{frac})|(?<=\p{{L}}){dmore})?"
    )
    vdet = _alternation(vague["words"]["determiners"])
    vlink = _alternation(vague["words"]["linkers"])
    vague_pat = (
        rf"(?:{article}\s+(?P<vs>{_alternation(vs)}){_E})"
        rf"|(?:(?:{_B}{vdet}\s+)?{_B}(?P<vp>{_alternation(vp)}){_E}"
        rf"(?:\s+{vlink}\s*(?P<vp2>{_alternation(vp)}){_E})?)"
    )
    first = {
        c
        for w in [
            *cardinals,
            *scales,
            *fractions,
            *vs,
            *vp,
            *words["articles"],
            *vague["words"]["determiners"],
        ]
        for c in (w[0].lower(), w[0].upper())
    } | set(lex["glyphs"])
    # Digits may follow a currency code glued to them ("USD3.14", "GBP3,01").
    codes = [k for k in lexicons.load(lang, "units")["prefix"] if k.isalpha() and len(k) > 1]
    glued = rf"(?=\d)(?<=(?<![\p{{L}}])(?i:{_alternation(codes)}))"
    gate = rf"(?:(?<![\p{{L}}\p{{N}}_])(?=[{regex.escape(''.join(sorted(first)))}\d.,])|{glued})"
    atom = regex.compile(
        gate + rf"(?i:(?P<vague>{vague_pat})|(?P<words>{run})|(?P<fraction>{fraction})"
        rf"|(?P<digits>{digits})(?:{dtail})?)",
        flags=regex.V0,
    )
    # Cheap first pass: a digit or the first letters of a number or amount word.
    starts = {w[:3] for w in [*cardinals, *scales, *fractions, *vs, *vp, *words["articles"]]}
    prefilter = regex.compile(
        rf"(?i:\d|{_alternation(glyphs)}|{_B}{_alternation(s for s in starts if len(s) >= 2)})",
        flags=regex.V0,
    )
    return _Grammar(
        lang=lang,
        cardinals=cardinals,
        scales=scales,
        fractions=fractions,
        articles=frozenset(w.lower() for w in words["articles"]),
        negatives=frozenset(w.lower() for w in words["negatives"]),
        pronoun_ones=frozenset(w.lower() for w in words["pronoun_ones"]),
        pronoun_determiners=frozenset(w.lower() for w in words["pronoun_determiners"]),
        connectors=frozenset(w.lower() for w in words["connectors"]),
        points=frozenset(w.lower() for w in words["points"]),
        multiplying_tens=frozenset(w.lower() for w in words["multiplying_tens"]),
        suffix_scales=suffix_scales,
        decimal=lex["separators"]["decimal"],
        thousands=frozenset(lex["separators"]["thousands"]),
        vague_singular=vs,
        vague_plural=vp,
        glyphs=glyphs,
        group_sep=regex.compile(
            rf"\s*{_alternation(words['group_separators'])}\s+", flags=regex.V0
        ),
        atom=atom,
        prefilter=prefilter,
    )


def parse_digits(text: str, *, lang: str) -> float:
    """Read a figure written with digits, with the grouping conventions of ``lang``.

    A space always groups thousands. When both ``.`` and ``,`` occur, the last one is
    the decimal mark. A single separator is the decimal mark of the language, unless it
    is the other one and exactly three digits follow ("10.000" in French is 10 000,
    "4,800" is 4.8; in English "10,000" is 10 000 and "4.800" is 4.8).

    Raises
    ------
    ValueError
        If ``text`` is not a figure.

    Examples
    --------
    >>> parse_digits("10 000", lang="fr"), parse_digits("10.000", lang="fr")
    (10000.0, 10000.0)
    >>> parse_digits("6,8", lang="fr"), parse_digits("7.8", lang="en")
    (6.8, 7.8)
    >>> parse_digits("1.200.000", lang="fr"), parse_digits("1,234,567.89", lang="en")
    (1200000.0, 1234567.89)
    """
    g = _grammar(lexicons.check_lang(lang))
    s = text.replace(" ", "").replace("'", "")
    if not s or any(c not in "0123456789.," for c in s):
        raise ValueError(f"not a figure: {text!r}")
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        other = "," if dec == "." else "."
        s = s.replace(other, "").replace(dec, ".")
    elif dots + commas:
        sep = "." if dots else ","
        n = dots + commas
        tail = s.rsplit(sep, 1)[1]
        if n > 1 or (sep in g.thousands and len(tail) == 3 and sep != g.decimal):
            s = s.replace(sep, "")
        else:
            s = s.replace(sep, ".")
    if s.count(".") > 1 or s in {".", ""}:
        raise ValueError(f"not a figure: {text!r}")
    return float(s)


_TOKEN_SPLIT = r"[\s\-]+"


@functools.cache
def _re(source: str) -> Any:
    """Compile a pattern source once (import stays cheap)."""
    return regex.compile(source, flags=regex.V0)


def _tokens(text: str) -> list[str]:
    return [t for t in _re(_TOKEN_SPLIT).split(text.lower().replace("’", "'")) if t]


def _own_words(
    tokens: list[str], g: _Grammar, extra: Mapping[str, float] | None = None
) -> float | None:
    """Read number words with fractions and spelt-out decimals (integers go to text2num).

    A fraction word divides what was said since the last connector ("two thirds", "one
    hundred and three quarters"); right after "et"/"and" following a scale it is a
    fraction of that scale ("cinq milliards et trois quarts"); with nothing before it, it
    counts once ("one and a half", "half a million").
    """
    cardinals = {**g.cardinals, **extra} if extra else g.cardinals
    total = 0.0
    current = 0.0
    base = (0.0, 0.0)  # (total, current) at the last connector
    base_after_scale = False  # that connector came right after a scale of 1000 or more
    last_scale = 1.0
    prev = ""
    decimals: list[str] | None = None
    for i, tok in enumerate(tokens):
        if tok in g.connectors or (tok in g.articles and tok not in cardinals):
            if tok in g.connectors:
                base = (total, current)
                base_after_scale = prev in g.scales and g.scales[prev] >= 1000
            prev = tok
            continue
        if tok in g.points:
            decimals = []
            continue
        if decimals is not None and tok in cardinals:
            iv = int(cardinals[tok])
            if decimals and iv < 10 and decimals[-1].endswith("0") and len(decimals[-1]) == 2:
                decimals[-1] = decimals[-1][0] + str(iv)
            else:
                decimals.append(str(iv))
            continue
        if decimals:
            current += float("0." + "".join(decimals))
            decimals = None
        if tok in cardinals:
            v = cardinals[tok]
            if (
                tok in g.multiplying_tens
                and prev in cardinals
                and 1 < cardinals[prev] < 10
                and 0 < current % 100 < 10
            ):
                current = current - current % 100 + (current % 100) * v
            else:
                current += v
        elif tok in g.scales:
            scale = g.scales[tok]
            if scale < 1000:
                current = (current or 1) * scale
            else:
                total += (current or 1) * scale
                current = 0.0
                last_scale = scale
        elif tok in g.fractions:
            frac = g.fractions[tok]
            ahead = [t for t in tokens[i + 1 :] if t not in g.connectors and t not in g.articles]
            scale_ahead = bool(ahead) and ahead[0] in g.scales
            numerator = (total + current) - (base[0] + base[1])
            if numerator and base_after_scale and not scale_ahead:
                total, current = base[0] + numerator * frac * last_scale, base[1]
            elif numerator:
                total, current = base[0], base[1] + numerator * frac
            elif scale_ahead:
                current += frac
            elif total and not current:
                total += frac * last_scale
            else:
                current += frac
        else:
            return None
        prev = tok
    if decimals:
        current += float("0." + "".join(decimals))
    return total + current


def words_to_number(text: str, *, lang: str) -> float | None:
    """Read a number written in words, or return ``None`` if it is not one.

    Integers go through ``text2num``; halves, quarters and spelt-out decimals through
    a small reader of the ``numbers`` lexicon.

    Examples
    --------
    >>> words_to_number("quatre-vingt-dix-neuf", lang="fr")
    99.0
    >>> words_to_number("three hundred and fifty", lang="en")
    350.0
    >>> words_to_number("half a million", lang="en")
    500000.0
    >>> words_to_number("un million et demi", lang="fr")
    1500000.0
    """
    code = lexicons.check_lang(lang)
    g = _grammar(code)
    tokens = _tokens(text)
    if not tokens:
        return None
    if not any(t in g.fractions or t in g.points for t in tokens):
        from text_to_num import text2num

        try:
            return float(text2num(" ".join(tokens), code))
        except ValueError:
            pass
    return _own_words(tokens, g)


_FRACTION_ALONE = "fraction-alone"


def _evaluate(m: Any, g: _Grammar) -> NumberMatch | None:
    """Turn one match of the atom pattern into a :class:`NumberMatch`."""
    text = m.group()
    if m.group("vague") is not None:
        if m.group("vs") is not None:
            key = m.group("vs").lower()
            e = g.vague_singular[key]
            return NumberMatch(
                start=m.start(),
                end=m.end(),
                text=text,
                value=float(e["value"]),
                low=float(e["low"]),
                high=float(e["high"]),
                approximate=True,
                kind="vague",
                rule=f"vague:{key}",
            )
        key = m.group("vp").lower()
        e = g.vague_plural[key]
        mult = 1.0
        rule = f"vague:{key}"
        if m.group("vp2") is not None:
            key2 = m.group("vp2").lower()
            mult = float(g.vague_plural[key2]["scale"])
            rule += f"+{key2}"
        return NumberMatch(
            start=m.start(),
            end=m.end(),
            text=text,
            value=float(e["value"]) * mult,
            low=float(e["low"]) * mult,
            high=float(e["high"]) * mult,
            approximate=True,
            kind="vague",
            rule=rule,
        )
    if m.group("words") is not None:
        tokens = _tokens(text)
        if all(t in g.articles or t in g.connectors for t in tokens):
            return None
        if tokens[0] in g.articles and len(tokens) > 1 and tokens[1] in g.cardinals:
            # "un trois" is not a number; "un million", "un et demi" are.
            return None
        if len(tokens) == 1 and tokens[0] in g.fractions:
            # "half" alone is a number only after a bound ("more than half"): the caller
            # decides (find_numbers and ranges never keep it).
            return NumberMatch(
                start=m.start(),
                end=m.end(),
                text=text,
                value=g.fractions[tokens[0]],
                kind="words",
                rule=_FRACTION_ALONE,
            )
        value = words_to_number(text, lang=g.lang)
        if value is None:
            return None
        scaled = any(t in g.scales for t in tokens)
        return NumberMatch(
            start=m.start(),
            end=m.end(),
            text=text,
            value=value,
            kind="words",
            rule="words",
            scaled=scaled,
        )
    if m.group("fraction") is not None:
        if m.group("glyph") is not None:
            value = g.glyphs[m.group("glyph")] + float(m.group("gwhole") or 0)
        else:
            num, den = int(m.group("fnum")), int(m.group("fden"))
            if num >= den:
                return None
            value = num / den + float(m.group("fwhole") or 0)
        return NumberMatch(
            start=m.start(), end=m.end(), text=text, value=value, kind="digits", rule="fraction"
        )
    digits = m.group("digits")
    exponent = m.group("dexp")
    power = m.group("dpow")
    if m.group("dsci") is not None:  # "1.3x10^6", "2.48×10−5"
        exponent = m.group("dsci").lstrip("^").replace("−", "-")
        digits = digits[: m.start("dsci") - m.start("digits") - 2].rstrip().rstrip("x×").rstrip()
    elif exponent is not None:
        digits = digits[: -len(exponent) - 1]
    elif power is not None:  # "1.1^23", "2.5^-1": a power, "--" cancels out
        digits = digits[: -len(power) - 1]
        sign = -1 if power.count("-") % 2 else 1
        power = str(sign * int(power.lstrip("+-−")))
    try:
        value = parse_digits(digits, lang=g.lang)
    except ValueError:
        return None
    if exponent is not None:
        if abs(int(exponent)) > 300:
            return None  # beyond floating point: an identifier, not an amount
        value = float(f"{value!r}e{int(exponent)}")
    if power is not None:
        try:
            value = value ** int(power)
        except (OverflowError, ZeroDivisionError):
            return None
        if value > 1e300:
            return None
    scale_text = m.group("dscale")
    end = m.end()
    rule = "digits"
    scale = 1.0
    if scale_text is not None:
        stripped = scale_text.strip()
        scale = g.suffix_scales.get(stripped) or g.scales.get(stripped.lower(), 1.0)
        value *= scale
        rule += f"+scale:{stripped}"
        if m.group("dfrac") is not None:
            value += g.fractions[_tokens(m.group("dfrac"))[-1]] * scale
        elif m.group("dmore") is not None:
            # Only "4 thousand 3 hundred and 21"; "5 million and 3 dead" are two figures,
            # and so are "5k-20k".
            more = None
            if scale <= 1000 and value == int(value) and stripped.lower() in g.scales:
                tokens = ["#", *_tokens(scale_text), *_tokens(m.group("dmore"))]
                extra = {t: float(t) for t in tokens if t.isdigit()}
                extra["#"] = value / scale
                more = _own_words(tokens, g, extra)
            if more is None or more <= value:
                end = m.end("dscale")
            else:
                value = more
    return NumberMatch(
        start=m.start(),
        end=end,
        text=m.string[m.start() : end],
        value=value,
        kind="digits",
        rule=rule,
        scaled=scale_text is not None,
        scale=scale if scale_text is not None else 1.0,
    )


def _join_groups(text: str, g: _Grammar, n: NumberMatch, endpos: int) -> NumberMatch:
    """Join groups of a number written out across a separator ("three million, two hundred
    & forty"): only words after a scale word, and a smaller group after."""
    while n.kind == "words":
        last = _tokens(n.text)[-1:]
        scale = g.scales.get(last[0]) if last else None
        sep = g.group_sep.match(text, n.end, endpos) if scale else None
        if scale is None or sep is None:
            return n
        m = g.atom.match(text, sep.end(), endpos)
        nxt = _evaluate(m, g) if m is not None and m.group("words") is not None else None
        if nxt is None or nxt.kind != "words" or nxt.value >= scale:
            return n
        n = attrs.evolve(n, end=nxt.end, text=text[n.start : nxt.end], value=n.value + nxt.value)
    return n


def _scan(text: str, g: _Grammar, pos: int, endpos: int) -> NumberMatch | None:
    """The first number at or after ``pos`` and before ``endpos``, or ``None``."""
    while pos < endpos:
        m = g.atom.search(text, pos, endpos)
        if m is None:
            return None
        found = _evaluate(m, g)
        if found is not None:
            return _join_groups(text, g, found, endpos)
        # A rejected run of words may hide a number after its first word ("a six").
        pos = m.start() + 1 if m.group("words") is not None else max(m.end(), m.start() + 1)
    return None


def find_numbers(text: str, *, lang: str) -> tuple[NumberMatch, ...]:
    """Every number in ``text``, without context rules (years and identifiers included).

    :func:`osintparse.find_quantities` adds qualifiers, units, nouns and the rules
    that drop dates, times and identifiers.

    Examples
    --------
    >>> [n.value for n in find_numbers("three hundred and fifty troops, 2.5bn", lang="en")]
    [350.0, 2500000000.0]
    """
    g = _grammar(lexicons.check_lang(lang))
    out: list[NumberMatch] = []
    pos = 0
    while True:
        n = _scan(text, g, pos, len(text))
        if n is None:
            return tuple(out)
        if n.rule != _FRACTION_ALONE:
            out.append(n)
        pos = n.end
