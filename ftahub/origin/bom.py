"""Bills of materials from CSV or XLSX files, with a per-row error report.

Columns (header row, any order, case-insensitive; Vietnamese headers accepted in brackets):
``line`` (an id of the row), ``parent`` (the line of the sub-assembly it goes into; empty at the top),
``hs``, ``description``, ``value`` (amounts as people type them: common/amounts.py), ``country`` (a code, or a
name when the caller reads names), ``originating`` (yes/no/unknown),
``weight_kg``, ``quantity``. Rows come back as nested material dicts in the case format.

Plain Python: no Django.
"""

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ftahub.common import hscode
from ftahub.common.amounts import AmountError, parse_amount
from ftahub.common.tables import TableError, csv_text, xlsx_rows

COLUMNS = {
    "line": ["line", "dong", "dòng", "stt"],
    "parent": ["parent", "thuoc", "thuộc", "parent_line"],
    "hs": ["hs", "ma hs", "mã hs", "hs code"],
    "description": ["description", "mo ta", "mô tả", "ten", "tên"],
    "value": ["value", "tri gia", "trị giá", "gia tri", "giá trị"],
    "country": ["country", "xuat xu", "xuất xứ", "nuoc", "nước"],
    "originating": ["originating", "co xuat xu", "có xuất xứ"],
    "weight_kg": ["weight_kg", "weight", "khoi luong", "khối lượng"],
    "quantity": ["quantity", "so luong", "số lượng"],
}
YES = {"yes", "y", "true", "1", "co", "có", "x"}
NO = {"no", "n", "false", "0", "khong", "không"}
UNKNOWN = {"", "unknown", "?", "chua ro", "chưa rõ", "null", "none"}
MAX_ROWS = 5000


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file, as a code and its values (the pages word it in the reader's language);
    ``row`` is the spreadsheet row (1 is the header), 0 for the file as a whole."""

    code: str
    row: int = 0
    values: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        values = dict(self.values)
        text = ENGLISH[self.code].format(**values)
        return f"row {self.row}: {text}" if self.row else text


ENGLISH = {
    "header": "the header must name at least the columns hs and value",
    "too_many_rows": "more than {limit} rows",
    "no_rows": "the file has no material rows",
    "empty": "the file is empty",
    "not_a_table": "the file cannot be read as a table: {detail}",
    "file_type": "upload a .csv or .xlsx file",
    "hs": "hs {value!r} is not an HS code of 4, 6, 8 or 10 digits",
    "originating": "originating {value!r} is not yes, no or unknown",
    "country": "country {value!r} is not a country (a code such as CN, or a name such as China or Trung Quốc)",
    "required": "{column} is required",
    "not_a_number": "{column} {value!r} is not a number",
    "ambiguous": "{column} {value!r} can be read two ways: write it without a thousands mark (2500) or with a "
                 "decimal comma (2,5)",
    "negative": "{column} must be zero or more",
    "currency": "{column} {value!r} is in another currency than the one chosen",
    "line_twice": "line {line!r} appears twice",
    "parent": "parent {parent!r} is not a line of this file",
    "cycle": "line {line!r} is inside itself",
    "above_price": "the materials are worth {total} in all, more than the product's price {price}",
}


class BomError(ValueError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        self.errors = [str(p) for p in problems]
        super().__init__("; ".join(self.errors[:5]) + (f" (and {len(self.errors) - 5} more)"
                                                      if len(self.errors) > 5 else ""))


def _key(header: str) -> str | None:
    name = re.sub(r"\s+", " ", str(header or "").strip().lower())
    for key, names in COLUMNS.items():
        if name in names:
            return key
    return None


def _number(text: object, row: int, column: str, errors: list[Problem], required: bool = False,
            currency: str | None = None) -> float | None:
    if text is None or str(text).strip() == "":
        if required:
            errors.append(Problem("required", row, (("column", column),)))
        return None
    try:
        return parse_amount(text, currency).value
    except AmountError as exc:
        errors.append(Problem(exc.code, row, (("column", column), ("value", str(text).strip()))))
        return None


def iso_code_only(text: str) -> str | None:
    """The default reading of a country cell: an ISO alpha-2 code (the hub passes one that reads names too)."""
    code = text.strip().upper()
    return code if re.fullmatch(r"[A-Z]{2}", code) else None


def rows_to_materials(header: list[Any], rows: list[list[Any]], currency: str | None = None,
                      country: Callable[[str], str | None] = iso_code_only) -> list[dict[str, Any]]:
    """Nested materials from a table's rows; ``currency`` settles amounts such as "2.500" (VND has no decimals),
    ``country`` reads a country cell (a code, or a name)."""
    keys = [_key(h) for h in header]
    if "hs" not in keys or "value" not in keys:
        raise BomError([Problem("header")])
    errors: list[Problem] = []
    records: list[dict[str, Any]] = []
    for offset, raw in enumerate(rows, start=2):
        if len(records) >= MAX_ROWS:
            errors.append(Problem("too_many_rows", 0, (("limit", str(MAX_ROWS)),)))
            break
        cells = {k: (raw[i] if i < len(raw) else None) for i, k in enumerate(keys) if k}
        if all(str(v or "").strip() == "" for v in cells.values()):
            continue
        hs = hscode.compact(cells.get("hs") or "")
        if not (hs.isdigit() and len(hs) in (4, 6, 8, 10)):
            errors.append(Problem("hs", offset, (("value", str(cells.get("hs") or "")),)))
        origin = str(cells.get("originating") or "").strip().lower()
        if origin in YES:
            originating = True
        elif origin in NO:
            originating = False
        elif origin in UNKNOWN:
            originating = None
        else:
            errors.append(Problem("originating", offset, (("value", origin),)))
            originating = None
        typed_country = str(cells.get("country") or "").strip()
        country_code = country(typed_country) if typed_country else None
        if typed_country and country_code is None:
            errors.append(Problem("country", offset, (("value", typed_country),)))
        line = str(cells.get("line") or "").strip() or f"#{offset}"
        records.append({
            "line": line, "parent": str(cells.get("parent") or "").strip() or None, "row": offset,
            "material": {
                "hs": hs, "description": str(cells.get("description") or "").strip()[:300],
                "value": _number(cells.get("value"), offset, "value", errors, required=True, currency=currency),
                "country": country_code, "originating": originating,
                "weight_kg": _number(cells.get("weight_kg"), offset, "weight_kg", errors),
                "quantity": _number(cells.get("quantity"), offset, "quantity", errors),
                "materials": [],
            },
        })
    by_line: dict[str, dict[str, Any]] = {}
    for record in records:
        if record["line"] in by_line:
            errors.append(Problem("line_twice", record["row"], (("line", record["line"]),)))
        by_line[record["line"]] = record
    top: list[dict[str, Any]] = []
    for record in records:
        parent = record["parent"]
        if parent is None:
            top.append(record["material"])
        elif parent not in by_line:
            errors.append(Problem("parent", record["row"], (("parent", parent),)))
        else:
            by_line[parent]["material"]["materials"].append(record["material"])
    # refuse cycles (a line inside itself)
    for record in records:
        seen, parent = {record["line"]}, record["parent"]
        while parent is not None and parent in by_line:
            if parent in seen:
                errors.append(Problem("cycle", record["row"], (("line", record["line"]),)))
                break
            seen.add(parent)
            parent = by_line[parent]["parent"]
    if errors:
        raise BomError(errors)
    if not records:
        raise BomError([Problem("no_rows")])
    return top


def read_csv(data: bytes, **options: Any) -> list[dict[str, Any]]:
    try:
        text = csv_text(data)
    except TableError as exc:
        raise BomError([Problem("not_a_table", 0, (("detail", str(exc)), ("why", exc.code)))]) from None
    sample = text[:2048]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as exc:
        raise BomError([Problem("not_a_table", 0, (("detail", str(exc)),))]) from None
    if not rows:
        raise BomError([Problem("empty")])
    return rows_to_materials(rows[0], rows[1:], **options)


def read_xlsx(data: bytes, **options: Any) -> list[dict[str, Any]]:
    try:
        rows = [list(r) for r in xlsx_rows(data, max_row=MAX_ROWS + 2)]
    except TableError as exc:
        raise BomError([Problem("not_a_table", 0, (("detail", str(exc)), ("why", exc.code)))]) from None
    if not rows:
        raise BomError([Problem("empty")])
    return rows_to_materials(rows[0], rows[1:], **options)


def read_bom(filename: str, data: bytes, **options: Any) -> list[dict[str, Any]]:
    """``options``: ``currency`` and ``country`` as for rows_to_materials."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        return read_xlsx(data, **options)
    if name.endswith((".csv", ".txt")):
        return read_csv(data, **options)
    raise BomError([Problem("file_type")])


def flatten(materials: list[dict[str, Any]], parent: str | None = None, prefix: str = "") -> list[dict[str, Any]]:
    """Back to rows (for the evidence pack's BOM.csv and for editing): line ids like 1, 1.2, 1.2.1."""
    rows = []
    for i, m in enumerate(materials, start=1):
        line = f"{prefix}{i}"
        rows.append({"line": line, "parent": parent or "", **{k: m.get(k) for k in
                    ("hs", "description", "value", "country", "originating", "weight_kg", "quantity")}})
        rows.extend(flatten(m.get("materials") or [], line, f"{line}."))
    return rows
