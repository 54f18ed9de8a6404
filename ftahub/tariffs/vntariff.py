"""Viet Nam's whole tariff as compiled in one workbook (``vn-tariff-2026/Tariff.xlsx``: headings, subheadings,
text-only rows and 8-digit lines, in the nomenclature's order, with Vietnamese and English text and one column per
rate), and the specialised procedures per line (``Specialised_procedures.xlsx``).

The reader keeps every row (text-only rows such as "- Ngựa:" are part of the tree), checks every rate cell with
``rates.parse_rate`` and names the file, sheet, row and column of the first problem.

Plain Python: no Django.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ftahub.common import hscode
from ftahub.common.text import fold

from .rates import RateFormatError, parse_rate

# the workbook's header → the hub's column key (the sample's keys, and one per RCEP schedule)
COLUMNS = {
    "standard import duty rate": "nktt", "mfn rate": "nkud", "acfta": "acfta", "atiga": "atiga", "ajcep": "ajcep",
    "vjepa": "vjepa", "akfta": "akfta", "aanzfta": "aanzfta", "aifta": "aifta", "vkfta": "vkfta", "vcfta": "vcfta",
    "vn-eaeu": "eaeu", "cptpp": "cptpp", "ahkfta": "ahkfta", "evfta": "evfta", "ukvfta": "ukvfta", "vifta": "vifta",
    "rcept a": "rcept_a", "rcept b": "rcept_b", "rcept c": "rcept_c", "rcept d": "rcept_d", "rcept e": "rcept_e",
    "rcept f": "rcept_f",
}
REQUIRED = ("level", "hscode", "description_vn", "description_en")


class TariffFileError(ValueError):
    """A problem in the workbook, with where it is: file, sheet, row (1-based, as a spreadsheet shows it), column."""

    def __init__(self, message: str, file: str, sheet: str = "", row: int | None = None, column: str = ""):
        self.file, self.sheet, self.row, self.column, self.problem = file, sheet, row, column, message
        where = ", ".join(p for p in (file, f"sheet {sheet}" if sheet else "", f"row {row}" if row else "",
                                      f"column {column}" if column else "") if p)
        super().__init__(f"{where}: {message}")

    def within_file(self) -> str:
        """Where in the file and what, without the file's name (for a report that names the file itself)."""
        where = ", ".join(p for p in (f"sheet {self.sheet}" if self.sheet else "",
                                      f"column {self.column}" if self.column else "") if p)
        return f"{where}: {self.problem}" if where else self.problem


@dataclass
class NomenclatureRow:
    """One row of the tariff as printed: a heading (4 digits), a subheading (6), a national line (8), or a text
    row without a code. ``level`` is the printed indent (0 for a heading)."""

    position: int
    level: int
    code: str
    description_vi: str
    description_en: str
    rates: dict[str, str] = field(default_factory=dict)  # column key → rate as printed (stripped)
    row: int = 0


@dataclass(frozen=True)
class Procedure:
    """A specialised procedure a line must pass (quarantine, licence, food safety, conformity…), with its legal
    basis as printed, e.g. ("Kiểm dịch thực vật", "01/2024/TT-BNNPTNT M9"). ``note`` keeps a mark printed after the
    basis (the compilation puts "*" after some; it does not say why), so nothing printed is lost."""

    name: str
    basis: str
    note: str = ""


