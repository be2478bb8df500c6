"""Extractor protocol, registry, entry points, and Pipeline ordering."""

from __future__ import annotations

import pathlib
import sys
import textwrap
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

import osintparse
from osintparse.extractors import base
from osintparse.model import Mention
from tests.invariants import modules_after

_WEAPON = r"\b(?:F-16|S-400|Su-34|Kh-101|A-50|M142|T-72)\b"


class WeaponExtractor:
    """Finds weapon designations; a user's own extractor."""

    name = "weapons"
    produces = ("weapons",)
    requires = ("sentences",)

    def __call__(self, doc: osintparse.Document) -> Mapping[str, Any]:
        import re

        found = tuple(
            Mention(start=m.start(), end=m.end(), text=m.group(), label="weapon", rule="regex")
            for m in re.finditer(_WEAPON, doc.text)
        )
        return {"weapons": found}


@pytest.fixture
def clean_registry() -> Iterator[None]:
    saved = dict(base._REGISTRY)
    base._entry_points.cache_clear()
    yield
    base._REGISTRY.clear()
    base._REGISTRY.update(saved)
    base._entry_points.cache_clear()


TEXT = "Titre\n\nKiev a reçu des F-16 et Moscou a tiré des Kh-101 depuis des Su-34."


def test_register_directly(clean_registry: None) -> None:
    osintparse.register_extractor("weapons", WeaponExtractor)
    assert "weapons" in osintparse.available_extractors()
    a = osintparse.Pipeline(["structure", "weapons"])(TEXT, lang="fr")
    assert [m.text for m in a.extras["weapons"]] == ["F-16", "Kh-101", "Su-34"]
    for m in a.extras["weapons"]:
        assert a.text[m.start : m.end] == m.text
    assert osintparse.from_dict(osintparse.to_dict(a)) == a


def test_register_instance_and_decorator(clean_registry: None) -> None:
    osintparse.register_extractor("weapons", WeaponExtractor())

    @osintparse.register_extractor("weapons2")
    class Other(WeaponExtractor):
        name = "weapons2"
        produces = ("weapons2",)

        def __call__(self, doc: osintparse.Document) -> Mapping[str, Any]:
            return {"weapons2": super().__call__(doc)["weapons"]}

    a = osintparse.Pipeline(["structure", "weapons", "weapons2"])(TEXT, lang="fr")
    assert len(a.extras["weapons"]) == len(a.extras["weapons2"]) == 3


def test_conflicting_registration_refused(clean_registry: None) -> None:
    osintparse.register_extractor("weapons", WeaponExtractor)
    osintparse.register_extractor("weapons", WeaponExtractor)  # same object: fine
    with pytest.raises(osintparse.ExtractorConflictError, match="replace=True"):
        osintparse.register_extractor("weapons", lambda: WeaponExtractor())
    with pytest.raises(osintparse.ExtractorConflictError):
        osintparse.register_extractor("structure", WeaponExtractor)
    osintparse.register_extractor("weapons", lambda: WeaponExtractor(), replace=True)


def test_unknown_name_lists_available() -> None:
    with pytest.raises(osintparse.ExtractorNotFoundError) as err:
        osintparse.Pipeline(["structure", "no-such-thing"])
    assert "structure" in str(err.value)
    assert "no-such-thing" in str(err.value)


def test_order_is_checked(clean_registry: None) -> None:
    osintparse.register_extractor("weapons", WeaponExtractor)
    with pytest.raises(osintparse.PipelineOrderError, match="sentences"):
        osintparse.Pipeline(["weapons", "structure"])


def test_extractor_returning_garbage(clean_registry: None) -> None:
    class Bad:
        name = "bad"
        produces = ("bad",)
        requires = ()

        def __call__(self, doc: osintparse.Document) -> Any:
            return ["not", "a", "mapping"]

    with pytest.raises(osintparse.ExtractorError, match="mapping"):
        osintparse.Pipeline([Bad()])("x", lang="fr")


def test_custom_layer_must_be_mentions(clean_registry: None) -> None:
    class Bad:
        name = "bad"
        produces = ("bad",)
        requires = ()

        def __call__(self, doc: osintparse.Document) -> Any:
            return {"bad": [1, 2]}

    with pytest.raises(osintparse.ExtractorError, match="Mention"):
        osintparse.Pipeline([Bad()])("x", lang="fr")


