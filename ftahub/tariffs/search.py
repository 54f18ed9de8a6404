"""HS nomenclature search: by code prefix, or by words in Vietnamese or English, diacritics-insensitive, ranked by
the database's own full-text engine (SQLite FTS5 or PostgreSQL) behind one interface (docs/decisions/0003)."""

import re
from dataclasses import dataclass

from django.db import connection

from ftahub.common import hscode
from ftahub.core import fulltext
from ftahub.core.fulltext import fold, words_of

from .models import HSCode, localized


def search_text(code: str, description_en: str, description_vi: str) -> str:
    words = re.sub(r"[^\w]+", " ", fold(f"{description_vi} {description_en}"))
    return f"{code} {words}".strip()


COLUMNS = ("id", "code", "level", "description_en", "description_vi")


def _index_query(words: list[str], limit: int, columns: str) -> tuple[str, list]:
    if connection.vendor == "sqlite":
        match = " ".join(f'"{w}"*' for w in words)
        sql = (f"SELECT {columns} FROM tariffs_hs_fts JOIN tariffs_hscode h ON h.id = tariffs_hs_fts.rowid "
               "WHERE tariffs_hs_fts MATCH %s ORDER BY bm25(tariffs_hs_fts) LIMIT %s")
        return sql, [match, limit]
    tsquery = " & ".join(f"{w}:*" for w in words)
    sql = (f"SELECT {columns} FROM tariffs_hscode h WHERE to_tsvector('simple', search_text) @@ "
           "to_tsquery('simple', %s) ORDER BY ts_rank(to_tsvector('simple', search_text), "
           "to_tsquery('simple', %s)) DESC, code LIMIT %s")
    return sql, [tsquery, tsquery, limit]


def ranked_ids(query: str, limit: int) -> list[int]:
    """Ids of HS lines matching every word (as a prefix), best first: the raw full-text index, nothing else."""
    return fulltext.ranked_ids("tariffs_hscode", query, limit, fts="tariffs_hs_fts")


@dataclass(slots=True)
class HSHit:
    """A search result: the fields the results show, without the cost of a model instance per row (which was
    half the time of a word search)."""

    id: int
    code: str
    level: int
    description_en: str
    description_vi: str

    @property
    def display(self) -> str:
        return hscode.dotted(self.code)

    @property
    def description(self) -> str:
        return localized(self.description_en, self.description_vi)

    def get_level_display(self) -> str:
        return str(HSCode.Level(self.level).label)


def _ranked_lines(query: str, limit: int) -> list[HSHit]:
    words = words_of(query)
    if not words:
        return []
    sql, params = _index_query(words, limit, ", ".join(f"h.{c}" for c in COLUMNS))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [HSHit(*row) for row in cursor.fetchall()]


def search_hs(query: str, limit: int = 50) -> list[HSCode | HSHit]:
    query = query.strip()[:200]
    digits = hscode.compact(query)
    if digits.isdigit():
        if len(digits) > 8:
            digits = digits[:8]
        return list(HSCode.objects.filter(code__startswith=digits).order_by("level", "code")[:limit])
    return _ranked_lines(query, limit)