def sha256_of(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _sheet_rows(path: Path) -> tuple[str, list[tuple[object, ...]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a file that is not a workbook
        raise TariffFileError(f"not a readable XLSX workbook ({type(exc).__name__})", path.name) from None
    try:
        sheet = workbook.worksheets[0]
        return sheet.title, list(sheet.iter_rows(values_only=True))
    finally:
        workbook.close()


def _text(value: object) -> str:
    return "" if value is None else re.sub(r"\s+", " ", str(value)).strip()


def _header(cells: tuple[object, ...], file: str, sheet: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = fold(_text(cell)).replace("import duty rate per ", "")
        if name in REQUIRED:
            found[name] = index
        elif name in COLUMNS:
            found[COLUMNS[name]] = index
        elif name == "specialised procedures":
            found["procedures"] = index
    missing = [n for n in REQUIRED if n not in found]
    if missing:
        raise TariffFileError(f"the header lacks the column(s) {', '.join(missing)}", file, sheet, 1)
    return found


@dataclass
class TariffFile:
    rows: list[NomenclatureRow]
    notices: list[str]  # rows read as text (chapter 98's repeated or malformed codes), each with where it is


NATIONAL_CHAPTER = "98"  # Viet Nam's own chapter: its rows repeat codes for the goods they map; read leniently


def read_tariff(path: Path) -> TariffFile:
    """Every row of the workbook, checked; TariffFileError at the first problem. In chapter 98 a repeated or
    malformed code makes its row a text row of the tree (reported in ``notices``) instead of an error."""
    sheet, table = _sheet_rows(path)
    if not table:
        raise TariffFileError("the sheet is empty", path.name, sheet)
    columns = _header(table[0], path.name, sheet)
    names = {index: _text(table[0][index]) for index in columns.values()}
    rows: list[NomenclatureRow] = []
    notices: list[str] = []
    seen: set[str] = set()
    chapter = ""
    for number, cells in enumerate(table[1:], start=2):
        def cell(key: str, cells: tuple[object, ...] = cells) -> str:
            index = columns.get(key)
            return _text(cells[index]) if index is not None and index < len(cells) else ""

        vi, en, code_text = cell("description_vn"), cell("description_en"), cell("hscode")
        if not (vi or en or code_text):
            continue
        try:
            level = int(cell("level") or 0)
        except ValueError:
            raise TariffFileError(f"level {cell('level')!r} is not a number", path.name, sheet, number,
                                  names[columns["level"]]) from None
        code = hscode.compact(code_text)
        if code[:2].isdigit():
            chapter = code[:2]
        problem = ""
        if code and not (code.isdigit() and len(code) in (4, 6, 8)):
            problem = f"code {code_text!r} is not a heading, subheading or 8-digit line"
        elif code and code in seen:
            problem = f"code {code} appears twice"
        if problem:
            where = TariffFileError(problem, path.name, sheet, number, names[columns["hscode"]])
            if chapter != NATIONAL_CHAPTER:
                raise where
            notices.append(f"{where} (kept as a text row)")
            vi = f"{code_text} {vi}".strip()
            code = ""
        seen.add(code)
        rates = {}
        if len(code) == 8:
            for key, index in columns.items():
                if key in REQUIRED or key == "procedures":
                    continue
                raw = cell(key)
                if not raw:
                    continue
                try:
                    parse_rate(raw)
                except RateFormatError as exc:
                    raise TariffFileError(f"rate {raw!r}: {exc}", path.name, sheet, number, names[index]) from None
                rates[key] = raw
        rows.append(NomenclatureRow(len(rows), level, code, vi, en, rates, number))
    if not any(len(r.code) == 8 for r in rows):
        raise TariffFileError("no 8-digit tariff lines", path.name, sheet)
    return TariffFile(rows, notices)


def parse_procedures(text: str) -> list[Procedure]:
    """'Name (basis); Name (basis)' → procedures; a part without a basis keeps its name and an empty basis."""
    found, depth, start = [], 0, 0
    parts = []
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if ch == ";" and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    pending = ""  # a part without its legal basis belongs to the next one ("… quý hiếm; thực vật … (basis)")
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if "(" not in part and part is not parts[-1].strip():
            pending = f"{pending}; {part}" if pending else part
            continue
        if pending:
            part, pending = f"{pending}; {part}", ""
        m = re.fullmatch(r"(?P<name>.*?)\s*\((?P<basis>[^()]*)\)\s*(?P<note>[^()]{0,5})", part, re.S)
        if m:
            found.append(Procedure(re.sub(r"\s+", " ", m.group("name")).strip(),
                                   re.sub(r"\s+", " ", m.group("basis")).strip(), m.group("note").strip()))
        else:
            found.append(Procedure(re.sub(r"\s+", " ", part), ""))
    return found


def read_procedures(path: Path) -> dict[str, list[Procedure]]:
    """The procedures of each 8-digit line that has any."""
    sheet, table = _sheet_rows(path)
    if not table:
        raise TariffFileError("the sheet is empty", path.name, sheet)
    columns = _header(table[0], path.name, sheet)
    if "procedures" not in columns:
        raise TariffFileError("the header lacks the column Specialised procedures", path.name, sheet, 1)
    found: dict[str, list[Procedure]] = {}
    for cells in table[1:]:
        code_index, text_index = columns["hscode"], columns["procedures"]
        code = hscode.compact(_text(cells[code_index]) if code_index < len(cells) else "")
        text = _text(cells[text_index]) if text_index < len(cells) else ""
        if len(code) == 8 and text:
            found[code] = parse_procedures(text)
    return found
