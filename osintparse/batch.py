"""Parse many articles, in order, on a pool of worker processes: :func:`parse_many`.

Items are texts (``str``), files (:class:`pathlib.Path` or any
:class:`os.PathLike`, read as UTF-8 in the worker), or ``(id, text_or_path)``
pairs that set :attr:`Article.id <osintparse.model.Article.id>`. A file's article
gets its path (as given) as ``id`` unless a pair names another.

Articles come back in input order. Work is sent to the workers in chunks, with
only a few chunks in flight at a time, so an input of millions of paths is never
held in memory at once. ``processes=1`` parses in the calling process, without a
pool.

The workers are started the platform's default way (``fork`` on Linux with
Python 3.11, ``spawn`` on macOS and Windows; pass ``mp_context`` to choose). The
pipeline is resolved in the calling process and pickled to the workers, so
extractors registered at run time are used there too, whatever the start
method; on ``spawn`` platforms call :func:`parse_many` under
``if __name__ == "__main__":`` as usual. With ``fork``, the first text is parsed
once in the calling process before the workers start, so that they inherit the
compiled patterns and loaded lexicons rather than each building them again on
every call (with ``spawn`` each worker builds them on its first article).

Errors
------
An item that fails (a file that can't be read: :class:`~osintparse.ReadError`;
bytes that aren't UTF-8: :class:`~osintparse.DecodeError`; an item of the wrong
type: :class:`~osintparse.InputTypeError`; or an error raised by an extractor) is
reported when iteration reaches it, after every article before it was yielded:

* ``on_error="raise"`` (the default) raises the error; its message names the
  path, and a note (:pep:`678`) names the item's position and id;
* ``on_error="skip"`` leaves the item out and warns with a
  :class:`~osintparse.SkippedItemWarning` naming it.

Examples
--------
>>> import osintparse
>>> texts = ["Selon Séoul, 10 000 soldats sont arrivés.", ("a2", "The ministry said so.")]
>>> [(a.id, a.lang) for a in osintparse.parse_many(texts, processes=1)]
[(None, 'fr'), ('a2', 'en')]
"""

from __future__ import annotations

import datetime as _dt
import functools
import io
import itertools
import os
import sys
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeAlias

import attrs

from osintparse import lexicons, model
from osintparse.errors import (
    InputTypeError,
    OsintparseError,
    SkippedItemWarning,
)
from osintparse.model import Article, coerce_published
from osintparse.pipeline import Pipeline

if TYPE_CHECKING:
    import concurrent.futures as _cf
    import multiprocessing.context

__all__ = ["DEFAULT_CHUNKSIZE", "DEFAULT_CHUNK_CHARS", "Item", "parse_many"]

#: What :func:`parse_many` accepts: a text, a path, or an ``(id, text_or_path)`` pair.
Item: TypeAlias = "str | os.PathLike[str] | tuple[str, str | os.PathLike[str]]"

#: Items per chunk sent to a worker when ``chunksize`` is not given.
DEFAULT_CHUNKSIZE = 32

#: With the automatic chunk size, a chunk is also closed once its texts hold this
#: many characters (files count as nothing, their size is not known beforehand).
DEFAULT_CHUNK_CHARS = 1_000_000

# Chunks in flight per worker: enough to keep every worker busy, few enough to
# bound memory.
_IN_FLIGHT_PER_PROCESS = 3
_PROGRESS_EVERY_S = 0.5


class _Task(NamedTuple):
    pos: int
    id: str | None
    text: str | None
    path: str | None


class _Failure(NamedTuple):
    pos: int
    label: str
    error: BaseException


_Result: TypeAlias = "Article | _Failure"

# Set in each worker process by _init_worker.
_WORKER: dict[str, Any] = {}


def _label(index: int, task_id: str | None, path: str | None) -> str:
    if path is not None and task_id == path:
        return f"item {index} (path {path!r})"
    if path is not None:
        return f"item {index} (id {task_id!r}, path {path!r})"
    if task_id is not None:
        return f"item {index} (id {task_id!r})"
    return f"item {index}"


