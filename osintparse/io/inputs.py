"""Article text from bytes and files: decoding with clear errors.

Examples
--------
>>> read_text("Kyiv".encode())
'Kyiv'
"""

from __future__ import annotations

from osintparse.errors import DecodeError, ReadError

__all__ = ["read_path", "read_text"]


def read_text(data: bytes, *, name: str = "<bytes>") -> str:
    """Decode article bytes: UTF-8 (with or without BOM), refusing binary data.

    Raises
    ------
    osintparse.DecodeError
        When the bytes hold NUL characters or are not valid UTF-8.

    Examples
    --------
    >>> read_text("Séoul".encode())
    'Séoul'
    >>> read_text(b"\\xff\\xfe\\x00")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    osintparse.errors.DecodeError: <bytes>: looks like binary data ...
    """
    if b"\x00" in data[:8192]:
        raise DecodeError(f"{name}: looks like binary data (NUL bytes); give a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DecodeError(
            f"{name}: not valid UTF-8 at byte {err.start}; re-encode the file as UTF-8 "
            "(e.g. iconv -f latin1 -t utf-8)"
        ) from err


def read_path(path: str) -> str:
    """Read and decode the article file at ``path``.

    Raises
    ------
    osintparse.ReadError
        When the file cannot be read.
    osintparse.DecodeError
        When its bytes are not text (see :func:`read_text`).

    Examples
    --------
    >>> read_path("/no/such/file.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    osintparse.errors.ReadError: /no/such/file.txt: cannot read (No such file or directory); ...
    """
    try:
        with open(path, "rb") as fp:
            data = fp.read()
    except OSError as err:
        reason = err.strerror or type(err).__name__
        raise ReadError(f"{path}: cannot read ({reason}); check the path") from None
    return read_text(data, name=path)
