"""Article text from bytes and files: decoding and safe reading, with clear errors.

Text files are UTF-8 (a BOM allowed), or UTF-16/UTF-32 with a byte order mark.
Reading is bounded: :func:`read_file` reads at most ``max_bytes`` (+1 to tell a
file that is too large), and with ``regular_only=True`` refuses FIFOs, devices
and sockets without ever blocking on them (it opens without waiting and checks
what it opened).

Examples
--------
>>> read_text("Kyiv".encode())
'Kyiv'
>>> read_text("Kyiv".encode("utf-16"))
'Kyiv'
"""

from __future__ import annotations

import codecs
import functools
import os
import stat
from collections.abc import Callable

from osintparse.errors import DecodeError, InputTooLargeError, ReadError

__all__ = ["DEFAULT_MAX_BYTES", "read_file", "read_path", "read_text"]

#: The largest text file the command line reads unless told otherwise (``--max-bytes``).
DEFAULT_MAX_BYTES = 10_000_000

# Byte order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def read_text(data: bytes, *, name: str = "<bytes>") -> str:
    """Decode article bytes: UTF-8, or UTF-8/16/32 with a byte order mark.

    The byte order mark decides the encoding (and is dropped); without one the
    bytes must be UTF-8 and hold no NUL byte (binary data).

    Raises
    ------
    osintparse.DecodeError
        When the bytes hold NUL characters (without a BOM) or are not valid in
        their encoding; the message names the byte and what to do.

    Examples
    --------
    >>> read_text("Séoul".encode())
    'Séoul'
    >>> read_text(codecs.BOM_UTF16_BE + "Séoul".encode("utf-16-be"))
    'Séoul'
    >>> read_text(b"PNG\\x00\\x01")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    osintparse.errors.DecodeError: <bytes>: looks like binary data (NUL bytes); ...
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as err:
                raise DecodeError(
                    f"{name}: starts with a {label} byte order mark but is not valid "
                    f"{label} at byte {err.start}; re-encode the file as UTF-8"
                ) from err
    if b"\x00" in data[:8192]:
        raise DecodeError(
            f"{name}: looks like binary data (NUL bytes); give a text file (a UTF-16 or "
            "UTF-32 file needs a byte order mark: re-encode it as UTF-8, e.g. "
            "iconv -f utf-16le -t utf-8)"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise DecodeError(
            f"{name}: not valid UTF-8 at byte {err.start}; re-encode the file as UTF-8 "
            "(e.g. iconv -f latin1 -t utf-8)"
        ) from err


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a regular file"


def _too_large(name: str, size: int, max_bytes: int, at_least: bool) -> InputTooLargeError:
    size_part = "" if at_least else f" {size:,} bytes,"
    return InputTooLargeError(
        f"{name}:{size_part} larger than the limit of {max_bytes:,} bytes (--max-bytes); "
        "split the file, or raise the limit (e.g. --max-bytes 50M, or 0 for no limit)"
    )


def read_file(
    path: str, *, max_bytes: int | None = None, regular_only: bool = False, name: str = ""
) -> bytes:
    """Read the bytes of the file at ``path``, at most ``max_bytes`` of them.

    Parameters
    ----------
    path
        The file.
    max_bytes
        Refuse a file longer than this (only ``max_bytes + 1`` bytes are ever
        read, so a device such as ``/dev/zero`` cannot exhaust memory); ``None``
        for no limit.
    regular_only
        Refuse anything but a regular file (FIFOs, devices, sockets, directories,
        symbolic links to them), without blocking: the file is opened in
        non-blocking mode and checked before any read.
    name
        How to name the file in messages (default: ``path``).

    Raises
    ------
    osintparse.ReadError
        When the file cannot be opened or read, or is not a regular file
        (``regular_only``).
    osintparse.InputTooLargeError
        When it holds more than ``max_bytes`` bytes.

    Examples
    --------
    >>> read_file("/dev/null")
    b''
    >>> read_file("/dev/zero", max_bytes=10)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    osintparse.errors.InputTooLargeError: /dev/zero: larger than the limit of 10 bytes ...
    >>> read_file("/dev/null", regular_only=True)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    osintparse.errors.ReadError: /dev/null: a device, not a regular file; skipped ...
    """
    name = name or path
    flags = os.O_RDONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    if regular_only:
        flags |= getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must not wait for a writer
    try:
        fd = os.open(path, flags)
    except OSError as err:
        reason = err.strerror or type(err).__name__
        raise ReadError(f"{name}: cannot read ({reason}); check the path") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode) or (regular_only and not stat.S_ISREG(info.st_mode)):
            raise ReadError(
                f"{name}: {_kind(info.st_mode)}, not a regular file; "
                + (
                    "skipped (only regular files are read from directories)"
                    if regular_only
                    else "give a file"
                )
            )
        if max_bytes is not None and stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise _too_large(name, info.st_size, max_bytes, at_least=False)
        data = _read_at_most(
            functools.partial(os.read, fd), None if max_bytes is None else max_bytes + 1
        )
    except OSError as err:
        if isinstance(err, ReadError):
            raise
        reason = err.strerror or type(err).__name__
        raise ReadError(f"{name}: cannot read ({reason}); check the path") from None
    finally:
        os.close(fd)
    if max_bytes is not None and len(data) > max_bytes:
        raise _too_large(name, len(data), max_bytes, at_least=True)
    return data


def _read_at_most(read: Callable[[int], bytes | None], limit: int | None) -> bytes:
    """Read until end of file or ``limit`` bytes, in chunks (raw reads may be short)."""
    chunks: list[bytes] = []
    total = 0
    while limit is None or total < limit:
        want = 1 << 20 if limit is None else min(1 << 20, limit - total)
        chunk = read(want)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def read_path(path: str, *, max_bytes: int | None = None) -> str:
    """Read and decode the article file at ``path``.

    Raises
    ------
    osintparse.ReadError
        When the file cannot be read.
    osintparse.InputTooLargeError
        When it holds more than ``max_bytes`` bytes.
    osintparse.DecodeError
        When its bytes are not text (see :func:`read_text`).

    Examples
    --------
    >>> read_path("/no/such/file.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    osintparse.errors.ReadError: /no/such/file.txt: cannot read (No such file or directory); ...
    """
    return read_text(read_file(path, max_bytes=max_bytes), name=path)
