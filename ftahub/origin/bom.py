"""Bills of materials from CSV or XLSX files, with a per-row error report.

Columns (header row, any order, case-insensitive; Vietnamese headers accepted in brackets):
``line`` (an id of the row), ``parent`` (the line of the sub-assembly it goes into; empty at the top),
``hs``, ``description``, ``value``, ``country`` (ISO alpha-2), ``originating`` (yes/no/unknown),
``weight_kg``, ``quantity``. Rows come back as nested material dicts in the case format.

Plain Python: no Django.
"""

import csv
import io
import re
from typing import Any

from ftahub.common import hscode
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


class BomError(ValueError):
    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("; ".join(errors[:5]) + (f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""))


def _key(header: str) -> str | None:
    name = re.sub(r"\s+", " ", str(header or "").strip().lower())
    for key, names in COLUMNS.items():
        if name in names:
            return key
    return None


def _number(text: object, row: int, column: str, errors: list[str], required: bool = False) -> float | None:
    text = str(text if text is not None else "").strip().replace(" ", "")
    if text == "":
        if required:
            errors.append(f"row {row}: {column} is required")
        return None
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+,\d+", text):  # 1.234,5 (Vietnamese)
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", "")
    try:
        value = float(text)
    except ValueError:
        errors.append(f"row {row}: {column} {text!r} is not a number")
        return None
    if value < 0:
        errors.append(f"row {row}: {column} must be zero or more")
    return value


def rows_to_materials(header: list[Any], rows: list[list[Any]]) -> list[dict[str, Any]]:
    keys = [_key(h) for h in header]
    if "hs" not in keys or "value" not in keys:
        raise BomError(["the header must name at least the columns hs and value"])
    errors: list[str] = []
    records: list[dict[str, Any]] = []
    for offset, raw in enumerate(rows, start=2):
        if len(records) >= MAX_ROWS:
            errors.append(f"more than {MAX_ROWS} rows")
            break
        cells = {k: (raw[i] if i < len(raw) else None) for i, k in enumerate(keys) if k}
        if all(str(v or "").strip() == "" for v in cells.values()):
            continue
        hs = hscode.compact(cells.get("hs") or "")
        if not (hs.isdigit() and len(hs) in (4, 6, 8, 10)):
            errors.append(f"row {offset}: hs {cells.get('hs')!r} is not an HS code of 4, 6, 8 or 10 digits")
        origin = str(cells.get("originating") or "").strip().lower()
        if origin in YES:
            originating = True
        elif origin in NO:
            originating = False
        elif origin in UNKNOWN:
            originating = None
        else:
            errors.append(f"row {offset}: originating {origin!r} is not yes, no or unknown")
            originating = None
        country = str(cells.get("country") or "").strip().upper() or None
        if country and not re.fullmatch(r"[A-Z]{2}", country):
            errors.append(f"row {offset}: country {country!r} is not an ISO alpha-2 code such as CN")
        line = str(cells.get("line") or "").strip() or f"#{offset}"
        records.append({
            "line": line, "parent": str(cells.get("parent") or "").strip() or None, "row": offset,
            "material": {
                "hs": hs, "description": str(cells.get("description") or "").strip()[:300],
                "value": _number(cells.get("value"), offset, "value", errors, required=True),
                "country": country, "originating": originating,
                "weight_kg": _number(cells.get("weight_kg"), offset, "weight_kg", errors),
                "quantity": _number(cells.get("quantity"), offset, "quantity", errors),
                "materials": [],
            },
        })
    by_line: dict[str, dict[str, Any]] = {}
    for record in records:
        if record["line"] in by_line:
            errors.append(f"row {record['row']}: line {record['line']!r} appears twice")
        by_line[record["line"]] = record
    top: list[dict[str, Any]] = []
    for record in records:
        parent = record["parent"]
        if parent is None:
            top.append(record["material"])
        elif parent not in by_line:
            errors.append(f"row {record['row']}: parent {parent!r} is not a line of this file")
        else:
            by_line[parent]["material"]["materials"].append(record["material"])
    # refuse cycles (a line inside itself)
    for record in records:
        seen, parent = {record["line"]}, record["parent"]
        while parent is not None and parent in by_line:
            if parent in seen:
                errors.append(f"row {record['row']}: line {record['line']!r} is inside itself")
                break
            seen.add(parent)
            parent = by_line[parent]["parent"]
    if errors:
        raise BomError(errors)
    if not records:
        raise BomError(["the file has no material rows"])
    return top


def read_csv(data: bytes) -> list[dict[str, Any]]:
    try:
        text = csv_text(data)
    except TableError as exc:
        raise BomError([str(exc)]) from None
    sample = text[:2048]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as exc:
        raise BomError([f"not valid CSV: {exc}"]) from None
    if not rows:
        raise BomError(["the file is empty"])
    return rows_to_materials(rows[0], rows[1:])


def read_xlsx(data: bytes) -> list[dict[str, Any]]:
    try:
        rows = [list(r) for r in xlsx_rows(data, max_row=MAX_ROWS + 2)]
    except TableError as exc:
        raise BomError([str(exc)]) from None
    if not rows:
        raise BomError(["the workbook's first sheet is empty"])
    return rows_to_materials(rows[0], rows[1:])


def read_bom(filename: str, data: bytes) -> list[dict[str, Any]]:
    name = filename.lower()
    if name.endswith(".xlsx"):
        return read_xlsx(data)
    if name.endswith((".csv", ".txt")):
        return read_csv(data)
    raise BomError(["upload a .csv or .xlsx file"])


def flatten(materials: list[dict[str, Any]], parent: str | None = None, prefix: str = "") -> list[dict[str, Any]]:
    """Back to rows (for the evidence pack's BOM.csv and for editing): line ids like 1, 1.2, 1.2.1."""
    rows = []
    for i, m in enumerate(materials, start=1):
        line = f"{prefix}{i}"
        rows.append({"line": line, "parent": parent or "", **{k: m.get(k) for k in
                    ("hs", "description", "value", "country", "originating", "weight_kg", "quantity")}})
        rows.extend(flatten(m.get("materials") or [], line, f"{line}."))
    return rows
