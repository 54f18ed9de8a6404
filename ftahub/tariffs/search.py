"""HS nomenclature search: by code prefix, or by words in Vietnamese or English, diacritics-insensitive, ranked by
the database's own full-text engine (SQLite FTS5 or PostgreSQL) behind one interface (docs/decisions/0003)."""

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.db import connection

from ftahub.common import hscode
from ftahub.core import fulltext, refcache
from ftahub.core.fulltext import fold, words_of

from .models import HSCode, localized


def search_text(code: str, description_en: str, description_vi: str) -> str:
    words = re.sub(r"[^\w]+", " ", fold(f"{description_vi} {description_en}"))
    return f"{code} {words}".strip()


COLUMNS = ("id", "code", "level", "description_en", "description_vi")


def _term(word: str, vendor: str) -> str:
    """A word as the index matches it: a prefix for words of four letters or more ("shrimp" finds "shrimps"), the
    whole word for shorter ones ("go" must not find "goi", "gom", "goc")."""
    if vendor == "sqlite":
        return f'"{word}"*' if len(word) > 3 else f'"{word}"'
    return f"{word}:*" if len(word) > 3 else word


def _index_query(words: list[str], limit: int, columns: str, any_word: bool = False) -> tuple[str, list]:
    vendor = connection.vendor
    if vendor == "sqlite":
        match = (" OR " if any_word else " ").join(_term(w, vendor) for w in words)
        sql = (f"SELECT {columns} FROM tariffs_hs_fts JOIN tariffs_hscode h ON h.id = tariffs_hs_fts.rowid "
               "WHERE tariffs_hs_fts MATCH %s ORDER BY bm25(tariffs_hs_fts) LIMIT %s")
        return sql, [match, limit]
    tsquery = (" | " if any_word else " & ").join(_term(w, vendor) for w in words)
    sql = (f"SELECT {columns} FROM tariffs_hscode h WHERE to_tsvector('simple', search_text) @@ "
           "to_tsquery('simple', %s) ORDER BY ts_rank(to_tsvector('simple', search_text), "
           "to_tsquery('simple', %s)) DESC, code LIMIT %s")
    return sql, [tsquery, tsquery, limit]


def _frequency(word: str) -> tuple[int, int]:
    """(lines carrying the word, lines in all), counted by the index; cached as reference data (loads clear it)."""
    def count() -> tuple[int, int]:
        vendor = connection.vendor
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM tariffs_hscode")
            total = cursor.fetchone()[0]
            if vendor == "sqlite":
                cursor.execute("SELECT count(*) FROM tariffs_hs_fts WHERE tariffs_hs_fts MATCH %s",
                               [_term(word, vendor)])
            else:
                cursor.execute("SELECT count(*) FROM tariffs_hscode WHERE to_tsvector('simple', search_text) @@ "
                               "to_tsquery('simple', %s)", [_term(word, vendor)])
            return cursor.fetchone()[0], total

    return refcache.cached(f"hs-df:{word}", count)


def _weights(words: list[str]) -> dict[str, float]:
    """How telling each word is (inverse document frequency over the nomenclature): "thieu" weighs more than
    "vai", which half the textile lines carry."""
    weights = {}
    for word in words:
        n, total = _frequency(word)
        weights[word] = math.log((max(total, 1) - n + 0.5) / (n + 0.5) + 1.0)
    return weights


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern finding every word at the start of a token (a prefix for four letters or more, the whole token
    for shorter ones), a group per word, so a line's text is read once."""
    parts = [f"({re.escape(w)})" + ("" if len(w) > 3 else r"(?!\S)") for w in words]
    return re.compile(rf"(?<!\S)(?:{'|'.join(parts)})")


def _counts(pattern: re.Pattern[str], text: str, words: tuple[str, ...]) -> dict[str, int]:
    found = dict.fromkeys(words, 0)
    for match in pattern.finditer(text):
        found[words[match.lastindex - 1]] += 1
    return found


K1, B = 1.2, 0.75


def _bm25(count: int, norm: float) -> float:
    return count * (K1 + 1) / (count + norm) if count else 0.0


def _candidates(query: str) -> tuple[list[str], list[str], list[tuple]]:
    """The query's meaningful words as typed, the words its trade names add, and the lines carrying any of them
    (best CANDIDATES first by the index, each row ending with its search text)."""
    typed = words_of(query)
    if not typed:
        return [], [], []
    meaning_typed = [w for w in typed if w not in STOP_WORDS] or typed
    extra = [w for w in expand(typed) if w not in typed and w not in STOP_WORDS]
    sql, params = _index_query(meaning_typed + extra, CANDIDATES,
                               ", ".join(f"h.{c}" for c in (*COLUMNS, "search_text")), any_word=True)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return meaning_typed, extra, cursor.fetchall()


