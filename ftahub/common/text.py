"""Text folded for search: Vietnamese without diacritics, lower case, so "Vải thiều" matches "vai thieu".

Plain Python: no Django.
"""

import unicodedata


def fold(text: str) -> str:
    """Lower-case and strip diacritics: 'Vải thiều' → 'vai thieu' (đ → d as well: it is a letter, not an accent)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()
