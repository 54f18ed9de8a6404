"""Notices from a table: trade-remedy cases, SPS/TBT notifications and requirement changes, typed by an officer in a
spreadsheet or exported from WTO ePing.

The file (CSV in UTF-8, or XLSX, first sheet) has one header row; columns are found by name (English or
Vietnamese, any order, case and marks ignored):

    Kind | Country | Reference | Title | Products | HS codes | Measure | Stage | Objective | Published on |
    Comments due by | Enters into force on | Link | Source

The names a WTO ePing export uses for these are read too: "Document symbol" (or "Symbol") for the reference,
"Notifying Member" (or "Member") for the country, "Products covered" for the products, "HS code(s)", "Objectives",
"Date of distribution" for the publication date, "Final date for comments" and "Proposed date of entry into force".
(These header names are what the hub accepts; the exact header set of ePing's export was not confirmed against a
current export file, so a file whose headers differ is refused with the list of names expected, never guessed.)

* ``Kind``: remedy, sps, tbt or requirement; when empty it is read from the symbol (G/SPS/N/… is SPS, G/TBT/N/… TBT).
* ``Country``: the investigating or notifying country by ISO code or name (English or Vietnamese).
* ``Measure`` (trade remedies): ad (anti-dumping), cvd (countervailing), sg (safeguard), ac (anti-circumvention);
  ``Stage``: initiation, preliminary, final, review, closed.
* Dates as 2026-03-31, 31/03/2026 or a date cell.
* ``Source``: who published it; may be one value for the whole file (given on the import page) instead.

Plain Python: no Django.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ftahub.common import problems
from ftahub.common.problems import Problem
from ftahub.common.tables import TableError, read_rows
from ftahub.common.text import fold

problems.ENGLISH.update({
    "notices.no_header": "the header row is missing one of: {missing} (names accepted: {accepted})",
    "notices.bad_kind": "{kind!r} is not a kind of notice (remedy, sps, tbt, requirement)",
    "notices.bad_country": "{country!r} names no country",
    "notices.bad_date": "{date!r} is not a date (2026-03-31 or 31/03/2026)",
    "notices.no_hs": "no HS code: a notice is matched to products by its HS codes",
    "notices.bad_hs": "{value!r} is not an HS chapter, heading or subheading",
    "notices.bad_measure": "{measure!r} is not a trade-remedy measure (ad, cvd, sg, ac)",
    "notices.bad_stage": "{stage!r} is not a stage (initiation, preliminary, final, review, closed)",
    "notices.missing": "{field} is empty",
    "notices.no_source": "the source is not given (a column or the import page)",
})

HEADERS = {
    "kind": "kind", "type": "kind", "loai": "kind",
    "country": "country", "notifying member": "country", "member": "country", "investigating country": "country",
    "quoc gia": "country", "nuoc": "country",
    "reference": "reference", "document symbol": "reference", "symbol": "reference", "case number": "reference",
    "so hieu": "reference", "so vu viec": "reference",
    "title": "title", "tieu de": "title", "ten": "title",
    "products": "products", "products covered": "products", "san pham": "products",
    "hs codes": "hs_codes", "hs code s": "hs_codes", "hs code": "hs_codes", "ma hs": "hs_codes",
    "measure": "remedy", "bien phap": "remedy", "stage": "stage", "giai doan": "stage",
    "objective": "objective", "objectives": "objective", "muc tieu": "objective",
    "published on": "published_on", "date of distribution": "published_on", "distribution date": "published_on",
    "ngay cong bo": "published_on",
    "comments due by": "comment_deadline", "final date for comments": "comment_deadline",
    "han gop y": "comment_deadline",
    "enters into force on": "in_force_on", "proposed date of entry into force": "in_force_on",
    "entry into force": "in_force_on", "ngay hieu luc": "in_force_on",
    "link": "url", "url": "url", "duong dan": "url", "source": "source", "nguon": "source",
}
REQUIRED = ("country", "reference", "title", "hs_codes", "published_on")
KINDS = {"remedy", "sps", "tbt", "requirement"}
MEASURES = {"ad", "cvd", "sg", "ac"}
STAGES = {"initiation", "preliminary", "final", "review", "closed"}


@dataclass(frozen=True)
class NoticeRow:
    line: int
    kind: str
    country: str
    reference: str
    title: str
    products: str
    hs_codes: str
    remedy: str
    stage: str
    objective: str
    published_on: datetime.date
    comment_deadline: datetime.date | None
    in_force_on: datetime.date | None
    url: str
    source: str


def _key(cell: Any) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]+", " ", fold(str(cell or "")))).strip()


def _date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?", text):
        y, mo, d = m.groups()
    elif m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
        d, mo, y = m.groups()
    else:
        raise ValueError(text)
    return datetime.date(int(y), int(mo), int(d))


def hs_prefixes(text: str) -> list[str]:
    """'0810, 0810.90; 08' → ['0810', '081090', '08']; raises ValueError naming a code that is not 2, 4 or 6
    digits."""
    out = []
    for part in re.split(r"[,;\s]+", text or ""):
        code = part.replace(".", "").strip()
        if not code:
            continue
        if not re.fullmatch(r"\d{2}|\d{4}|\d{6}", code):
            raise ValueError(part)
        out.append(code)
    return out


def read_notices(filename: str, data: bytes, resolve_country: Callable[[str], str | None],
                 source: str = "") -> tuple[list[NoticeRow], list[Problem]]:
    try:
        table = read_rows(filename, data)
    except TableError as exc:
        return [], [Problem.of(f"table.{exc.code}", detail=str(exc))]
    start = next((i for i, row in enumerate(table[:20]) if "reference" in {HEADERS.get(_key(c)) for c in row}), 0)
    header = table[start] if table else []
    columns: dict[str, int] = {}
    for i, cell in enumerate(header):
        name = HEADERS.get(_key(cell))
        if name and name not in columns:
            columns[name] = i
    missing = [f for f in REQUIRED if f not in columns]
    if missing:
        accepted = ", ".join(sorted({k for k, v in HEADERS.items() if v in missing}))
        return [], [Problem.of("notices.no_header", missing=", ".join(missing), accepted=accepted)]
    if not source and "source" not in columns:
        return [], [Problem.of("notices.no_source")]
    rows: list[NoticeRow] = []
    found: list[Problem] = []
    for number, cells in enumerate(table[start + 1:], start=start + 2):
        def cell(name: str, cells: list[Any] = cells) -> Any:
            i = columns.get(name)
            value = cells[i] if i is not None and i < len(cells) else None
            return value.strip() if isinstance(value, str) else ("" if value is None else value)

        if not any(str(c or "").strip() for c in cells):
            continue
        before = len(found)
        for name in ("reference", "title"):
            if not cell(name):
                found.append(Problem.of("notices.missing", number, field=name))
        reference = str(cell("reference"))
        kind = _key(cell("kind"))
        if not kind:
            kind = "sps" if "/sps/" in reference.lower() else "tbt" if "/tbt/" in reference.lower() else ""
        if kind not in KINDS:
            found.append(Problem.of("notices.bad_kind", number, kind=str(cell("kind"))))
        country = resolve_country(str(cell("country")))
        if country is None:
            found.append(Problem.of("notices.bad_country", number, country=str(cell("country"))))
        dates: dict[str, datetime.date | None] = {}
        for name in ("published_on", "comment_deadline", "in_force_on"):
            value = cell(name)
            if value in ("", None):
                dates[name] = None
                continue
            try:
                dates[name] = _date(value)
            except ValueError:
                found.append(Problem.of("notices.bad_date", number, date=str(value)))
        if "published_on" in dates and dates["published_on"] is None:
            found.append(Problem.of("notices.missing", number, field="published_on"))
        codes: list[str] = []
        try:
            codes = hs_prefixes(str(cell("hs_codes")))
        except ValueError as exc:
            found.append(Problem.of("notices.bad_hs", number, value=str(exc)))
        else:
            if not codes:
                found.append(Problem.of("notices.no_hs", number))
        remedy, stage = _key(cell("remedy")), _key(cell("stage"))
        if remedy and remedy not in MEASURES:
            found.append(Problem.of("notices.bad_measure", number, measure=str(cell("remedy"))))
        if stage and stage not in STAGES:
            found.append(Problem.of("notices.bad_stage", number, stage=str(cell("stage"))))
        published = dates.get("published_on")
        if len(found) > before or published is None:
            continue
        rows.append(NoticeRow(number, kind, country or "", reference, str(cell("title")), str(cell("products")),
                              ", ".join(codes), remedy, stage, str(cell("objective")), published,
                              dates["comment_deadline"], dates["in_force_on"], str(cell("url")),
                              str(cell("source")) or source))
    return rows, found
