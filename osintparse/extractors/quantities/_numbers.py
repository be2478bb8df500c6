"""Numbers in running text: digits with every grouping, number words, scales, vague amounts.

The engine under the ``quantities`` extractor. Every word it knows is lexicon data
(``numbers.toml`` and the ``vague`` tables of ``quantities.toml`` under
``osintparse/lexicons/<lang>/``; decimal and grouping marks from ``language.toml``);
patterns are compiled once per language and cached.

One *atom* pattern per language finds the next number; it is the alternation of the
rules of :data:`ATOMS` (vague amounts, number words, fractions, digits), each a pattern
source over the language's :class:`_Parts` plus a resolver turning its match into a
:class:`NumberMatch`. Digits may carry a notation (:data:`NOTATIONS`: "1e10",
"1.3x10^6", "1.1^23") and a scale ("2,5 millions", "10k"). Spelt-out integers are read
with ``text2num`` where ``language.toml`` names its code for the language, and by the
lexicon's own reader (:data:`WORD_STEPS`) otherwise, which also reads halves, quarters
and spelt-out decimals ("un million et demi", "half a million", "two point five").

Examples
--------
>>> [(n.text, n.value) for n in find_numbers("plus de 10 000 soldats et 2,5 millions", lang="fr")]
[('10 000', 10000.0), ('2,5 millions', 2500000.0)]
>>> n = find_numbers("des dizaines de milliers de civils", lang="fr")[0]
>>> n.value, n.low, n.high, n.approximate
(50000.0, 20000.0, 99000.0, True)
>>> ATOMS.names()
('vague', 'words', 'fraction', 'digits')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs
import regex

from osintparse import lexicons
from osintparse._cache import once
from osintparse._patterns import B0, B1, GAP, GAP0, RuleTable, alternation, compiled, lazy
from osintparse._records import record_repr

__all__ = [
    "ATOMS",
    "JOINS",
    "NOTATIONS",
    "WORD_STEPS",
    "NumberMatch",
    "find_numbers",
    "parse_digits",
    "words_to_number",
]

#: Longest digit run read as one number; longer runs are identifiers, not amounts.
MAX_DIGITS = 30


@attrs.frozen(kw_only=True, eq=False)
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

    __repr__ = record_repr

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


def _lower_keys(table: Mapping[str, Any]) -> dict[str, Any]:
    return {k.lower(): v for k, v in table.items() if not k.startswith("_")}


def _floats(table: Mapping[str, Any]) -> dict[str, float]:
    return {k: float(v) for k, v in table.items() if not k.startswith("_")}


def _lowered(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


@attrs.frozen(eq=False)
class _Parts:
    """The pattern pieces of one language that the atom sources are built from."""

    __repr__ = record_repr

    word: str  # a number word (cardinal, scale, fraction)
    article: str  # "un", "a": one, before a scale or amount word
    conn: str  # a connector or spelt-out decimal point
    sep: str  # what separates two number words
    scale_word: str  # a scale word read after digits
    frac: str  # a fraction word
    suffix: str  # a scale suffix glued to or after digits ("10k", "2,5 Mds")
    dens: str  # denominators of digit fractions
    glyphs: str  # vulgar-fraction characters
    vague_singular: str
    vague_plural: str
    vague_determiner: str
    vague_linker: str


@attrs.frozen(eq=False, repr=False)
class _Grammar:
    lang: str
    text2num: str | None
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
    decimal_connectors: frozenset[str]
    tens_joiners: frozenset[str]
    compound: Any  # a fraction written as one word ("veintiunavos"), its pieces captured
    ratio_after: Any  # a ratio word after an article ("una de cada cinco")
    point_after: Any  # a spelt-out point or decimal connector between figures ("1 punto 5")
    tens_digit: Any  # a tens joiner and a digit after a ten in words ("treinta y 3")
    suffix_scales: Mapping[str, float]
    decimal: str
    thousands: frozenset[str]
    vague_singular: Mapping[str, Mapping[str, float]]
    vague_plural: Mapping[str, Mapping[str, float]]
    glyphs: Mapping[str, float]
    group_sep: Any
    atom: Any
    prefilter: Any


_Match = regex.Match[str]
_Resolver = Callable[[_Match, _Grammar], "NumberMatch | None"]
_Source = Callable[[_Parts], str]

#: The alternatives of the atom pattern, in order: each rule's function resolves a match
#: of its named group; its pattern source is in ``_SOURCES`` under the same name.
ATOMS: RuleTable[_Resolver] = RuleTable("number atoms")
_SOURCES: dict[str, _Source] = {}


def _atom(name: str, source: _Source) -> Callable[[_Resolver], _Resolver]:
    """Register an atom: its resolver in :data:`ATOMS`, its pattern source beside it."""

    def register(fn: _Resolver) -> _Resolver:
        ATOMS.rule(name)(fn)
        _SOURCES[name] = source
        return fn

    return register


# -- atom sources -------------------------------------------------------------------------


def _vague_source(p: _Parts) -> str:
    return (
        rf"(?:{p.article}\s+(?P<vsing>{p.vague_singular}){B1})"
        rf"|(?:(?:{B0}{p.vague_determiner}\s+)?{B0}(?P<vplur>{p.vague_plural}){B1}"
        rf"(?:\s+{p.vague_linker}\s*(?P<vplur2>{p.vague_plural}){B1})?)"
    )


def _words_source(p: _Parts) -> str:
    return rf"(?:{p.article}{p.sep})?{p.word}(?:{p.sep}(?:{p.conn}{p.sep}){{0,2}}{p.word}){{0,24}}"


def _fraction_source(p: _Parts) -> str:
    # Besides the listed denominators, any from 32 to 999: no day of a month, so "1/40"
    # cannot be a date ("5/17" can, and stays out).
    dens = p.dens + r"|3[2-9]|[4-9]\d|[1-9]\d\d"
    return (
        rf"(?P<fwhole>\d{{1,3}}\s{{1,2}})?(?P<fnum>\d{{1,2}})\s?/\s?(?P<fden>{dens})(?![\d/])"
        rf"|(?P<gwhole>\d{{1,3}}\s?)?(?P<glyph>{p.glyphs})"
    )


def _digits_source(p: _Parts) -> str:
    figure = (
        r"(?:\d{1,3}(?:[ ,.']\d{3}(?!\d)){1,10}(?:[.,]\d{1,12})?"
        rf"|\d{{1,{MAX_DIGITS}}}(?![\d])(?:[.,]\d{{1,12}}(?!\d))?|[.,]\d{{1,12}}(?!\d))"
        r"(?P<notation>[eE](?P<exponent>[+-]?\d{1,3})(?![\p{L}\p{N}])"
        r"|\s?[x×]\s?10(?P<times_ten>\^[+\-−]?\d{1,3}|[\-−]\d{1,3})(?![\p{L}\p{N}])"
        r"|\^(?P<power>[+\-−]{0,2}\d{1,3})(?![\p{L}\p{N}]))?"
    )
    # "4 thousand 3 hundred and 21": more figures and words after a scale word.
    small = r"\d{1,3}(?!\d)(?![.,]\d|\s\d{3}(?!\d))"
    more = (
        rf"(?P<dmore>(?:{p.sep}(?:{p.conn}{p.sep})?(?:{small}|{p.word})(?:\s?{p.scale_word})?)"
        r"{1,6})(?!\s?[%‰\p{Sc}])"
    )
    tail = (
        rf"(?P<dscale>\s?{p.scale_word}|{p.suffix})"
        rf"(?:(?P<dfrac>\s+{p.conn}\s+(?:{p.article}\s+)?{p.frac})|(?<=\p{{L}}){more})?"
    )
    return rf"(?P<dfig>{figure})(?:{tail})?"


# -- atom resolvers -----------------------------------------------------------------------

_FRACTION_ALONE = "fraction-alone"


@_atom("vague", _vague_source)
def _vague(m: _Match, g: _Grammar) -> NumberMatch:
    """Vague amounts: "un millier", "a dozen", "des centaines", "tens of thousands"."""
    if m.group("vsing") is not None:
        key = m.group("vsing").lower()
        e = g.vague_singular[key]
        mult, rule = 1.0, f"vague:{key}"
    else:
        key = m.group("vplur").lower()
        e = g.vague_plural[key]
        mult, rule = 1.0, f"vague:{key}"
        if m.group("vplur2") is not None:
            key2 = m.group("vplur2").lower()
            mult = float(g.vague_plural[key2]["scale"])
            rule += f"+{key2}"
    return NumberMatch(
        start=m.start(),
        end=m.end(),
        text=m.group(),
        value=float(e["value"]) * mult,
        low=float(e["low"]) * mult,
        high=float(e["high"]) * mult,
        approximate=True,
        kind="vague",
        rule=rule,
    )


def _not_words(tokens: list[str], g: _Grammar) -> bool:
    """Articles and connectors alone, or "un trois": not a number ("un million" is)."""
    if all(t in g.articles or t in g.connectors for t in tokens):
        return True
    return tokens[0] in g.articles and len(tokens) > 1 and tokens[1] in g.cardinals


def _joins_two(tokens: list[str], i: int, g: _Grammar) -> bool:
    """Whether the connector ``tokens[i]`` joins two numbers rather than parts of one.

    It does when the cardinal after it is not smaller than the word before it ("tres y
    cuatro", "dix et quinze", "ten and fifteen"), unless a fraction follows ("uno y un
    cuarto", "two and fifty-four hundredths"); "treinta y cinco", "vingt et un", "three
    hundred and fifty" are one number.
    """
    if tokens[i] not in g.connectors or tokens[i] in g.decimal_connectors:
        return False
    before = g.cardinals.get(tokens[i - 1], g.scales.get(tokens[i - 1]))
    after = g.cardinals.get(tokens[i + 1])
    if before is None or after is None or after < before:
        return False
    return not any(_fraction_value(t, g) is not None for t in tokens[i + 2 :])


def _cut(text: str, g: _Grammar) -> tuple[str, list[str]]:
    """The run of number words ``text`` up to a connector joining two numbers, and its tokens."""
    tokens = _tokens(text)
    for i in range(1, len(tokens) - 1):
        if _joins_two(tokens, i, g):
            ends = [t.end() for t in compiled(_TOKEN).finditer(text)]
            return text[: ends[i - 1]], tokens[:i]
    return text, tokens


def _one_before_ratio(m: _Match, text: str, tokens: list[str], g: _Grammar) -> bool:
    """An article alone before a ratio word counts one: "una de cada cinco", "un sur trois"."""
    return (
        len(tokens) == 1
        and tokens[0] in g.articles
        and g.ratio_after.match(m.string, m.start() + len(text)) is not None
    )


@_atom("words", _words_source)
def _words(m: _Match, g: _Grammar) -> NumberMatch | None:
    """Number words: "quatre-vingt-dix-neuf", "three hundred and fifty", "half a million"."""
    text, tokens = _cut(m.group(), g)
    alone = _fraction_value(tokens[0], g) if len(tokens) == 1 else None
    value: float | None
    if _not_words(tokens, g):
        if not _one_before_ratio(m, text, tokens, g):
            return None
        value, rule = 1.0, "words"
    elif alone is not None:
        # "half" alone is a number only after a bound ("more than half"): the caller
        # decides (find_numbers and ranges never keep it).
        value = alone
        rule = _FRACTION_ALONE
    else:
        value = _read_words(tokens, g)
        rule = "words"
    if value is None:
        return None
    return NumberMatch(
        start=m.start(),
        end=m.start() + len(text),
        text=text,
        value=value,
        kind="words",
        rule=rule,
        scaled=rule == "words" and any(t in g.scales for t in tokens),
    )


@_atom("fraction", _fraction_source)
def _fraction(m: _Match, g: _Grammar) -> NumberMatch | None:
    """Fractions with digits: "1/4", "10 1/2", "1/40", "½", "2 ½"."""
    if m.group("glyph") is not None:
        value = g.glyphs[m.group("glyph")] + float(m.group("gwhole") or 0)
    else:
        num, den = int(m.group("fnum")), int(m.group("fden"))
        if num >= den:
            return None
        value = num / den + float(m.group("fwhole") or 0)
    return NumberMatch(
        start=m.start(), end=m.end(), text=m.group(), value=value, kind="digits", rule="fraction"
    )


@_atom("digits", _digits_source)
def _digits(m: _Match, g: _Grammar) -> NumberMatch | None:
    """Digits with the language's grouping, a notation and a scale: "10 000", "2,5 millions"."""
    figure = _figure(m, g)
    if figure is None:
        return None
    value, rule = figure
    if m.group("dscale") is None:
        return NumberMatch(
            start=m.start(), end=m.end(), text=m.group(), value=value, kind="digits", rule=rule
        )
    return _scaled(m, g, value, rule)


# -- digits: notations and scales ---------------------------------------------------------

#: Notations of a figure written with digits; each rule reads its named group (``-`` in
#: the name is ``_`` in the group) and returns the value, or ``None`` for no number.
NOTATIONS: RuleTable[Callable[[_Match, _Grammar], float | None]] = RuleTable("digit notations")


def _exponent(mantissa: str, exponent: str, g: _Grammar) -> float | None:
    value = _digit_value(mantissa, g)
    if value is None or abs(int(exponent)) > 300:
        return None  # beyond floating point: an identifier, not an amount
    return float(f"{value!r}e{int(exponent)}")


@NOTATIONS.rule("exponent")
def _e_notation(m: _Match, g: _Grammar) -> float | None:
    """Scientific notation with ``e``: "1e10", "12,32e+14"."""
    exponent = m.group("exponent")
    return _exponent(m.group("dfig")[: -len(exponent) - 1], exponent, g)


@NOTATIONS.rule("times-ten")
def _times_ten(m: _Match, g: _Grammar) -> float | None:
    """Scientific notation with a multiplication sign: "1.3x10^6", "2.48×10−5"."""
    exponent = m.group("times_ten").lstrip("^").replace("−", "-")
    digits = m.group("dfig")[: m.start("times_ten") - m.start("dfig") - 2]
    return _exponent(digits.rstrip().rstrip("x×").rstrip(), exponent, g)


@NOTATIONS.rule("power")
def _power(m: _Match, g: _Grammar) -> float | None:
    """A power: "1.1^23", "2,5^-1" (``--`` cancels out)."""
    power = m.group("power")
    value = _digit_value(m.group("dfig")[: -len(power) - 1], g)
    sign = -1 if power.count("-") % 2 else 1
    try:
        value = None if value is None else value ** (sign * int(power.lstrip("+-−")))
    except (OverflowError, ZeroDivisionError):
        return None
    return None if value is None or value > 1e300 else value


def _digit_value(digits: str, g: _Grammar) -> float | None:
    try:
        return _parse_digits(digits, g)
    except ValueError:
        return None


def _figure(m: _Match, g: _Grammar) -> tuple[float, str] | None:
    """The value of the figure of a digits match, and its rule (with its notation)."""
    if m.group("notation") is not None:
        for name, group, notation in _NOTATIONS:
            if m.group(group) is not None:
                value = notation(m, g)
                return None if value is None else (value, f"digits+{name}")
    value = _digit_value(m.group("dfig"), g)
    return None if value is None else (value, "digits")


def _scaled(m: _Match, g: _Grammar, value: float, rule: str) -> NumberMatch:
    """A figure with a scale word or suffix: "2,5 millions", "10k", "5 million and a half"."""
    scale_text = m.group("dscale")
    stripped = scale_text.strip()
    scale = g.suffix_scales.get(stripped) or g.scales.get(stripped.lower(), 1.0)
    value *= scale
    end = m.end()
    if m.group("dfrac") is not None:
        value += g.fractions[_tokens(m.group("dfrac"))[-1]] * scale
    elif m.group("dmore") is not None:
        more = _more_words(m, g, value, scale, stripped)
        if more is None:
            end = m.end("dscale")
        else:
            value = more
    return NumberMatch(
        start=m.start(),
        end=end,
        text=m.string[m.start() : end],
        value=value,
        kind="digits",
        rule=f"{rule}+scale:{stripped}",
        scaled=True,
        scale=scale,
    )


def _more_words(m: _Match, g: _Grammar, value: float, scale: float, word: str) -> float | None:
    """ "4 thousand 3 hundred and 21": the value with the words after the scale, or None.

    "5 million and 3 dead" are two figures, and so are "5k-20k".
    """
    if scale > 1000 or value != int(value) or word.lower() not in g.scales:
        return None
    tokens = ["#", *_tokens(m.group("dscale")), *_tokens(m.group("dmore"))]
    extra = {t: float(t) for t in tokens if t.isdigit()}
    extra["#"] = value / scale
    more = _own_words(tokens, g, extra)
    return more if more is not None and more > value else None


# -- the grammar of a language ------------------------------------------------------------


def _suffix_pattern(lex: Mapping[str, Any], suffix_scales: Mapping[str, float]) -> str:
    long_suffixes = [k for k in suffix_scales if len(k) > 1]
    return (
        "(?-i:"
        + alternation(suffix_scales)
        + "|\\s"
        + alternation(long_suffixes)
        + "|\\s{1,2}"
        + alternation(lex["spaced_suffix_scales"])
        + "(?![\\p{L}\\p{N}.'-])"
        + ")"
        + B1
    )


def _compound_source(lex: Mapping[str, Any], g_words: Mapping[str, Any]) -> str:
    """A fraction written as one word: glued cardinals and scales, then an ending.

    "veintiunavos", "dosmilésimos", "treintaicincoavos" (``[compound_fractions]``); each
    piece is captured in the group ``p``.
    """
    cf = lex["compound_fractions"]
    if not cf["endings"]:
        return "(?!)"
    pieces = alternation(w for w in [*g_words["cardinals"], *g_words["scales"]] if " " not in w)
    glue = alternation(cf["glue"])
    return rf"(?P<p>{pieces})(?:(?:{glue})?(?P<p>{pieces})){{0,5}}{alternation(cf['endings'])}"


def _parts(lex: Mapping[str, Any], vague: Mapping[str, Any], g_words: Mapping[str, Any]) -> _Parts:
    words = lex["words"]
    cardinals, scales, fractions = g_words["cardinals"], g_words["scales"], g_words["fractions"]
    not_after = _lowered(words["not_after_digits"])
    compound = _compound_source(lex, g_words).replace("(?P<p>", "(?:")
    return _Parts(
        word=B0 + f"(?:{alternation([*cardinals, *scales, *fractions])}|{compound})" + B1,
        article=B0 + alternation(words["articles"]) + B1,
        conn=alternation(words["connectors"] + words["points"]),
        sep=rf"(?:{GAP0}-{GAP0}|{GAP})",
        scale_word=alternation(set(scales) - not_after) + B1,
        frac=alternation(fractions) + B1,
        suffix=_suffix_pattern(lex, g_words["suffix_scales"]),
        dens=alternation(lex["slash_fractions"]["denominators"]),
        glyphs=alternation(lex["glyphs"]),
        vague_singular=alternation(g_words["vague_singular"]),
        vague_plural=alternation(g_words["vague_plural"]),
        vague_determiner=alternation(vague["words"]["determiners"]),
        vague_linker=alternation(vague["words"]["linkers"]),
    )


def _atom_pattern(lang: str, p: _Parts, first_chars: Iterable[str]) -> Any:
    """The atom pattern: a cheap gate, then the alternatives of :data:`ATOMS` in order."""
    first = "".join(sorted({c for w in first_chars for c in (w[:1].lower(), w[:1].upper())}))
    # Digits may follow a currency code glued to them ("USD3.14", "GBP3,01").
    codes = [k for k in lexicons.load(lang, "units")["prefix"] if k.isalpha() and len(k) > 1]
    glued = rf"(?=\d)(?<=(?<![\p{{L}}])(?i:{alternation(codes)}))"
    gate = rf"(?:(?<![\p{{L}}\p{{N}}_])(?=[{regex.escape(first)}\d.,])|{glued})"
    body = "|".join(f"(?P<{r.name}>{_SOURCES[r.name](p)})" for r in ATOMS)
    return compiled(gate + f"(?i:{body})")


def _word_tables(lex: Mapping[str, Any], vague: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "cardinals": _floats(_lower_keys(lex["cardinals"])),
        "scales": _floats(_lower_keys(lex["scales"])),
        "fractions": _floats(_lower_keys(lex["fractions"])),
        "suffix_scales": _floats(lex["suffix_scales"]) | _floats(lex["spaced_suffix_scales"]),
        "vague_singular": _lower_keys(vague["singular"]),
        "vague_plural": _lower_keys(vague["plural"]),
    }


@once
def _grammar(lang: str) -> _Grammar:
    lex = lexicons.load(lang, "numbers")
    quantities = lexicons.load(lang, "quantities")
    vague = quantities["vague"]
    marks = lexicons.language(lang)["numbers"]
    words = lex["words"]
    t = _word_tables(lex, vague)
    amount_words = [*t["cardinals"], *t["scales"], *t["fractions"], *words["articles"]]
    amount_words += [*t["vague_singular"], *t["vague_plural"]]
    # Cheap first pass: a digit, a glyph, or a word opening a number or amount word: its
    # first four letters, or the whole of a shorter one ("un", not "unités"), unless the
    # language glues cardinals into one-word fractions (``[compound_fractions]``).
    heads = {w[:4] for w in amount_words if len(w) >= 4}
    short = alternation(w for w in amount_words if 2 <= len(w) < 4)
    short_end = "" if lex["compound_fractions"]["endings"] else B1
    return _Grammar(
        lang=lang,
        text2num=lexicons.parser_code(lang, "text2num"),
        cardinals=t["cardinals"],
        scales=t["scales"],
        fractions=t["fractions"],
        articles=_lowered(words["articles"]),
        negatives=_lowered(words["negatives"]),
        pronoun_ones=_lowered(words["pronoun_ones"]),
        pronoun_determiners=_lowered(words["pronoun_determiners"]),
        connectors=_lowered(words["connectors"]),
        points=_lowered(words["points"]),
        multiplying_tens=_lowered(words["multiplying_tens"]),
        decimal_connectors=_lowered(words["decimal_connectors"]),
        tens_joiners=_lowered(words["tens_joiners"]),
        compound=lazy(_compound_source(lex, t), regex.IGNORECASE),
        ratio_after=lazy(
            rf"{GAP}{alternation(quantities['ranges']['ratios'])}{GAP}(?=\S)", regex.IGNORECASE
        ),
        point_after=lazy(
            rf"{GAP}{alternation(words['points'] + words['decimal_connectors'])}{GAP}",
            regex.IGNORECASE,
        ),
        tens_digit=lazy(
            rf"{GAP}{alternation(words['tens_joiners'])}{GAP}(?P<d>[1-9])(?![\p{{L}}\p{{N}}]|[.,]\d)",
            regex.IGNORECASE,
        ),
        suffix_scales=t["suffix_scales"],
        decimal=marks["decimal"],
        thousands=frozenset(marks["grouping"]),
        vague_singular=t["vague_singular"],
        vague_plural=t["vague_plural"],
        glyphs=_floats(lex["glyphs"]),
        group_sep=lazy(rf"\s*{alternation(words['group_separators'])}\s+"),
        atom=_atom_pattern(
            lang,
            _parts(lex, vague, t),
            [*amount_words, *vague["words"]["determiners"], *lex["glyphs"]],
        ),
        prefilter=compiled(
            rf"(?i:\d|{alternation(lex['glyphs'])}|{B0}(?:{alternation(heads)}|{short}{short_end}))",
        ),
    )


# -- digits -------------------------------------------------------------------------------


def parse_digits(text: str, *, lang: str) -> float:
    """Read a figure written with digits, with the grouping conventions of ``lang``.

    A space always groups thousands. When both ``.`` and ``,`` occur, the last one is
    the decimal mark. A single separator is the decimal mark of the language, unless it
    is the other one and exactly three digits follow ("10.000" in French is 10 000,
    "4,800" is 4.8; in English "10,000" is 10 000 and "4.800" is 4.8). The marks are
    ``language.toml`` ``[numbers]`` ``decimal`` and ``grouping``.

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
    return _parse_digits(text, _grammar(lexicons.check_lang(lang)))


def _parse_digits(text: str, g: _Grammar) -> float:
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
        tail = s.rsplit(sep, 1)[1]
        grouping = sep in g.thousands and len(tail) == 3 and sep != g.decimal
        s = s.replace(sep, "" if dots + commas > 1 or grouping else ".")
    if s.count(".") > 1 or s in {".", ""}:
        raise ValueError(f"not a figure: {text!r}")
    return float(s)


# -- number words -------------------------------------------------------------------------

_TOKEN_SPLIT = r"[\s\-]+"
_TOKEN = r"[^\s\-]+"


def _tokens(text: str) -> list[str]:
    return [t for t in compiled(_TOKEN_SPLIT).split(text.lower().replace("’", "'")) if t]


@attrs.define(eq=False)
class _Reading:
    """Where the reading of number words stands (see :data:`WORD_STEPS`)."""

    __repr__ = record_repr

    cardinals: Mapping[str, float]
    tokens: list[str]
    total: float = 0.0
    current: float = 0.0
    base: tuple[float, float] = (0.0, 0.0)  # (total, current) at the last connector
    base_after_scale: bool = False  # that connector came right after a scale >= 1000
    last_scale: float = 1.0
    last_group: float = 0.0  # what the last scale of 1000 or more added to the total
    prev: str = ""
    decimals: list[str] | None = None  # digits after a spelt-out decimal point
    decimal_end: int = 0  # the index of the first token after them

    def flush_decimals(self) -> None:
        if self.decimals:
            self.current += float("0." + "".join(self.decimals))
            self.decimals = None


#: How each token of a run of number words is read, first rule that takes it; a token no
#: rule takes means the run is not a number. A rule returns ``None`` when the token is not
#: its kind, else whether the token is remembered as the previous one.
WORD_STEPS: RuleTable[Callable[[_Reading, _Grammar, int], bool | None]] = RuleTable("number words")


@WORD_STEPS.rule("decimal-digit")
def _decimal(r: _Reading, g: _Grammar, i: int) -> bool | None:
    """The words after a decimal point, read by ``decimal-point`` ("point twenty five")."""
    return None if r.decimals is None or i >= r.decimal_end else False


def _decimal_connector(tokens: list[str], i: int, g: _Grammar) -> bool:
    """A connector read as the decimal point: no fraction after it ("siete con cincuenta")."""
    return tokens[i] in g.decimal_connectors and not any(
        _fraction_value(t, g) is not None for t in tokens[i + 1 :]
    )


def _inner(r: _Reading, g: _Grammar, i: int) -> bool:
    """A tens joiner between a ten and a unit ("treinta y dos"): part of the integer.

    Not before an article ("diez y un cuarto" is 10.25).
    """
    tokens = r.tokens
    if tokens[i] not in g.tens_joiners or i + 1 >= len(tokens) or tokens[i + 1] in g.articles:
        return False
    before = r.cardinals.get(tokens[i - 1]) if i else None
    after = r.cardinals.get(tokens[i + 1])
    return (
        before is not None
        and after is not None
        and 10 <= before < 100
        and before % 10 == 0
        and after < 10
    )


@WORD_STEPS.rule("connector")
def _connector(r: _Reading, g: _Grammar, i: int) -> bool | None:
    """Connectors and articles: "vingt et un", "three hundred and fifty", "half a million".

    A connector opens what a fraction after it divides ("uno y medio", "twenty and three
    fifths"), except a tens joiner between a ten and a unit ("ciento treinta y dos quintos"
    is 132/5).
    """
    tok = r.tokens[i]
    if tok in g.connectors and not _decimal_connector(r.tokens, i, g):
        if not _inner(r, g, i):
            r.base = (r.total, r.current)
            r.base_after_scale = r.prev in g.scales and g.scales[r.prev] >= 1000
        return True
    return True if tok in g.articles and tok not in r.cardinals else None


def _decimal_digits(tokens: list[str], g: _Grammar) -> str | None:
    """The digits the words after a decimal point stand for, or None.

    One digit word each ("two five" is 25), else one integer ("twenty five", "mil
    quinientos setenta y ocho" is 1578).
    """
    values = [g.cardinals.get(t) for t in tokens]
    if values and all(v is not None and v < 10 for v in values):
        return "".join(str(int(v)) for v in values if v is not None)
    value = _own_words(tokens, g) if tokens else None
    return None if value is None or value != int(value) else str(int(value))


@WORD_STEPS.rule("decimal-point")
def _point(r: _Reading, g: _Grammar, i: int) -> bool | None:
    """A spelt-out decimal point ("two point five", "dos coma cinco"), or a decimal connector.

    The words after it, up to a closing scale ("two point five million"), are its digits.
    """
    tokens = r.tokens
    if tokens[i] not in g.points and not _decimal_connector(tokens, i, g):
        return None
    end = len(tokens)
    while end > i + 1 and tokens[end - 1] in g.scales:
        end -= 1
    digits = _decimal_digits(tokens[i + 1 : end], g)
    if digits is None:
        return None
    r.flush_decimals()
    r.decimals, r.decimal_end = [digits], end
    return False


@WORD_STEPS.rule("cardinal")
def _cardinal(r: _Reading, g: _Grammar, i: int) -> bool | None:
    """Cardinals add up; a multiplying ten multiplies a unit before it ("quatre-vingts")."""
    tok = r.tokens[i]
    if tok not in r.cardinals:
        return None
    r.flush_decimals()
    v = r.cardinals[tok]
    prev = r.cardinals.get(r.prev, 0.0)
    if tok in g.multiplying_tens and 1 < prev < 10 and 0 < r.current % 100 < 10:
        r.current = r.current - r.current % 100 + (r.current % 100) * v
    else:
        r.current += v
    return True


@WORD_STEPS.rule("scale")
def _scale(r: _Reading, g: _Grammar, i: int) -> bool | None:
    """Scales multiply: "trois cents", "two million", "a thousand million"."""
    tok = r.tokens[i]
    if tok not in g.scales:
        return None
    r.flush_decimals()
    scale = g.scales[tok]
    if scale < 1000:
        r.current = (r.current or 1) * scale
    elif not r.current and r.last_group and scale > r.last_scale:
        # A larger scale right after a smaller one multiplies its group: "three hundred
        # thousand million", "tres billones cuatrocientos mil millones".
        r.total += r.last_group * (scale - 1)
        r.last_group *= scale
        r.last_scale = scale
    else:
        r.last_group = (r.current or 1) * scale
        r.total += r.last_group
        r.current = 0.0
        r.last_scale = scale
    return True


def _fraction_value(tok: str, g: _Grammar) -> float | None:
    """The value of a fraction word: listed ("tiers"), or compound ("veintiunavos" is 1/21)."""
    listed = g.fractions.get(tok)
    if listed is not None:
        return listed
    m = g.compound.fullmatch(tok)
    if m is None:
        return None
    denominator = _own_words([p.lower() for p in m.captures("p")], g)
    return None if denominator is None or denominator < 2 else 1 / denominator


@WORD_STEPS.rule("fraction")
def _fraction_word(r: _Reading, g: _Grammar, i: int) -> bool | None:
    """A fraction divides what was said since the last connector ("two thirds").

    Right after "et"/"and" following a scale it is a fraction of that scale ("cinq
    milliards et trois quarts"); with nothing before it, it counts once ("one and a half",
    "half a million").
    """
    tok = r.tokens[i]
    frac = _fraction_value(tok, g)
    if frac is None:
        return None
    r.flush_decimals()
    ahead = [t for t in r.tokens[i + 1 :] if t not in g.connectors and t not in g.articles]
    scale_ahead = bool(ahead) and ahead[0] in g.scales
    numerator = (r.total + r.current) - (r.base[0] + r.base[1])
    if numerator and r.base_after_scale and not scale_ahead:
        r.total, r.current = r.base[0] + numerator * frac * r.last_scale, r.base[1]
    elif numerator:
        r.total, r.current = r.base[0], r.base[1] + numerator * frac
    elif r.total and not r.current and not scale_ahead:
        r.total += frac * r.last_scale
    else:
        r.current += frac
    return True


def _own_words(
    tokens: list[str], g: _Grammar, extra: Mapping[str, float] | None = None
) -> float | None:
    """Read number words with the lexicon alone: integers, fractions, spelt-out decimals.

    ``extra`` adds cardinals (figures written with digits among the words).
    """
    r = _Reading(cardinals={**g.cardinals, **extra} if extra else g.cardinals, tokens=tokens)
    for i, tok in enumerate(tokens):
        for step in _WORD_STEPS:
            remember = step(r, g, i)
            if remember is not None:
                break
        else:
            return None
        if remember:
            r.prev = tok
    r.flush_decimals()
    return r.total + r.current


def _text2num(tokens: list[str], code: str) -> float | None:
    from text_to_num import text2num

    try:
        return float(text2num(" ".join(tokens), code))
    except ValueError:
        return None


def _read_words(tokens: list[str], g: _Grammar) -> float | None:
    """Integers through ``text2num`` when it knows the language, the rest by the lexicon."""
    decimal = g.points | g.decimal_connectors
    if g.text2num is not None and not any(
        t in decimal or _fraction_value(t, g) is not None for t in tokens
    ):
        value = _text2num(tokens, g.text2num)
        if value is not None:
            return value
    return _own_words(tokens, g)


def words_to_number(text: str, *, lang: str) -> float | None:
    """Read a number written in words, or return ``None`` if it is not one.

    Integers go through ``text2num`` when ``language.toml`` names its code for the
    language; halves, quarters, spelt-out decimals, and integers in a language text2num
    does not know, through a small reader of the ``numbers`` lexicon.

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
    g = _grammar(lexicons.check_lang(lang))
    tokens = _tokens(text)
    return _read_words(tokens, g) if tokens else None


# -- scanning -----------------------------------------------------------------------------


def _evaluate(m: _Match, g: _Grammar) -> NumberMatch | None:
    """Turn one match of the atom pattern into a :class:`NumberMatch` (its atom's resolver)."""
    for name, resolve in _ATOMS:
        if m.group(name) is not None:
            return resolve(m, g)
    return None


#: Joins of a number with what follows it into one number, tried in order after the atom;
#: each returns the joined number or ``None``, and appends ``+<name>`` to its rule (but
#: ``groups``, whose number stays ``words``).
JOINS: RuleTable[Callable[[str, _Grammar, NumberMatch, int], NumberMatch | None]] = RuleTable(
    "number joins"
)


@JOINS.rule("groups")
def _join_groups(text: str, g: _Grammar, n: NumberMatch, endpos: int) -> NumberMatch | None:
    """Groups of a number written out across a separator: "three million, two hundred & forty".

    Only words after a scale word, and a smaller group after.
    """
    while n.kind == "words":
        last = _tokens(n.text)[-1:]
        scale = g.scales.get(last[0]) if last else None
        sep = g.group_sep.match(text, n.end, endpos) if scale else None
        if scale is None or sep is None:
            return n
        m = g.atom.match(text, sep.end(), endpos)
        nxt = _words(m, g) if m is not None and m.group("words") is not None else None
        if nxt is None or nxt.value >= scale:
            return n
        n = attrs.evolve(n, end=nxt.end, text=text[n.start : nxt.end], value=n.value + nxt.value)
    return n


def _integer_at(text: str, g: _Grammar, pos: int, endpos: int) -> tuple[NumberMatch, str] | None:
    """An unscaled integer starting at ``pos`` and the digits it stands for after a point."""
    m = g.atom.match(text, pos, endpos)
    n = _evaluate(m, g) if m is not None else None
    if n is None or n.scaled or n.value != int(n.value) or n.rule not in {"digits", "words"}:
        return None
    digits = n.text if n.kind == "digits" else _decimal_digits(_tokens(n.text), g)
    return None if digits is None or not digits.isdigit() else (n, digits)


@JOINS.rule("spelt-point")
def _spelt_point(text: str, g: _Grammar, n: NumberMatch, endpos: int) -> NumberMatch | None:
    """A figure, a spelt-out point (or decimal connector), an integer: "1 punto cinco", "1 point 5".

    One side at least is written with digits ("uno coma 5", "1 con 5"); words on both
    sides are read by the word reader.
    """
    if n.scaled or n.value != int(n.value) or n.rule not in {"digits", "words"}:
        return None
    m = g.point_after.match(text, n.end, endpos)
    after = _integer_at(text, g, m.end(), endpos) if m is not None else None
    if after is None or (n.kind == after[0].kind == "words"):
        return None
    nxt, digits = after
    return attrs.evolve(
        n,
        end=nxt.end,
        text=text[n.start : nxt.end],
        value=n.value + float("0." + digits),
        kind="digits",
        rule=f"{n.rule}+spelt-point",
    )


@JOINS.rule("tens-digit")
def _tens_digit(text: str, g: _Grammar, n: NumberMatch, endpos: int) -> NumberMatch | None:
    """A ten in words, a tens joiner, a digit: "treinta y 3" (``words.tens_joiners``)."""
    last = _tokens(n.text)[-1:] if n.kind == "words" else []
    ten = g.cardinals.get(last[0]) if last else None
    if ten is None or not (20 <= ten < 100 and ten % 10 == 0):
        return None
    m = g.tens_digit.match(text, n.end, endpos)
    if m is None:
        return None
    return attrs.evolve(
        n,
        end=m.end(),
        text=text[n.start : m.end()],
        value=n.value + int(m.group("d")),
        rule=f"{n.rule}+tens-digit",
    )


@JOINS.rule("scale-groups")
def _scale_groups(text: str, g: _Grammar, n: NumberMatch, endpos: int) -> NumberMatch | None:
    """A figure with a large scale, then a smaller one with its own: "4 millones 2 mil 3".

    "5 millones 300 mil" is 5 300 000; the scale after must be smaller.
    """
    if n.kind != "digits" or not n.scaled or n.scale < 1e6:
        return None
    gap = compiled(GAP).match(text, n.end, endpos)
    m = g.atom.match(text, gap.end(), endpos) if gap is not None else None
    nxt = _evaluate(m, g) if m is not None else None
    if nxt is None or nxt.kind != "digits" or not nxt.scaled or nxt.scale >= n.scale:
        return None
    return attrs.evolve(
        n,
        end=nxt.end,
        text=text[n.start : nxt.end],
        value=n.value + nxt.value,
        rule=f"{n.rule}+scale-groups",
    )


def _joined(text: str, g: _Grammar, n: NumberMatch, endpos: int) -> NumberMatch:
    for join in _JOINS:
        joined = join(text, g, n, endpos)
        if joined is not None:
            n = joined
    return n


def _scan(text: str, g: _Grammar, pos: int, endpos: int) -> NumberMatch | None:
    """The first number at or after ``pos`` and before ``endpos``, or ``None``."""
    while pos < endpos:
        m = g.atom.search(text, pos, endpos)
        if m is None:
            return None
        found = _evaluate(m, g)
        if found is not None:
            return _joined(text, g, found, endpos)
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


# The tables are complete once the module is imported: the engine loops over snapshots.
_ATOMS = tuple((rule.name, rule.fn) for rule in ATOMS)
_NOTATIONS = tuple((rule.name, rule.name.replace("-", "_"), rule.fn) for rule in NOTATIONS)
_WORD_STEPS = tuple(rule.fn for rule in WORD_STEPS)
_JOINS = tuple(rule.fn for rule in JOINS)
