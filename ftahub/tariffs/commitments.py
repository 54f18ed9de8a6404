"""An agreement's tariff commitments for Viet Nam: per 8-digit line a base rate and a staging category, and, where
the schedule prints them, the rate of each year.

The file (CSV in UTF-8, or XLSX) has one header row; the columns are found by name, in English or Vietnamese:

    HS code | Description | Base rate | Staging category | Remarks | Year 1 … Year 21 and subsequent years
    Mã hàng | Mô tả       | Thuế suất cơ sở | Lộ trình  |         | 2019 2020 … 2035

or as Viet Nam's implementing decrees print them, without base rate or category:

    Mã hàng | Mô tả hàng hóa | Từ 01/8/2020 đến 31/12/2020 | Từ 01/01/2021 đến 31/12/2021 | …

Year columns are either counted from entry into force ("Year 1", "Year 2", … as the CPTPP schedules print them)
or calendar years ("2019", "2020", … as Viet Nam's implementing decrees print them); the last printed column holds
for the years after it. Rows without an 8-digit code (chapters, headings) are skipped.

Categories are defined per agreement in ``data/staging.json`` from the agreement's general notes, each with its
source; a category the file uses that is not defined there is refused (naming the line), never guessed. Where a
line has both a category and printed years, every printed year is compared with the category's arithmetic: a
printed rate is the legal text and is what the hub uses, and the differences are reported.

Plain Python: no Django.
"""

import datetime
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from ftahub.common import hscode
from ftahub.common.tables import TableError, read_rows

from .rates import RateFormatError, parse_rate
from .schedule import ScheduleError, _fold
from .staging import StagingCategory, first_reduction, staged_rate, yearly_dates

HEADERS = {
    "hs code": "code", "hs": "code", "tariff line": "code", "code": "code", "ma hang": "code", "ma hs": "code",
    "hs 2012": "code", "hs 2017": "code", "hs 2022": "code",
    "description": "description", "mo ta": "description", "mo ta hang hoa": "description",
    "base rate": "base", "base rate (%)": "base", "thue suat co so": "base", "thue suat co so (%)": "base",
    "staging category": "category", "category": "category", "lo trinh": "category", "nhom lo trinh": "category",
    "remarks": "remarks", "ghi chu": "remarks",
}
YEAR_N = re.compile(r"^(?:year|nam thu) (\d{1,2})\b")
# "2021", "năm 2021", or a period "Từ 01/8/2020 đến 31/12/2020" / "from 1/8/2020" (the year it starts)
CALENDAR = re.compile(r"^(?:nam )?(20\d\d)\b|^(?:tu|from) (?:ngay )?\d{1,2}/\d{1,2}/(20\d\d)\b")


@dataclass(frozen=True)
class AgreementStaging:
    code: str
    source: str
    first_cut: str
    categories: dict[str, StagingCategory]


@lru_cache(maxsize=1)
def definitions() -> dict[str, AgreementStaging]:
    document = json.loads((Path(__file__).parent / "data" / "staging.json").read_text(encoding="utf-8"))
    found = {}
    for code, spec in document["agreements"].items():
        categories = {}
        for name, c in spec["categories"].items():
            categories[name] = StagingCategory(name, stages=c.get("stages", 0),
                                               end_rate=Decimal(str(c.get("end_rate", 0))),
                                               first_cut=spec["first_cut"], marker=c.get("marker"),
                                               rounding=c.get("rounding"))
        found[code] = AgreementStaging(code, spec["source"], spec["first_cut"], categories)
    return found


@dataclass
class Commitment:
    code: str
    description: str
    base_raw: str
    category: str
    printed: dict[int, str] = field(default_factory=dict)  # calendar year → rate as printed
    line: int | None = None


@dataclass
class Difference:
    code: str
    year: int
    printed: str
    computed: str


def _clean_rate(text: str) -> str:
    return text.strip().rstrip("%").strip()


def _rows(filename: str, data: bytes) -> Iterator[tuple[int, list[str]]]:
    if not filename.lower().endswith((".csv", ".xlsx")):
        raise ScheduleError("a commitments schedule is a .csv or .xlsx file")
    try:
        table = read_rows(filename, data)
    except TableError as exc:
        raise ScheduleError(str(exc)) from None
    for number, row in enumerate(table, start=1):
        yield number, ["" if c is None else str(c).strip() for c in row]


