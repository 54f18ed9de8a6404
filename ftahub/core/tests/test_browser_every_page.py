"""Every page reached by following links, as each demo role, in both languages, on a 390 px phone and on a desktop
screen: none wider than the screen, none answering with an error, no serious or critical axe-core violation, no
English from the catalogue on a Vietnamese page and no raw code (rule syntax, EPCIS URNs, unit and status codes,
dicts) shown to people (tests/browser/every_page.mjs)."""

import gettext
import json
import re

import pytest

from ftahub.core.tests.browser import OUTPUT, REPO, run_script

pytestmark = pytest.mark.slow

PLACEHOLDER = re.compile(r"%\(\w+\)[sdfr]|%[sdfr]|\{[^}]*\}")


def english_sources() -> list[str]:
    """The catalogue's English texts a Vietnamese page must never show: each message whose Vietnamese differs, cut
    at its placeholders into the fixed pieces a page would show (pieces of two letters or fewer say nothing)."""
    with (REPO / "ftahub" / "locale" / "vi" / "LC_MESSAGES" / "django.mo").open("rb") as mo:
        catalog = gettext.GNUTranslations(mo)._catalog  # type: ignore[attr-defined]
    # a country's Vietnamese name in official use may be its English one ("Australia"): not an untranslated text
    names = json.loads((REPO / "ftahub" / "places" / "data" / "country_names_vi.json").read_text())["names"]
    same = set(names.values())
    pieces = set()
    for key, vietnamese in catalog.items():
        english = key[0] if isinstance(key, tuple) else key
        english = english.split("\x04")[-1]  # a message with a context is keyed "context\x04message"
        if not english or english == vietnamese:
            continue
        for piece in PLACEHOLDER.split(english):
            piece = " ".join(piece.split()).strip(" .,:;·()—-")
            if sum(c.isalpha() for c in piece) > 2 and piece not in vietnamese and piece not in same:
                pieces.add(piece)
    return sorted(pieces)


@pytest.mark.parametrize("screen", ["phone", "desktop"])
def test_every_page_for_every_role_in_both_languages(browser_hub, screen):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    sources = OUTPUT / "english-sources.json"
    sources.write_text(json.dumps(english_sources(), ensure_ascii=False))
    run_script("every_page.mjs", browser_hub, f"every-page-{screen}", timeout=900, FTAHUB_SCREEN=screen,
               FTAHUB_ENGLISH_SOURCES=str(sources))