def _read(path: str) -> str:
    from osintparse.io.inputs import read_path

    return read_path(path)


def _portable(err: BaseException) -> BaseException:
    """Return ``err`` if it survives pickling, else an OsintparseError with its text."""
    import pickle

    try:
        pickle.loads(pickle.dumps(err))
    except Exception:
        return OsintparseError(f"{type(err).__qualname__}: {err}")
    return err


def _run(task: _Task, pipeline: Pipeline, lang: str | None, published: _dt.date | None) -> _Result:
    try:
        text = task.text if task.path is None else _read(task.path)
        assert text is not None
        return pipeline(text, lang=lang, published=published, id=task.id)
    except Exception as err:
        return _Failure(task.pos, _label(task.pos, task.id, task.path), _portable(err))


def _init_worker(pipeline: Pipeline, lang: str | None, published: _dt.date | None) -> None:
    _WORKER.update(pipeline=pipeline, lang=lang, published=published)


def _work(chunk: list[_Task]) -> bytes:
    p, lang, when = _WORKER["pipeline"], _WORKER["lang"], _WORKER["published"]
    return _pack([_run(task, p, lang, when) for task in chunk])


# Results travel back from the workers in a compact pickle: each record of the
# data model as (class, field values), rebuilt without attrs' per-object
# __setstate__. The parent unpickles every article while the workers parse, on the
# same cores, so this cost bounds the pool's speed-up (2 x parse / (parse + pack +
# unpack)): field values are read with one operator.attrgetter call (C) and set
# through the slots' descriptors, without a name lookup per field.
class _Codec(NamedTuple):
    get: Callable[[Any], Any]
    setters: tuple[Callable[[Any, Any], None], ...]


@functools.cache
def _codecs() -> dict[type, _Codec]:
    import operator

    codecs: dict[type, _Codec] = {}
    for cls in vars(model).values():
        if isinstance(cls, type) and attrs.has(cls):
            names = [f.name for f in attrs.fields(cls)]
            setters = tuple(getattr(cls, name).__set__ for name in names)
            # Every record has several fields, so attrgetter returns a tuple.
            codecs[cls] = _Codec(operator.attrgetter(names[0], *names[1:]), setters)
    return codecs


def _rebuild(cls: type, values: tuple[Any, ...]) -> Any:
    obj: Any = object.__new__(cls)
    for setter, value in zip(_codecs()[cls].setters, values, strict=True):
        setter(obj, value)
    return obj


@functools.cache
def _pickler() -> type:
    import pickle  # here, not at import: ``import osintparse`` stays light

    class _Pickler(pickle.Pickler):
        def reducer_override(self, obj: Any) -> Any:
            cls = type(obj)
            codec = _codecs().get(cls)
            if codec is None:
                return NotImplemented
            return _rebuild, (cls, codec.get(obj))

    return _Pickler


def _pack(results: list[_Result]) -> bytes:
    buf = io.BytesIO()
    _pickler()(buf, protocol=5).dump(results)
    return buf.getvalue()


def _unpack(data: bytes) -> list[_Result]:
    import pickle

    results: list[_Result] = pickle.loads(data)
    return results


def _prepare(index: int, item: object) -> _Task | _Failure:
    task_id: str | None = None
    if isinstance(item, tuple):
        if len(item) != 2 or not isinstance(item[0], str):
            err = InputTypeError(
                f"a pair item must be (id: str, text or path), got {_describe(item)}"
            )
            return _Failure(index, _label(index, None, None), err)
        task_id, item = item
    if isinstance(item, str):
        return _Task(index, task_id, item, None)
    if isinstance(item, os.PathLike):
        path = os.fspath(item)
        if isinstance(path, str):
            return _Task(index, path if task_id is None else task_id, None, path)
    hint = " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(item, bytes) else ""
    err = InputTypeError(
        f"items must be str texts, paths or (id, text) pairs, got {_describe(item)}{hint}"
    )
    return _Failure(index, _label(index, task_id, None), err)


def _describe(item: object) -> str:
    if isinstance(item, tuple):
        return f"a tuple of {len(item)}: ({', '.join(type(x).__name__ for x in item)})"
    return type(item).__name__


