"""The HTML view (Jupyter ``_repr_html_``) and the short reprs of Claim and Quantity."""

from __future__ import annotations

import datetime as dt
import html
import os
import pathlib
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser

import attrs
import pytest

import osintparse
from osintparse.display import article_html
from osintparse.model import Article, Attribution, Claim, DateMention, Hedge, Mention, Quantity
from tests.annotate import hand_annotated_seed
from tests.browser import chromium
from tests.conftest import ROOT, assert_offsets
from tests.invariants import modules_after

SCREENSHOT = ROOT / "docs" / "_static" / "seed-display.png"


class _Marks(HTMLParser):
    """Collect each <mark>'s attributes and visible text (labels excluded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[dict[str, str]] = []
        self.open: list[dict[str, str]] = []
        self.in_label = 0
        self.in_text = 0
        self.text_parts: list[str] = []
        self.claim_cells: list[str] = []
        self.in_td = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "mark":
            rec = {**a, "_text": ""}
            self.marks.append(rec)
            self.open.append(rec)
        elif tag == "span" and "osp-label" in a.get("class", ""):
            self.in_label += 1
        elif tag == "div" and a.get("class") == "osp-text":
            self.in_text += 1
        elif tag == "td":
            self.in_td = True
            self.claim_cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.open.pop()
        elif tag == "span" and self.in_label:
            self.in_label -= 1
        elif tag == "div" and self.in_text:
            self.in_text -= 1
        elif tag == "td":
            self.in_td = False

    def handle_data(self, data: str) -> None:
        if self.in_td:
            self.claim_cells[-1] += data
        if self.in_label or not self.in_text:
            return
        self.text_parts.append(data)
        for rec in self.open:
            rec["_text"] += data


def _parse(markup: str) -> _Marks:
    p = _Marks()
    p.feed(markup)
    p.close()
    return p


def _check_dom(article: Article, markup: str) -> _Marks:
    """The visible text is the article text, and every mark is its offsets' slice."""
    p = _parse(markup)
    assert "".join(p.text_parts) == article.text
    for m in p.marks:
        start, end = int(m["data-start"]), int(m["data-end"])
        assert m["_text"] == article.text[start:end], m
    return p


NASTY = "Selon <script>alert('x')</script> & Cie, 3 < 5 \"soldats\" le 1er mai 2025 auraient fui."


def _nasty_article() -> Article:
    t = NASTY
    src = t.index("<script>")
    qs = t.index("3 < 5")
    ds = t.index("1er mai 2025")
    hs = t.index("auraient")
    se = t.index(", 3 <")
    attribution = Attribution(
        start=0,
        end=se + 1,
        text=t[: se + 1],
        source=t[src:se],
        source_start=src,
        source_end=se,
        cue="Selon",
        cue_start=0,
        cue_end=5,
        stance="alleged",
        source_kind="media",
    )
    quantity = Quantity(start=qs, end=qs + 15, text=t[qs : qs + 15], value=5, noun='"soldats"')
    date = DateMention(start=ds, end=ds + 12, text=t[ds : ds + 12], value=dt.date(2025, 5, 1))
    hedge = Hedge(start=hs, end=hs + 8, text="auraient", effect=-0.3)
    claim = Claim(
        start=0,
        end=len(t),
        text=t,
        attributions=[attribution],
        quantities=[quantity],
        dates=[date],
        hedges=[hedge],
        stance="alleged",
        certainty=0.3,
    )
    return Article(
        text=t,
        lang="fr",
        quantities=[quantity],
        dates=[date],
        attributions=[attribution],
        hedges=[hedge],
        claims=[claim],
    )