def read_commitments(filename: str, data: bytes, agreement: str,
                     entry_into_force: datetime.date) -> list[Commitment]:
    """Read and check a commitments file; ScheduleError (naming the line) on the first problem."""
    staging = definitions().get(agreement)
    header: list[str] | None = None
    columns: dict[str, int] = {}
    years: dict[int, int] = {}
    records: list[Commitment] = []
    seen: set[str] = set()
    for number, cells in _rows(filename, data):
        if header is None:
            folded = [_fold(c) for c in cells]
            if "code" not in [HEADERS.get(f) for f in folded]:
                continue
            header = cells
            for index, name in enumerate(folded):
                if HEADERS.get(name):
                    columns[HEADERS[name]] = index
                elif m := YEAR_N.match(name):
                    first_cut = staging.first_cut if staging else "entry_into_force"
                    years[index] = first_reduction(entry_into_force, first_cut).year + int(m.group(1)) - 1
                elif name == "eif":
                    years[index] = entry_into_force.year
                elif m := CALENDAR.match(name):
                    years[index] = int(m.group(1) or m.group(2))
            if "base" not in columns and ("category" in columns or not years):
                raise ScheduleError("no 'Base rate' column (a schedule without one must print the rate of each "
                                    "year)", number)
            continue
        raw_code = cells[columns["code"]] if columns["code"] < len(cells) else ""
        code = hscode.compact(raw_code)
        if not code[:1].isdigit():
            continue  # chapter titles, notes, empty rows
        if not code.isdigit():
            raise ScheduleError(f"code {raw_code!r} is not a tariff line", number)
        if len(code) != 8:
            continue  # chapters, headings and subheadings
        if code in seen:
            raise ScheduleError(f"code {code} appears twice", number)
        seen.add(code)

        def cell(key: str, cells: list[str] = cells) -> str:
            i = columns.get(key)
            return cells[i] if i is not None and i < len(cells) else ""

        base, base_rate = _clean_rate(cell("base")), None
        if base:
            try:
                base_rate = parse_rate(base)
            except RateFormatError as exc:
                raise ScheduleError(f"code {code}: base rate {cell('base')!r}: {exc}", number) from None
        category = cell("category").strip()
        if category:
            if staging is None:
                raise ScheduleError(f"code {code}: no staging categories are defined for {agreement} "
                                    "(ftahub/tariffs/data/staging.json); give the printed years instead", number)
            if category not in staging.categories:
                raise ScheduleError(f"code {code}: category {category!r} is not defined for {agreement} "
                                    f"(known: {', '.join(staging.categories)}); add it from the agreement's "
                                    "general notes to ftahub/tariffs/data/staging.json", number)
            if (base_rate is None or not base_rate.is_number) and not staging.categories[category].marker:
                raise ScheduleError(f"code {code}: base rate {cell('base')!r} is not a percentage, and category "
                                    f"{category} reduces it in stages", number)
        printed = {}
        for index, year in years.items():
            value = _clean_rate(cells[index]) if index < len(cells) else ""
            if value:
                try:
                    parse_rate(value)
                except RateFormatError as exc:
                    raise ScheduleError(f"code {code}, {year}: {exc}", number) from None
                printed[year] = value
        if not category and not printed:
            raise ScheduleError(f"code {code}: neither a staging category nor printed rates", number)
        records.append(Commitment(code, cell("description"), base, category, printed, number))
    if header is None:
        raise ScheduleError("no header row with an 'HS code' (Mã hàng) column")
    if not records:
        raise ScheduleError("no 8-digit tariff lines found")
    return records


def rate_on(base_raw: str, category: str, printed: dict[str, Any], agreement: str, entry_into_force: datetime.date,
            on: datetime.date) -> tuple[str | None, bool]:
    """(rate as printed or computed, computed?) on a date; None before entry into force.

    A printed year wins; otherwise the category's arithmetic from the base rate; without a category, the last
    printed year's rate holds ("and subsequent years")."""
    if on < entry_into_force:
        return None, False
    by_year = {int(y): r for y, r in printed.items()}
    if on.year in by_year:
        return by_year[on.year], False
    if category:
        category_def = definitions()[agreement].categories[category]
        base = parse_rate(base_raw)
        if category_def.marker or not base.is_number or base.percent is None:
            return category_def.marker or base_raw, True
        return _display(staged_rate(base.percent, category_def, entry_into_force, on)), True
    earlier = [y for y in by_year if y < on.year]
    return (by_year[max(earlier)], False) if earlier else (None, False)


def _display(value: str | Decimal) -> str:
    return value if isinstance(value, str) else format(value.normalize(), "f")


def differences(record: Commitment, agreement: str, entry_into_force: datetime.date) -> list[Difference]:
    """Printed years that the category's arithmetic does not give."""
    if not record.category:
        return []
    found = []
    for year, printed in sorted(record.printed.items()):
        on = max(datetime.date(year, 1, 1), entry_into_force)
        computed, _ = rate_on(record.base_raw, record.category, {}, agreement, entry_into_force, on)
        a, b = parse_rate(printed), parse_rate(computed) if computed is not None else None
        same = (a.is_number and b is not None and b.is_number and a.percent == b.percent) or \
            (b is not None and a.raw.strip().lower() == b.raw.strip().lower())
        if not same:
            found.append(Difference(record.code, year, printed, computed or "—"))
    return found


def path(base_raw: str, category: str, printed: dict[str, Any], agreement: str, entry_into_force: datetime.date,
         until: int) -> dict[int, tuple[str, bool]]:
    """Year → (rate on 1 January, or on entry into force in its first year; computed?) up to ``until``."""
    found = {}
    for year, on in yearly_dates(entry_into_force, until):
        rate, computed = rate_on(base_raw, category, printed, agreement, entry_into_force, on)
        if rate is not None:
            found[year] = (rate, computed)
    return found


def final_year(category: str, agreement: str, entry_into_force: datetime.date) -> int:
    """The first calendar year at the category's end rate (how far the year-by-year table goes)."""
    if not category:
        return entry_into_force.year
    c = definitions()[agreement].categories[category]
    return first_reduction(entry_into_force, c.first_cut).year + max(c.stages - 1, 0)