def _chunks(
    items: Iterable[object], chunksize: int | None
) -> Iterator[tuple[list[_Task], list[_Failure]]]:
    """Group items into chunks of tasks; bad items come out as failures in order."""
    limit = chunksize or DEFAULT_CHUNKSIZE
    tasks: list[_Task] = []
    failures: list[_Failure] = []
    chars = 0
    for index, item in enumerate(items):
        prepared = _prepare(index, item)
        if isinstance(prepared, _Failure):
            failures.append(prepared)
            continue
        tasks.append(prepared)
        chars += len(prepared.text or "")
        if len(tasks) >= limit or (chunksize is None and chars >= DEFAULT_CHUNK_CHARS):
            yield tasks, failures
            tasks, failures, chars = [], [], 0
    if tasks or failures:
        yield tasks, failures


def _merge(tasks: list[_Task], results: list[_Result], failures: list[_Failure]) -> list[_Result]:
    if not failures:
        return results
    indexed = [*zip((t.pos for t in tasks), results, strict=True)]
    indexed += [(f.pos, f) for f in failures]
    return [r for _, r in sorted(indexed, key=lambda pair: pair[0])]


def parse_many(
    items: Iterable[Item],
    *,
    lang: str | None = None,
    published: _dt.date | _dt.datetime | str | None = None,
    processes: int | None = None,
    chunksize: int | None = None,
    progress: bool | Callable[[int], object] = False,
    pipeline: Pipeline | None = None,
    on_error: Literal["raise", "skip"] = "raise",
    mp_context: multiprocessing.context.BaseContext | None = None,
) -> Iterator[Article]:
    """Parse many texts or files on a process pool; yield Articles in input order.

    Parameters
    ----------
    items
        Texts (``str``), paths (read as UTF-8, a BOM allowed), or ``(id, text)``
        / ``(id, path)`` pairs; any iterable, consumed lazily.
    lang, published
        As for :func:`osintparse.parse`, for every item.
    processes
        Worker processes; ``None`` for one per CPU this process may use; ``1``
        parses in the calling process with no pool.
    chunksize
        Items sent to a worker at a time. ``None`` (the default) sends
        :data:`DEFAULT_CHUNKSIZE` items, or fewer when their texts exceed
        :data:`DEFAULT_CHUNK_CHARS` characters.
    progress
        ``True`` to print a running count and rate on standard error, or a
        callable called with the number of articles yielded so far.
    pipeline
        The :class:`~osintparse.Pipeline` to run (default
        :meth:`Pipeline.default() <osintparse.Pipeline.default>`).
    on_error
        ``"raise"`` (default) or ``"skip"``; see the module documentation.
    mp_context
        A :mod:`multiprocessing` context (e.g. ``multiprocessing.get_context("spawn")``).

    Raises
    ------
    osintparse.UnsupportedLanguageError, osintparse.InvalidPublishedError
        At once, for a bad ``lang`` or ``published``.
    ValueError
        At once, for ``processes`` or ``chunksize`` below 1 or an unknown ``on_error``.
    osintparse.ReadError, osintparse.DecodeError, osintparse.InputTypeError
        When iteration reaches an item that can't be read, decoded or understood
        (with ``on_error="raise"``); an extractor's own error likewise.

    Examples
    --------
    >>> import osintparse
    >>> arts = osintparse.parse_many([("x", "Un texte."), "Another one."], processes=1)
    >>> [(a.id, a.text) for a in arts]
    [('x', 'Un texte.'), (None, 'Another one.')]
    """
    code = lexicons.check_lang(lang) if lang is not None else None
    when = coerce_published(published)
    if processes is None:
        processes = _cpu_count()
    if not isinstance(processes, int) or processes < 1:
        raise ValueError(f"processes must be an int >= 1 or None, got {processes!r}")
    if chunksize is not None and (not isinstance(chunksize, int) or chunksize < 1):
        raise ValueError(f"chunksize must be an int >= 1 or None, got {chunksize!r}")
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', got {on_error!r}")
    if pipeline is not None and not isinstance(pipeline, Pipeline):
        raise InputTypeError(
            f"pipeline must be an osintparse.Pipeline or None, got {type(pipeline).__name__}"
        )
    pipe = pipeline if pipeline is not None else Pipeline.default()
    chunks = _chunks(items, chunksize)
    if processes == 1:
        results = _serial(chunks, pipe, code, when)
    else:
        results = _pooled(chunks, pipe, code, when, processes, mp_context)
    return _deliver(results, on_error, progress)


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _serial(
    chunks: Iterator[tuple[list[_Task], list[_Failure]]],
    pipe: Pipeline,
    lang: str | None,
    when: _dt.date | None,
) -> Iterator[_Result]:
    for tasks, failures in chunks:
        yield from _merge(tasks, [_run(t, pipe, lang, when) for t in tasks], failures)


