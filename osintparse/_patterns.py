"""Compile a word list into one regular expression shaped like a trie.

An alternation of hundreds of literal words makes a backtracking engine try each
word at each position; a trie shares prefixes, so at each position the engine
follows one branch per character: matching stays linear in the text. A space in a
word matches any run of white space.

Examples
--------
>>> import regex
>>> p = trie_pattern(["selon", "signalé", "signale", "a déclaré"])
>>> p
'(?:(?:a\\\\s+déclaré|s(?:elon|ignal(?:e|é))))'
>>> regex.fullmatch(p, "a   déclaré") is not None
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import regex

__all__ = ["trie_pattern"]

_END = ""


def trie_pattern(words: Iterable[str]) -> str:
    """Return a non-capturing regex matching exactly ``words`` (longest first).

    Empty words are ignored; an empty list gives a pattern that never matches.

    Examples
    --------
    >>> trie_pattern(["ab", "abc"])
    '(?:ab(?:c)?)'
    >>> trie_pattern([])
    '(?!)'
    """
    root: dict[str, Any] = {}
    for word in words:
        if not word:
            continue
        node = root
        for ch in " ".join(word.split()):
            node = node.setdefault(ch, {})
        node[_END] = {}
    if not root:
        return "(?!)"
    return "(?:" + _emit(root) + ")"


def _emit(node: dict[str, Any]) -> str:
    alts = [_char(ch) + _emit(sub) for ch, sub in sorted(node.items()) if ch != _END]
    if not alts:
        return ""
    end = _END in node
    if len(alts) == 1 and not end:
        return alts[0]
    body = "(?:" + "|".join(alts) + ")"
    return body + "?" if end else body


def _char(ch: str) -> str:
    return r"\s+" if ch == " " else regex.escape(ch)