def _install_plugin(
    root: pathlib.Path, declares: str = "", target: str = "Weapons", module: str = ""
) -> None:
    """Lay out a package as pip installs it: the module and its dist-info."""
    module = module or "osintparse_weapons_testplugin"
    pkg = root / module
    pkg.mkdir()
    (pkg / "__init__.py").write_text(
        textwrap.dedent(
            """
            import re
            from osintparse import Mention

            class Weapons:
                name = "weapons-ep"
                produces = ("weapons",)
                requires = ("sentences",)
                DECLARES

                def __call__(self, doc):
                    return {"weapons": tuple(
                        Mention(start=m.start(), end=m.end(), text=m.group(), label="weapon")
                        for m in re.finditer(r"\\bS-400\\b", doc.text))}
            """
        ).replace("DECLARES", declares)
    )
    info = root / f"{module}-0.1.dist-info"
    info.mkdir()
    dist = module.replace("_", "-")
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        f"[osintparse.extractors]\nweapons-ep = {module}:{target}\n"
    )
    (info / "RECORD").write_text("")


def test_entry_point_plugin(
    tmp_path: pathlib.Path, clean_registry: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _install_plugin(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    base._entry_points.cache_clear()
    assert "weapons-ep" in osintparse.available_extractors()
    a = osintparse.Pipeline(["structure", "weapons-ep"])("Titre\n\nDes S-400 ici.", lang="fr")
    assert [m.text for m in a.extras["weapons"]] == ["S-400"]
    sys.modules.pop("osintparse_weapons_testplugin", None)


def test_default_pipeline_starts_with_structure() -> None:
    p = osintparse.Pipeline.default()
    assert p.names[0] == "structure"
    assert set(p.names) <= set(osintparse.available_extractors())


def test_extractors_satisfy_protocol() -> None:
    for name in osintparse.Pipeline.default().names:
        ex = base.get_factory(name)()
        assert isinstance(ex, osintparse.Extractor)
        assert ex.name == name


# -- the enforced contract (issue 12, item 5) -----------------------------------------


def test_claims_before_the_quantities_it_uses_is_refused() -> None:
    with pytest.raises(osintparse.PipelineOrderError, match="'claims' uses 'quantities'"):
        osintparse.Pipeline(["structure", "claims", "quantities"])
    # Without quantities at all, claims simply have no figures.
    a = osintparse.Pipeline(["structure", "claims"])("Titre\n\n10 000 soldats.", lang="fr")
    assert [c.quantities for c in a.claims] == [(), ()]


def test_undeclared_output_is_refused() -> None:
    class Sneaky:
        name = "sneaky"
        produces = ("weapons",)
        requires = ()

        def __call__(self, doc: osintparse.Document) -> Any:
            return {"weapons": (), "claims": ("not a claim",)}

    with pytest.raises(osintparse.ExtractorError, match="'sneaky' returned layer 'claims'"):
        osintparse.Pipeline([Sneaky()])("x", lang="fr")


def test_declared_output_of_the_wrong_type_is_refused() -> None:
    class Liar:
        name = "liar"
        produces = ("claims",)
        requires = ()

        def __call__(self, doc: osintparse.Document) -> Any:
            return {"claims": ("not a claim",)}

    with pytest.raises(osintparse.ExtractorError, match="must be a tuple of Claim"):
        osintparse.Pipeline([Liar()])("x", lang="fr")


def test_missing_declared_output_is_refused() -> None:
    class Lazy:
        name = "lazy"
        produces = ("weapons", "vehicles")
        requires = ()

        def __call__(self, doc: osintparse.Document) -> Any:
            return {"weapons": ()}

    with pytest.raises(osintparse.ExtractorError, match="no 'vehicles'"):
        osintparse.Pipeline([Lazy()])("x", lang="fr")


def test_reading_an_undeclared_layer_is_refused() -> None:
    class Peeker:
        name = "peeker"
        produces = ("weapons",)
        requires = ("sentences",)

        def __call__(self, doc: osintparse.Document) -> Any:
            doc.get("quantities")
            return {"weapons": ()}

    with pytest.raises(osintparse.ExtractorError, match="'peeker' read layer 'quantities'"):
        osintparse.Pipeline(["structure", "quantities", Peeker()])("x", lang="fr")


def test_producing_a_non_layer_field_is_refused() -> None:
    class Overwriter:
        name = "overwriter"
        produces = ("text",)
        requires = ()

        def __call__(self, doc: osintparse.Document) -> Any:
            return {"text": "other"}

    with pytest.raises(osintparse.PipelineError, match="'text'"):
        osintparse.Pipeline([Overwriter()])


def test_config_is_validated_and_the_factory_gets_its_name(clean_registry: None) -> None:
    with pytest.raises(osintparse.PipelineError, match="no config key 'include_heading'"):
        osintparse.Pipeline(["structure", "claims"], config={"claims": {"include_heading": 1}})
    with pytest.raises(osintparse.PipelineError, match="not in the pipeline"):
        osintparse.Pipeline(["structure"], config={"claims": {}})
    p = osintparse.Pipeline(["structure", "claims"], config={"claims": {"include_headings": True}})
    assert p.extractors[1].include_headings is True  # type: ignore[attr-defined]

    seen: list[str] = []

    def factory(name: str, colour: str = "red") -> WeaponExtractor:
        seen.append(f"{name}:{colour}")
        return WeaponExtractor()

    osintparse.register_extractor("guns", factory)
    osintparse.Pipeline(["structure", "guns"], config={"guns": {"colour": "blue"}})
    assert seen == ["guns:blue"]
    with pytest.raises(osintparse.PipelineError, match="'color'"):
        osintparse.Pipeline(["structure", "guns"], config={"guns": {"color": "blue"}})


# -- plugins everywhere (issue 19 item 2) ----------------------------------------------


def test_default_plus_mine_by_name_and_by_instance(clean_registry: None) -> None:
    osintparse.register_extractor("weapons", WeaponExtractor)
    by_name = osintparse.Pipeline.default(extra=["weapons"])
    assert by_name.names == (*osintparse.Pipeline.default().names, "weapons")
    a = by_name(TEXT, lang="fr")
    assert [m.text for m in a.extras["weapons"]] == ["F-16", "Kh-101", "Su-34"]
    assert a.claims  # the default extractors ran too
    b = osintparse.parse(TEXT, lang="fr", extractors=[WeaponExtractor()])
    c = osintparse.parse(TEXT, lang="fr", extractors=["weapons"])
    assert a == b == c
    assert osintparse.parse(TEXT, lang="fr", extractors=["structure"]) == osintparse.parse(
        TEXT, lang="fr"
    )  # already in the pipeline: not run twice
    with pytest.raises(osintparse.ExtractorNotFoundError, match="no extractor named 'nope'"):
        osintparse.parse(TEXT, extractors=["nope"])


def test_extra_runs_after_the_extractor_it_names(clean_registry: None) -> None:
    class AfterQuantities(WeaponExtractor):
        name = "weapons-after"
        produces = ("weapons",)
        after = "quantities"

    class Second(WeaponExtractor):
        name = "second"
        produces = ("second",)
        after = "quantities"

        def __call__(self, doc: osintparse.Document) -> Mapping[str, Any]:
            return {"second": ()}

    p = osintparse.Pipeline.default(extra=[AfterQuantities(), Second()])
    assert p.names[:4] == ("structure", "quantities", "weapons-after", "second")


def test_entry_point_declaring_default_joins_the_default_pipeline(
    tmp_path: pathlib.Path, clean_registry: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _install_plugin(tmp_path, declares='default = True; after = "dates"')
    monkeypatch.syspath_prepend(str(tmp_path))
    base._entry_points.cache_clear()
    try:
        names = osintparse.Pipeline.default().names
        assert names[names.index("dates") + 1] == "weapons-ep"
        a = osintparse.parse("Titre\n\nDes S-400 ici.", lang="fr")
        assert [m.text for m in a.extras["weapons"]] == ["S-400"]
        info = {i.name: i for i in base.describe_extractors()}["weapons-ep"]
        assert info.default
        assert info.after == "dates"
        assert info.produces == ("weapons",)
        assert info.origin == (
            "osintparse-weapons-testplugin 0.1 (entry point osintparse_weapons_testplugin:Weapons)"
        )
    finally:
        sys.modules.pop("osintparse_weapons_testplugin", None)
    monkeypatch.undo()  # uninstalled: the default pipeline no longer has it
    base._entry_points.cache_clear()
    base._REGISTRY.pop("weapons-ep", None)
    assert "weapons-ep" not in osintparse.Pipeline.default().names


def test_plugin_without_default_stays_out(
    tmp_path: pathlib.Path, clean_registry: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _install_plugin(tmp_path, module="osintparse_optin_testplugin")
    monkeypatch.syspath_prepend(str(tmp_path))
    base._entry_points.cache_clear()
    try:
        assert "weapons-ep" not in osintparse.Pipeline.default().names
        assert "weapons-ep" in osintparse.Pipeline.default(extra=["weapons-ep"]).names
    finally:
        sys.modules.pop("osintparse_optin_testplugin", None)


def test_broken_entry_point_names_its_distribution(
    tmp_path: pathlib.Path, clean_registry: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken plugin raised a bare AttributeError naming neither plugin nor entry point."""
    _install_plugin(tmp_path, target="NoSuchClass", module="osintparse_broken_testplugin")
    monkeypatch.syspath_prepend(str(tmp_path))
    base._entry_points.cache_clear()
    try:
        with pytest.raises(osintparse.ExtractorLoadError) as caught:
            osintparse.Pipeline(["structure", "weapons-ep"])
        err = caught.value
        assert not isinstance(err, AttributeError)
        assert isinstance(err, osintparse.ExtractorError)
        assert err.distribution == "osintparse-broken-testplugin 0.1"
        message = str(err)
        assert "'weapons-ep'" in message
        assert "osintparse-broken-testplugin 0.1" in message
        assert "weapons-ep = osintparse_broken_testplugin:NoSuchClass" in message
        assert "AttributeError" in message
        assert "uninstall" in message
        # The default pipeline still works, with a warning naming the broken plugin.
        with pytest.warns(osintparse.ExtractorLoadWarning, match="osintparse-broken-testplugin"):
            a = osintparse.parse("Titre\n\nUne phrase.", lang="fr")
        assert a.title == "Titre"
        info = {i.name: i for i in base.describe_extractors()}["weapons-ep"]
        assert info.error is not None
        assert "NoSuchClass" in info.error
    finally:
        sys.modules.pop("osintparse_broken_testplugin", None)


@pytest.mark.parametrize(
    "text",
    ["a.txt", "article.HTML", "data/2025/page.htm", "https://example.org/a.html", "x.jsonl"],
)
def test_a_file_name_given_as_text_warns(text: str) -> None:
    """parse("a.txt") silently parsed the file name (issue 19 item 5)."""
    with pytest.warns(osintparse.PathAsTextWarning, match="looks like a file name") as caught:
        a = osintparse.parse(text, lang="fr")
    assert a.text == text  # parse never raises on text: it is parsed as given
    assert caught[0].filename == __file__  # the warning points at the caller
    with pytest.warns(osintparse.PathAsTextWarning):
        osintparse.Pipeline(["structure"])(text, lang="fr")


def test_an_existing_path_given_as_text_warns(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "article"
    path.write_text("Un texte.", encoding="utf-8")
    with pytest.warns(osintparse.PathAsTextWarning, match="read_text"):
        osintparse.parse(str(path), lang="fr")


@pytest.mark.parametrize("text", ["Un texte.", "Bonjour", "a.txt est un nom de fichier.", ""])
def test_ordinary_text_does_not_warn(text: str) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        osintparse.parse(text, lang="fr")


def test_entry_points_are_read_only_where_a_plugin_may_be_declared(
    tmp_path: pathlib.Path, clean_registry: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no distribution declaring the group, importlib.metadata is not asked (it costs
    the first parse about 25 ms); a plugin's dist-info, a zip on sys.path or a finder of
    distributions other than the standard library's make it asked as before."""
    group = base.ENTRY_POINT_GROUP
    standard = [
        f
        for f in sys.meta_path
        if (f.__name__ if isinstance(f, type) else type(f).__name__) in base._STANDARD_FINDERS
        or not hasattr(f, "find_distributions")
    ]
    monkeypatch.setattr(sys, "meta_path", standard)
    monkeypatch.setattr(sys, "path", [str(tmp_path / "missing"), str(tmp_path)])
    assert not base._group_may_be_declared(group)
    assert base._entry_points() == {}
    other = tmp_path / "other-1.0.dist-info"
    other.mkdir()
    (other / "entry_points.txt").write_text("[console_scripts]\nother = other:main\n")
    assert not base._group_may_be_declared(group)
    _install_plugin(tmp_path)
    assert base._group_may_be_declared(group)
    base._entry_points.cache_clear()
    assert "weapons-ep" in base._entry_points()
    zipped = tmp_path / "plugins.zip"
    zipped.write_bytes(b"")
    monkeypatch.setattr(sys, "path", [str(zipped)])
    assert base._group_may_be_declared(group)

    class Finder:
        def find_distributions(self, context: Any = None) -> list[Any]:
            return []

    monkeypatch.setattr(sys, "path", [])
    assert not base._group_may_be_declared(group)
    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder()])
    assert base._group_may_be_declared(group)


def test_first_parse_without_plugins_does_not_import_importlib_metadata() -> None:
    code = "import osintparse\nosintparse.parse('Selon Kiev, 300 drones sont tombés lundi à Lyon.')"
    assert modules_after(code, "importlib.metadata") == []