def _pooled(
    chunks: Iterator[tuple[list[_Task], list[_Failure]]],
    pipe: Pipeline,
    lang: str | None,
    when: _dt.date | None,
    processes: int,
    mp_context: multiprocessing.context.BaseContext | None,
) -> Iterator[_Result]:
    import concurrent.futures
    import multiprocessing

    context = mp_context if mp_context is not None else multiprocessing.get_context()
    first = next(chunks, None)
    if first is None:
        return
    if context.get_start_method() == "fork":
        _warm_up(first[0], pipe, lang, when)
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=processes,
        mp_context=mp_context,
        initializer=_init_worker,
        initargs=(pipe, lang, when),
    )
    pending: deque[tuple[list[_Task], _cf.Future[bytes] | None, list[_Failure]]]
    pending = deque()
    window = processes * _IN_FLIGHT_PER_PROCESS
    try:
        for tasks, failures in itertools.chain([first], chunks):
            future = pool.submit(_work, tasks) if tasks else None
            pending.append((tasks, future, failures))
            while len(pending) >= window:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _warm_up(tasks: list[_Task], pipe: Pipeline, lang: str | None, when: _dt.date | None) -> None:
    """Parse the first text once in this process, before the workers are forked.

    The extractors compile their patterns and load their lexicons on first use;
    forked workers inherit them from this process instead of each paying that
    first-parse cost (about 0.3 s of CPU per language and worker), on every call.
    The result is discarded: the workers parse the text again, in order.
    """
    text = next((t.text for t in tasks if t.text is not None), None)
    if text is not None:
        with warnings.catch_warnings():  # the worker's parse of it warns, in order
            warnings.simplefilter("ignore")
            _run(_Task(-1, None, text, None), pipe, lang, when)


def _collect(
    tasks: list[_Task], future: _cf.Future[bytes] | None, failures: list[_Failure]
) -> list[_Result]:
    return _merge(tasks, _unpack(future.result()) if future is not None else [], failures)


def _deliver(
    results: Iterator[_Result],
    on_error: str,
    progress: bool | Callable[[int], object],
) -> Iterator[Article]:
    done = 0
    started = last = time.perf_counter()
    try:
        for result in results:
            if isinstance(result, _Failure):
                if on_error == "skip":
                    warnings.warn(
                        f"parse_many skipped {result.label}: "
                        f"{type(result.error).__name__}: {result.error}",
                        SkippedItemWarning,
                        stacklevel=2,
                    )
                    continue
                result.error.add_note(f"in osintparse.parse_many, {result.label}")
                raise result.error
            yield result
            done += 1
            if callable(progress):
                progress(done)
            elif progress and time.perf_counter() - last >= _PROGRESS_EVERY_S:
                last = time.perf_counter()
                _print_progress(done, last - started)
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()  # shut the pool down now, not when the generator is collected
        if progress is True:
            _print_progress(done, time.perf_counter() - started, end="\n")


def _print_progress(done: int, elapsed: float, end: str = "") -> None:
    rate = done / elapsed if elapsed > 0 else 0.0
    sys.stderr.write(f"\rparse_many: {done} articles ({rate:.0f}/s){end}")
    sys.stderr.flush()
