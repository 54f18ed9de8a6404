"""A country typed by a person, read as its ISO alpha-2 code: the code itself ("CN", "CHN") or the name in English or
Vietnamese, with or without marks ("Trung Quốc", "trung quoc", "China", "Việt Nam", "Viet Nam")."""

import re

from ftahub.common.text import fold
from ftahub.core import refcache

from .models import Country

# names people use that the ISO lists do not give
ALIASES = {"viet nam": "VN", "vietnam": "VN", "my": "US", "usa": "US", "hoa ky": "US", "uk": "GB", "anh": "GB",
           "han quoc": "KR", "korea": "KR", "south korea": "KR", "nhat": "JP", "nhat ban": "JP", "dai loan": "TW",
           "trung quoc": "CN", "lao": "LA", "nga": "RU", "russia": "RU", "uc": "AU", "duc": "DE", "phap": "FR",
           "an do": "IN", "bo bien nga": "CI"}


def _names() -> dict[str, str]:
    def build() -> dict[str, str]:
        names: dict[str, str] = {}
        for iso2, iso3, name_en, name_vi in Country.objects.values_list("iso2", "iso3", "name_en", "name_vi"):
            for name in (name_en, name_vi):
                names.setdefault(_key(name), iso2)
            names[iso3.lower()] = iso2
        for alias, iso2 in ALIASES.items():
            names.setdefault(alias, iso2)
        return names

    return refcache.cached("country-names", build)


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]+", " ", fold(text)).strip().replace("  ", " ")


def resolve(text: str) -> str | None:
    """The ISO alpha-2 code for what was typed, or None when it names no country."""
    text = (text or "").strip()
    if not text:
        return None
    if re.fullmatch(r"[A-Za-z]{2}", text) and Country.objects.filter(iso2=text.upper()).exists():
        return text.upper()
    return _names().get(_key(text))  # also a two-letter name: "Úc" is Australia


def datalist() -> list[tuple[str, str]]:
    """(code, name in the reader's language) of every country, for a typing list."""
    return [(c.iso2, c.name) for c in sorted(Country.objects.all(), key=lambda c: fold(c.name))]
