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


# Hypothesis profiles: "ci" (the default) keeps the property tests fast; run
# HYPOTHESIS_PROFILE=long pytest tests/test_properties.py for a long hand run.
def _register_hypothesis_profiles() -> None:
    import os

    from hypothesis import HealthCheck, settings

    settings.register_profile(
        "ci",
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        print_blob=True,
    )
    settings.register_profile(
        "long",
        max_examples=5000,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        print_blob=True,
    )
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


_register_hypothesis_profiles()