def test_escaping_and_offsets() -> None:
    a = _nasty_article()
    assert_offsets(a)
    out = article_html(a)
    assert "<script>" not in out
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in out
    assert "&amp; Cie" in out
    assert "3 &lt; 5 &quot;soldats&quot;" in out
    p = _check_dom(a, out)
    kinds = sorted(m["data-kind"] for m in p.marks)
    assert kinds == ["cue", "date", "hedge", "quantity", "source"]
    # the claims table: one row, its cells escaped and complete
    assert out.count('class="osp-claim"') == 1
    assert p.claim_cells[0] == NASTY
    assert p.claim_cells[1].startswith("<script>alert('x')</script> & Cie (media)")
    assert p.claim_cells[2:4] == ["alleged", '5 "soldats"']
    assert p.claim_cells[4] == "1er mai 2025 = 2025-05-01"
    assert p.claim_cells[5] == ""  # places: none in this article
    assert p.claim_cells[6] == "0.30"
    assert a._repr_html_() == out


def test_no_claims_no_table() -> None:
    a = osintparse.Pipeline(["structure"])("Titre\n\nUne phrase.", lang="fr")
    out = a._repr_html_()
    assert "<table" not in out
    assert _parse(out).marks == []
    assert "".join(_parse(out).text_parts) == a.text


def test_nested_and_crossing_spans() -> None:
    t = "plus de 10 000 soldats en avril 2025 ici"
    outer = Quantity(start=0, end=36, text=t[:36], value=1e4)  # contains the date
    date = DateMention(start=26, end=36, text="avril 2025", precision="month")
    crossing = Hedge(start=31, end=40, text=t[31:40])  # crosses the date and the quantity end
    a = Article(text=t, quantities=[outer], dates=[date], hedges=[crossing])
    out = article_html(a)
    p = _check_dom(a, out)
    assert [m["data-kind"] for m in p.marks] == ["quantity", "date"]  # date nested, hedge dropped
    assert p.marks[1]["_text"] == "avril 2025"
    assert "1 crossing span(s) not drawn" in out


def test_same_span_two_kinds_and_custom_layer() -> None:
    t = "Il aurait tiré un S-400."
    hedge = Hedge(start=3, end=9, text="aurait")
    cue = Attribution(
        start=3,
        end=9,
        text="aurait",
        source="Il",
        source_start=0,
        source_end=2,
        cue="aurait",
        cue_start=3,
        cue_end=9,
        stance="alleged",
    )
    weapon = Mention(start=18, end=23, text="S-400", label="weapon", extractor="weapons")
    a = Article(text=t, attributions=[cue], hedges=[hedge], extras={"weapons": (weapon,)})
    p = _check_dom(a, article_html(a))
    assert [m["data-kind"] for m in p.marks] == ["source", "cue", "hedge", "weapons"]
    assert 'class="osp-label"' in article_html(a)
    assert ">weapon</span>" in article_html(a)


def test_reprs() -> None:
    q = Quantity(
        start=74, end=112, text="x" * 38, value=1e4, qualifier="more_than",
        noun="militaires nord-coréens",
    )  # fmt: skip
    assert repr(q) == "<Quantity more_than 10000 'militaires nord-coréens' @74:112>"
    q2 = Quantity(start=0, end=3, text="2,5", value=2.5, unit="km")
    assert repr(q2) == "<Quantity exact 2.5 km '2,5' @0:3>"
    c = _nasty_article().claims[0]
    r = repr(c)
    assert r.startswith("<Claim alleged by \"<script>alert('x')</script> & Cie\" certainty=0.30")
    assert "figures=1 dates=1" in r
    assert r.endswith(f"@0:{len(NASTY)}>")
    assert len(r) < 200


def test_no_ipython_import() -> None:
    code = "import osintparse, osintparse.display\nosintparse.parse('Un.', lang='fr')._repr_html_()"
    assert modules_after(code, "IPython") == []


def test_seed_every_kind() -> None:
    a = hand_annotated_seed()
    assert_offsets(a)
    p = _check_dom(a, article_html(a))
    assert {m["data-kind"] for m in p.marks} == {"quantity", "date", "source", "cue", "hedge"}
    assert len(p.claim_cells) == 7 * len(a.claims)


# --- headless Chromium --------------------------------------------------------------------


