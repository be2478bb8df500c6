"""Language detection: deterministic, bounded, across processes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from osintparse.lang import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Les soldats sont arrivés dans la ville selon le ministère de la défense.", "fr"),
        ("The soldiers arrived in the city, according to the defence ministry.", "en"),
        ("Kyiv says Russia fired 40 missiles overnight", "en"),
        ("Moscou dément toute implication", "fr"),
    ],
)
def test_detects_fr_and_en(text: str, lang: str) -> None:
    assert detect_language(text) == lang


SPANISH = [
    "Según fuentes de inteligencia surcoreanas, más de 10.000 soldados norcoreanos se "
    "encuentran en la región rusa de Kursk, donde participan en los combates.",
    "El Ministerio de Defensa ruso afirmó el martes que sus tropas habían tomado el control de "
    "la localidad de Pokrovsk, en la región de Donetsk.",
    "El Gobierno español aprobó ayer un paquete de ayuda de 1.000 millones de euros para "
    "Ucrania, informó la agencia Efe.",
    "Las autoridades locales informaron de cortes de electricidad en toda la ciudad tras el "
    "ataque nocturno.",
    "Kiev denuncia un ataque masivo con drones",
    "Moscú niega la presencia de tropas",
    "Al menos 25 civiles murieron en el bombardeo",
    "La OTAN celebrará una cumbre en La Haya",
    "Israel y Hamás acuerdan una tregua de cuatro días",
]
FRENCH = [
    "Selon les services de renseignement sud-coréens, plus de 10 000 soldats nord-coréens se "
    "trouvent dans la région de Koursk.",
    "Le ministère russe de la Défense a affirmé mardi que ses troupes avaient pris le contrôle "
    "de la localité.",
    "Il y a eu des coupures d'électricité dans toute la ville après l'attaque nocturne, ont "
    "indiqué les autorités locales.",
    "Kiev dénonce une attaque massive de drones",
    "Au moins 25 civils ont été tués dans le bombardement",
    "L'OTAN tiendra un sommet à La Haye",
]
ENGLISH = [
    "Local authorities reported power cuts across the city after the overnight attack.",
    "At least 25 civilians were killed in the shelling",
    "NATO to hold summit in The Hague",
    "Israel and Hamas agree four-day truce",
]
# Languages without lexicons, close to Spanish: never read as Spanish.
OTHERS = [
    "Secondo fonti dell'intelligence sudcoreana, più di 10.000 soldati nordcoreani si trovano "
    "nella regione di Kursk.",
    "Segundo fontes da inteligência sul-coreana, mais de 10.000 soldados norte-coreanos estão "
    "na região de Kursk.",
    "O governo português aprovou ontem um pacote de ajuda para a Ucrânia.",
    "Die Soldaten sind laut dem Verteidigungsministerium in der Stadt angekommen.",
]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        *((t, "es") for t in SPANISH),
        *((t, "fr") for t in FRENCH),
        *((t, "en") for t in ENGLISH),
        *((t, None) for t in OTHERS),
    ],
    ids=lambda v: v[:30] if isinstance(v, str) else repr(v),
)
def test_detects_spanish_news_and_still_french_and_english(text: str, lang: str | None) -> None:
    assert detect_language(text) == lang


def test_same_result_in_other_processes_with_other_hash_seeds(seed_text: str) -> None:
    code = (
        "import sys, osintparse; t = sys.stdin.read(); "
        "print(osintparse.parse(t).lang, osintparse.parse('Moscou dément').lang)"
    )
    outs = set()
    for hashseed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": hashseed}
        r = subprocess.run(
            [sys.executable, "-c", code],
            input=seed_text.encode(),
            capture_output=True,
            env=env,
            timeout=120,
            check=True,
        )
        outs.add(r.stdout)
    assert len(outs) == 1
    assert outs.pop().split()[0] == b"fr"
