"""HS nomenclature search by code prefix or by words (Vietnamese or English), diacritics-insensitive.

This is the simple first version (ranked substring match); the full-text engine behind one interface
(SQLite FTS5 / PostgreSQL) replaces the word part without changing callers.
"""

import re
import unicodedata

from .models import HSCode


def fold(text: str) -> str:
    """Lower-case and strip diacritics: 'Vải thiều' → 'vai thieu' (đ → d as well)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()


def search_hs(query: str, limit: int = 50) -> list[HSCode]:
    digits = re.sub(r"[\s.]", "", query)
    if digits.isdigit():
        return list(HSCode.objects.filter(code__startswith=digits).order_by("level", "code")[:limit])
    words = [w for w in fold(query).split() if len(w) > 1]
    if not words:
        return []
    first = words[0]
    scored = []
    for hs in HSCode.objects.only("code", "level", "description_en", "description_vi"):
        text = fold(f"{hs.description_en} {hs.description_vi}")
        tokens = set(re.findall(r"\w+", text))
        if all(w in tokens or any(t.startswith(w) for t in tokens) for w in words):
            exact = sum(1 for w in words if w in tokens)
            scored.append((-exact, -int(first in tokens), hs.level, hs.code, hs))
    scored.sort(key=lambda item: item[:4])
    return [item[4] for item in scored[:limit]]
