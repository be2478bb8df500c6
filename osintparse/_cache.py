"""Build-once caches that threads share (the lexicons, patterns and indexes of each language).

:func:`functools.cache` lets threads that miss the cache together each compute the
value: eight threads starting on a cold process built the places index eight times
and took eight times as long as one. :func:`once` computes each key in one thread
while the others wait for it, then serves every later call from a dictionary read,
as :func:`functools.cache` does.

Examples
--------
>>> from osintparse._cache import once
>>> @once
... def square(n: int) -> int:
...     return n * n
>>> square(4), square(4)
(16, 16)
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Hashable
from typing import ParamSpec, TypeVar

__all__ = ["once"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


def once(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """Cache ``fn`` by its arguments, computing each value in one thread only.

    Parameters
    ----------
    fn
        A function of hashable arguments whose result never changes in a process.

    Returns
    -------
    Callable
        The cached function (a function, so documentation tools read it as ``fn``);
        its ``cache_clear()`` empties it and ``cache_size()`` counts its values.

    Examples
    --------
    >>> calls = []
    >>> @once
    ... def load(name: str) -> str:
    ...     calls.append(name)
    ...     return name.upper()
    >>> load("fr"), load("fr"), calls, load.cache_size()
    ('FR', 'FR', ['fr'], 1)
    """
    values: dict[Hashable, _R] = {}
    locks: dict[Hashable, threading.RLock] = {}
    guard = threading.Lock()

    @functools.wraps(fn)
    def cached(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        key: Hashable = (args, tuple(sorted(kwargs.items()))) if kwargs else args
        try:
            return values[key]
        except KeyError:
            pass
        with guard:
            lock = locks.setdefault(key, threading.RLock())
        # A re-entrant lock per key: a value that needs another key of the same
        # function is computed in the same thread without waiting on itself.
        with lock:
            if key in values:
                return values[key]
            value = fn(*args, **kwargs)
            values[key] = value
        return value

    def cache_clear() -> None:
        with guard:
            values.clear()
            locks.clear()

    cached.cache_clear = cache_clear  # type: ignore[attr-defined]
    cached.cache_size = values.__len__  # type: ignore[attr-defined]
    return cached
