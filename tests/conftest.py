"""Shared fixtures: the seed article and paths to the peers' reference data."""

from __future__ import annotations

import pathlib

import pytest

import osintparse

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "seeds" / "000_f65f4b272ae20413.txt"
PEERS = ROOT.parent / "shared" / "peers"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed(seed_text: str) -> osintparse.Article:
    return osintparse.parse(seed_text)


def assert_offsets(article: osintparse.Article) -> None:
    """Every mention's text is its slice of the article text."""
    for m in article.mentions():
        assert article.text[m.start : m.end] == m.text, m
