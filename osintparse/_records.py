"""One ``__repr__`` for the engines' internal attrs records, written once, not per class.

attrs writes the source of each record class's methods and compiles it when the class is
created; for the engines' records (matches, readings, states: some fifty classes, created
when the first ``parse`` imports the engines) the ``__repr__`` attrs writes is most of that
source, and compiling it most of the class's cost. A class that sets
``__repr__ = record_repr`` in its body gets none written (attrs leaves a ``__repr__`` the
class defines), and reads the same: ``Name(field=value, ...)`` over the fields attrs shows,
``...`` for a record met again inside itself. The records of :mod:`osintparse.model` keep
attrs' own.

Examples
--------
>>> import attrs
>>> @attrs.frozen(eq=False)
... class Span:
...     start: int
...     end: int
...     text: str = attrs.field(repr=False, default="")
...     __repr__ = record_repr
>>> Span(0, 3, "abc")
Span(start=0, end=3)
>>> @attrs.frozen
... class Same:
...     start: int
...     end: int
...     text: str = attrs.field(repr=False, default="")
>>> repr(Same(0, 3)) == repr(Span(0, 3)).replace("Span", "Same")
True
"""

from __future__ import annotations

import threading
from typing import Any

__all__ = ["record_repr"]

_seen = threading.local()


def record_repr(self: Any) -> str:
    """``Name(field=value, ...)``, as attrs writes it for a record (see the module)."""
    try:
        seen: set[int] = _seen.ids
    except AttributeError:
        seen = _seen.ids = set()
    if id(self) in seen:
        return "..."
    seen.add(id(self))
    try:
        fields = ", ".join(
            f"{a.name}={(a.repr if callable(a.repr) else repr)(getattr(self, a.name))}"
            for a in self.__attrs_attrs__
            if a.repr
        )
    finally:
        seen.discard(id(self))
    return f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}({fields})"
