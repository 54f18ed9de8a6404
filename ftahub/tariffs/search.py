"""HS nomenclature search: by code prefix, or by words in Vietnamese or English, diacritics-insensitive, ranked by
the database's own full-text engine (SQLite FTS5 or PostgreSQL) behind one interface (docs/decisions/0003)."""

import re
import unicodedata

from django.db import connection

from .models import HSCode


def fold(text: str) -> str:
    """Lower-case and strip diacritics: 'Vải thiều' → 'vai thieu' (đ → d as well)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()


def search_text(code: str, description_en: str, description_vi: str) -> str:
    words = re.sub(r"[^\w]+", " ", fold(f"{description_vi} {description_en}"))
    return f"{code} {words}".strip()


def words_of(query: str) -> list[str]:
    return [w for w in re.findall(r"\w+", fold(query)) if len(w) > 1 or w.isdigit()][:10]


def ranked_ids(query: str, limit: int) -> list[int]:
    """Ids of HS lines matching every word (as a prefix), best first, from the full-text index."""
    words = words_of(query)
    if not words:
        return []
    if connection.vendor == "sqlite":
        match = " ".join(f'"{w}"*' for w in words)
        sql = ("SELECT rowid FROM tariffs_hs_fts WHERE tariffs_hs_fts MATCH %s "
               "ORDER BY bm25(tariffs_hs_fts) LIMIT %s")
        params = [match, limit]
    else:
        tsquery = " & ".join(f"{w}:*" for w in words)
        sql = ("SELECT id FROM tariffs_hscode WHERE to_tsvector('simple', search_text) @@ to_tsquery('simple', %s) "
               "ORDER BY ts_rank(to_tsvector('simple', search_text), to_tsquery('simple', %s)) DESC, code "
               "LIMIT %s")
        params = [tsquery, tsquery, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def search_hs(query: str, limit: int = 50) -> list[HSCode]:
    query = query.strip()[:200]
    digits = re.sub(r"[\s.]", "", query)
    if digits.isdigit():
        if len(digits) > 8:
            digits = digits[:8]
        return list(HSCode.objects.filter(code__startswith=digits).order_by("level", "code")[:limit])
    ids = ranked_ids(query, limit)
    by_id = HSCode.objects.in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]
