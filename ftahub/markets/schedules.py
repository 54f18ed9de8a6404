"""A partner's tariff schedule as the partner prints it: what it charges on goods from Viet Nam, line by line.

The file (CSV in UTF-8, or XLSX, first sheet) has one header row; the columns are found by name, in English or
Vietnamese, in any order:

    Partner code | Description | MFN | Agreement | Rate for Viet Nam | Staging category | Year | Source | Edition
    Mã nước nhập | Mô tả       | MFN | Hiệp định | Thuế suất cho Việt Nam | Lộ trình | Năm | Nguồn | Phiên bản

* ``Partner code``: the partner's own tariff line at its national length (6 to 12 digits, dots and spaces allowed);
  it is matched to the 6-digit HS subheading it begins with.
* ``MFN``: the partner's most-favoured-nation rate for the line; ``Rate for Viet Nam``: the preferential rate under
  ``Agreement`` (a code of the agreements table, e.g. CPTPP, EVFTA), both kept as printed and read by the hub's rate
  reader ("5", "0", "*", "10,9"). A row may give the MFN only (no agreement), or the preferential rate only.
* ``Staging category`` is kept as printed; ``Year`` is the calendar year the rate is for (empty: the edition's).
* ``Source`` and ``Edition`` may be one value for the whole file (given on the import page) instead of columns.

Problems are returned with their line, never guessed over; a line with a problem is left out and the rest loaded.

Plain Python: no Django.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ftahub.common import problems
from ftahub.common.problems import Problem
from ftahub.common.tables import TableError, read_rows
from ftahub.common.text import fold
from ftahub.tariffs.rates import RateFormatError, parse_rate

problems.ENGLISH.update({
    "schedule.no_header": "no header row with a partner code column and a rate column (MFN or rate for Viet Nam)",
    "schedule.bad_code": "{value!r} is not a tariff line of 6 to 12 digits",
    "schedule.bad_rate": "the rate {rate!r} cannot be read: {detail}",
    "schedule.no_rate": "no MFN rate and no rate for Viet Nam on this line",
    "schedule.no_agreement": "a rate for Viet Nam is given without the agreement it is under",
    "schedule.unknown_agreement": "{agreement} is not an agreement of the hub",
    "schedule.bad_year": "{year!r} is not a year",
    "schedule.no_source": "the source of the schedule is not given (a column or the import page)",
    "schedule.no_edition": "the edition of the schedule is not given (a column or the import page)",
    "schedule.unmatched": "{value} is not a subheading of HS 2022: loaded, but shown on no market page",
})

HEADERS = {
    "partner code": "code", "partner hs code": "code", "tariff line": "code", "hs code": "code", "code": "code",
    "ma nuoc nhap": "code", "ma hang": "code", "ma hs": "code", "dong thue": "code",
    "description": "description", "mo ta": "description", "mo ta hang hoa": "description",
    "mfn": "mfn", "mfn rate": "mfn", "thue suat mfn": "mfn",
    "agreement": "agreement", "hiep dinh": "agreement", "fta": "agreement",
    "rate for viet nam": "preferential", "preferential rate": "preferential", "rate for vietnam": "preferential",
    "thue suat cho viet nam": "preferential", "thue suat uu dai": "preferential",
    "staging category": "category", "category": "category", "lo trinh": "category",
    "year": "year", "nam": "year", "source": "source", "nguon": "source", "edition": "edition", "phien ban": "edition",
}


@dataclass(frozen=True)
class ScheduleRow:
    line: int  # in the file
    code: str  # the partner's line, digits only
    subheading: str
    description: str
    agreement: str  # "" for the MFN rate
    raw: str
    percent: Decimal | None
    category: str
    year: int | None
    source: str
    edition: str


def _header(cell: Any) -> str:
    text = re.sub(r"[^a-z0-9 ]+", " ", fold(str(cell or ""))).strip()
    return HEADERS.get(re.sub(r"\s+", " ", text), "")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _rate(text: str, line: int, found: list[Problem]) -> tuple[str, Decimal | None] | None:
    try:
        rate = parse_rate(text)
    except RateFormatError as exc:
        found.append(Problem.of("schedule.bad_rate", line, rate=text, detail=str(exc)))
        return None
    return text, rate.percent if rate.kind == "ad_valorem" and not rate.excluded_parties else None


def read_schedule(filename: str, data: bytes, agreements: set[str], source: str = "",
                  edition: str = "") -> tuple[list[ScheduleRow], list[Problem]]:
    """The rows of a partner schedule (one per rate: the MFN and each preferential rate) and the problems found.
    ``agreements`` are the codes a row may name."""
    try:
        table = read_rows(filename, data)
    except TableError as exc:
        return [], [Problem.of(f"table.{exc.code}", detail=str(exc))]
    start = next((i for i, row in enumerate(table[:20]) if "code" in {_header(c) for c in row}), None)
    if start is None:
        return [], [Problem.of("schedule.no_header")]
    columns = {_header(c): i for i, c in reversed(list(enumerate(table[start]))) if _header(c)}
    if "mfn" not in columns and "preferential" not in columns:
        return [], [Problem.of("schedule.no_header")]
    if not source and "source" not in columns:
        return [], [Problem.of("schedule.no_source")]
    if not edition and "edition" not in columns:
        return [], [Problem.of("schedule.no_edition")]
    known = {a.upper(): a for a in agreements}
    rows: list[ScheduleRow] = []
    found: list[Problem] = []
    this_year = datetime.date.today().year
    for number, cells in enumerate(table[start + 1:], start=start + 2):
        def cell(name: str, cells: list[Any] = cells) -> str:
            i = columns.get(name)
            return _text(cells[i]) if i is not None and i < len(cells) else ""

        code_text = cell("code")
        if not code_text and not any(_text(c) for c in cells):
            continue  # an empty line
        code = re.sub(r"[\s.]", "", code_text)
        if not re.fullmatch(r"\d{6,12}", code):
            if code_text and not re.fullmatch(r"\d{1,5}", code):  # a chapter or heading row is skipped quietly
                found.append(Problem.of("schedule.bad_code", number, value=code_text))
            continue
        year_text = cell("year")
        year = None
        if year_text:
            if not re.fullmatch(r"(19|20)\d\d", year_text) or not 1990 <= int(year_text) <= this_year + 30:
                found.append(Problem.of("schedule.bad_year", number, year=year_text))
                continue
            year = int(year_text)
        def row(agreement: str, raw: str, percent: Decimal | None, number: int = number, code: str = code,
                year: int | None = year, cell: Any = cell) -> ScheduleRow:
            return ScheduleRow(line=number, code=code, subheading=code[:6], description=cell("description"),
                               agreement=agreement, raw=raw, percent=percent, category=cell("category"), year=year,
                               source=cell("source") or source, edition=cell("edition") or edition)

        before = len(found)
        line_rows = []
        if mfn := cell("mfn"):
            if (read := _rate(mfn, number, found)) is not None:
                line_rows.append(row("", read[0], read[1]))
        if preferential := cell("preferential"):
            agreement = cell("agreement").upper()
            if not agreement:
                found.append(Problem.of("schedule.no_agreement", number))
            elif agreement not in known:
                found.append(Problem.of("schedule.unknown_agreement", number, agreement=agreement))
            elif (read := _rate(preferential, number, found)) is not None:
                line_rows.append(row(known[agreement], read[0], read[1]))
        if len(found) > before:
            continue  # a line with a problem is left out whole
        if not line_rows:
            found.append(Problem.of("schedule.no_rate", number))
            continue
        rows += line_rows
    return rows, found
