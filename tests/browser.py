"""Headless Chromium for the tests that check a page as a browser draws it."""

from __future__ import annotations

import shutil

__all__ = ["chromium"]

_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def chromium() -> str | None:
    """The path of a Chromium on ``PATH``, or None (the browser tests then skip)."""
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None