def candidate_rows(query: str) -> list[tuple]:
    """The raw index query the word search starts from (any of the query's words, best CANDIDATES first), without
    the ranking done in Python: the benchmark's baseline."""
    return _candidates(query)[2]


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


# words that carry no meaning for classification, in both languages (folded)
STOP_WORDS = frozenset("loai khac cac va hoac bang cua cho dung co khong duoc da chua cai chiec the of and or for "
                       "other with a an in by on".split())
CANDIDATES = 150


@lru_cache(maxsize=1)
def trade_names() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Words people type that the tariff's text lacks, with the tariff's own words (data/trade_names.json)."""
    data = json.loads((Path(__file__).parent / "data" / "trade_names.json").read_text(encoding="utf-8"))
    return [(tuple(fold(k).split()), tuple(fold(v).split())) for k, v in data["names"].items()]


def expand(words: list[str]) -> list[str]:
    """The query's words, and the tariff's words for any trade name among them."""
    found = list(words)
    for name, meaning in trade_names():
        size = len(name)
        if any(tuple(words[i:i + size]) == name for i in range(len(words) - size + 1)):
            found += [w for w in meaning if w not in found]
    return found


def _ranked_lines(query: str, limit: int) -> list[HSHit]:
    """Lines carrying any of the words (up to CANDIDATES from the index), ranked in Python, the same way on SQLite and
    PostgreSQL: chapter 98 after the others; then by how telling the words a line carries are (a rare word weighs
    more than a common one, and a line need not carry every word), with small bonuses for the words in the order
    typed, for a national line (what people mean) and for the diacritics as typed ("ghẹ" is not "ghế"); then BM25
    (how often, in how short a text); then the code. Trade names add the tariff's own words
    (data/trade_names.json)."""
    meaning_typed, extra, rows = _candidates(query)
    if not rows:
        return []
    weight = _weights(meaning_typed + extra)
    phrase = " ".join(meaning_typed)
    # the words as typed, diacritics kept: "ghẹ" (crab) and "ghế" (chair) fold alike, the typed marks tell them apart
    marked = {w for w in re.findall(r"\w+", query.lower()) if fold(w) != w}
    every = tuple(dict.fromkeys((*meaning_typed, *extra)))
    pattern = _pattern(every)
    lengths = [row[-1].count(" ") + 1 for row in rows]
    average = sum(lengths) / len(lengths)
    scored = []
    for row, length in zip(rows, lengths, strict=True):
        text = row[-1]
        counts = _counts(pattern, text, every)
        own_marked = set(re.findall(r"\w+", row[4].lower())) if marked else set()
        # BM25 computed here, the same on both engines: how telling each word is, how often the line carries it,
        # and how long the line's text is (a short, specific line ranks above a long one carrying the same words)
        norm = K1 * (1 - B + B * length / average)
        score = sum(weight[w] for w in meaning_typed if counts[w]) \
            + 0.5 * sum(weight[w] for w in extra if counts[w]) \
            + sum(1.0 for w in marked if w in own_marked)
        bm25 = sum(weight[w] * _bm25(counts[w], norm) for w in (*meaning_typed, *extra))
        together = len(meaning_typed) > 1 and f" {phrase}" in f" {text}"
        code = row[1]
        bonus = (0.5 if together else 0.0) + (1.0 if row[2] == 8 else 0.0)  # national lines are what people mean
        scored.append(((code.startswith("98"), -round(score + bonus, 3), -round(bm25, 3), code), row[:-1]))
    scored.sort(key=lambda item: item[0])
    return [HSHit(*row) for _, row in scored[:limit]]


def search_hs(query: str, limit: int = 50, procedure: str = "") -> list[HSCode | HSHit]:
    """Lines by code prefix or words; with ``procedure`` (a legal basis as printed, e.g. "01/2024/TT-BNNPTNT M9",
    or words of a procedure's name), only the lines under that procedure."""
    query = query.strip()[:200]
    procedure = procedure.strip()[:200]
    if procedure:
        return _under_procedure(query, procedure, limit)
    digits = hscode.compact(query)
    if digits.isdigit():
        if len(digits) > 8:
            digits = digits[:8]
        return list(HSCode.objects.filter(code__startswith=digits).order_by("level", "code")[:limit])
    return _ranked_lines(query, limit)


def _under_procedure(query: str, procedure: str, limit: int) -> list[HSCode | HSHit]:
    from django.db.models import Q

    from .models import LineProcedure

    ids = set(LineProcedure.objects.filter(Q(basis=procedure) | Q(name__icontains=procedure))
              .values_list("line_id", flat=True))
    if not query:
        return list(HSCode.objects.filter(pk__in=ids).order_by("code")[:limit])
    found = search_hs(query, limit=CANDIDATES)
    return [h for h in found if h.id in ids][:limit]
