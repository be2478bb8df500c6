"""One ``__repr__`` for osintparse's attrs records, written once, not per class.

attrs writes the source of each record class's methods and compiles it when the class is
created: some twenty classes when ``import osintparse`` imports the model, some sixty more
when the first ``parse`` imports the engines. The ``__repr__`` attrs writes is most of that
source when the class compares by identity, and a large part otherwise, and compiling it a
large part of the class's cost. A class that sets ``__repr__ = record_repr`` in its body
gets none written (attrs leaves a ``__repr__`` the class defines) and reads the same:
``Name(field=value, ...)`` over the fields attrs shows (a field's own ``repr`` callable
applied), ``...`` for a record met again inside itself. A subclass decorated by attrs gets
attrs' own again (it does not define ``__repr__`` itself): the same text.

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