def _run_chromium(exe: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [
                exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                f"--user-data-dir={profile}", *args,
            ],
            capture_output=True,
            timeout=180,
            check=False,
        )  # fmt: skip


def _page(article: Article) -> str:
    return (
        '<!doctype html><html><head><meta charset="utf-8"><title>osintparse seed</title></head>'
        f'<body style="margin: 1.5em; background: white">{article_html(article)}</body></html>'
    )


def test_paragraphs_as_a_reader_expects_them(seed: Article) -> None:
    """Title and headings as headings, boilerplate greyed and labelled, text unchanged."""
    out = article_html(seed)
    _check_dom(seed, out)  # block wrappers and labels add no text
    title = out.index('class="osp-para osp-title"')
    assert 'role="heading" aria-level="1"' in out[title : title + 200]
    assert out.count('class="osp-para osp-heading"') == 2
    assert out.count('role="heading" aria-level="2"') == 2
    boiler = out[out.index('class="osp-para osp-boilerplate"') :]
    assert "color: #9a9a9a" in boiler[:400]
    assert boiler.index("Retour en haut") < boiler.index(">boilerplate</span></span>")
    assert out.count('class="osp-para') == len(seed.paragraphs)
    assert out.count('class="osp-gap"') == len(seed.paragraphs) - 1


def test_dateline_and_byline_labelled_and_crossing_spans_dropped() -> None:
    t = "Titre du jour\n\nKiev, le 12 mars 2025.\n\nPar Jean Dupont\n\nIls sont partis."
    a = osintparse.parse(t, lang="fr")
    out = article_html(a)
    _check_dom(a, out)
    assert ">dateline</span></span>" in out
    assert ">byline</span></span>" in out
    # a span over a paragraph break is not drawn (and counted in the legend)
    b = Article(
        text="Un.\n\nDeux.",
        paragraphs=a.paragraphs[:0],
        hedges=[Hedge(start=0, end=8, text="Un.\n\nDeu")],
    )
    assert 'data-kind="hedge"' in article_html(b)  # no paragraphs: drawn plainly
    c = osintparse.Pipeline(["structure"])("Un.\n\nDeux.", lang="fr")
    c = attrs.evolve(c, hedges=(Hedge(start=0, end=8, text="Un.\n\nDeu"),))
    out = article_html(c)
    assert 'data-kind="hedge"' not in out
    assert "1 crossing span(s) not drawn" in out
    _check_dom(c, out)


def test_seed_in_headless_chromium(seed: Article, tmp_path: pathlib.Path) -> None:
    """The parsed seed in Chromium; OSINTPARSE_UPDATE_SCREENSHOT=1 makes the docs picture."""
    exe = chromium()
    if exe is None:
        pytest.skip(
            "no chromium on PATH (Debian: apt-get install -y chromium); .ci/run installs it"
        )
    a = seed  # parsed, nothing added by hand
    page = tmp_path / "seed.html"
    page.write_text(_page(a), encoding="utf-8")
    url = page.as_uri()
    dom = _run_chromium(exe, "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr.decode(errors="replace")[-2000:]
    markup = dom.stdout.decode("utf-8")
    p = _check_dom(a, markup)  # the browser's DOM: same text, every span at its offsets
    kinds = [m["data-kind"] for m in p.marks]
    ours = [m["data-kind"] for m in _parse(article_html(a)).marks]
    assert kinds == ours  # every span we wrote is in the browser's DOM, in order
    assert len(set(kinds)) >= 4  # spans of (nearly) every kind, all found by the extractors
    assert markup.count('role="heading"') == 3  # the title and two headings
    assert ">boilerplate</span></span>" in markup
    assert html.unescape(p.claim_cells[0]) == a.claims[0].text
    shot = tmp_path / "seed.png"
    r = _run_chromium(exe, f"--screenshot={shot}", "--window-size=1000,1100", url)
    assert r.returncode == 0, r.stderr.decode(errors="replace")[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000  # a blank page compresses to a few kB
    if os.environ.get("OSINTPARSE_UPDATE_SCREENSHOT"):
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)
