"""Uploaded tables: the rows of a CSV (UTF-8, with or without a byte-order mark) or of an XLSX workbook's first
sheet. Each importer reads its own columns from these; the problems of the file itself are raised here once.

Plain Python: no Django.
"""

import csv
import io
from typing import Any


class TableError(ValueError):
    """The file cannot be read as a table at all."""


def csv_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TableError("the file is not UTF-8 text") from None


def guess_delimiter(text: str) -> str:
    """";" when the first 2 KB have more semicolons than commas (spreadsheets saved in a Vietnamese locale), else ","."""
    sample = text[:2048]
    return ";" if sample.count(";") > sample.count(",") else ","


def xlsx_rows(data: bytes, max_row: int | None = None) -> list[tuple[Any, ...]]:
    """The first sheet's rows, values as the workbook holds them (None for an empty cell)."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise TableError(f"not a readable XLSX workbook ({type(exc).__name__})") from None
    rows = list(workbook.worksheets[0].iter_rows(values_only=True, max_row=max_row))
    workbook.close()
    return rows


def read_rows(filename: str, data: bytes, delimiter: str = ",") -> list[list[Any]]:
    """Rows of an .xlsx (values as held) or of any other file read as CSV (text)."""
    if filename.lower().endswith(".xlsx"):
        return [list(row) for row in xlsx_rows(data)]
    return list(csv.reader(io.StringIO(csv_text(data)), delimiter=delimiter))
