"""Uploaded tables: the rows of a CSV (UTF-8, with or without a byte-order mark) or of an XLSX workbook's first
sheet. Each importer reads its own columns from these; the problems of the file itself are raised here once.

Plain Python: no Django.
"""

import csv
import io
from typing import Any

from . import problems

problems.ENGLISH.update({"table.not_text": "the file is not UTF-8 text",
                         "table.not_xlsx": "the file cannot be read as an Excel workbook (.xlsx): {detail}",
                         "table.too_large": "the file is too large to read: {detail}"})


class TableError(ValueError):
    """The file cannot be read as a table at all; ``code`` says why for the pages: not_text, not_xlsx, too_large."""

    def __init__(self, message: str, code: str = "not_xlsx"):
        self.code = code
        super().__init__(message)


def csv_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TableError("the file is not UTF-8 text", "not_text") from None


def guess_delimiter(text: str) -> str:
    """";" when the first 2 KB have more semicolons than commas (spreadsheets saved in a Vietnamese locale), else ","."""
    sample = text[:2048]
    return ";" if sample.count(";") > sample.count(",") else ","


# Limits checked on the zip itself, before openpyxl reads anything: an XLSX "bomb" (a 223 KB file holding 5 million
# shared strings, or a 5 KB file declaring a sheet of a billion cells) took minutes and gigabytes to open (#18).
MAX_UNCOMPRESSED = 60 * 1024 * 1024  # every part of the workbook, decompressed
MAX_RATIO = 200  # decompressed / compressed, per part
MAX_SHARED_STRINGS = 300_000
MAX_CELLS = 3_000_000  # the first sheet's declared dimension
MAX_COLUMNS = 200


def check_xlsx(data: bytes) -> None:
    """Refuse, before opening it, a workbook whose parts decompress too far, that declares too many shared strings
    or a first sheet too large. TableError says which limit."""
    import re
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise TableError("not a readable XLSX workbook (not a zip file)") from None
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise TableError(f"the workbook decompresses to {total // (1024 * 1024)} MB (at most "
                         f"{MAX_UNCOMPRESSED // (1024 * 1024)} MB)", "too_large")
    for info in infos:
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 1024 * 1024:
            raise TableError(f"the workbook's part {info.filename} decompresses {info.file_size // info.compress_size}"
                             " times: refused", "too_large")
    names = {i.filename for i in infos}
    if "xl/sharedStrings.xml" in names:
        with archive.open("xl/sharedStrings.xml") as part:
            head = part.read(4096).decode("utf-8", "replace")
        counts = [int(c) for c in re.findall(r'(?:uniqueCount|count)="(\d+)"', head.split(">", 2)[1] if ">" in head
                                                                            else head)]
        if counts and max(counts) > MAX_SHARED_STRINGS:
            raise TableError(f"the workbook declares {max(counts):,} texts (at most {MAX_SHARED_STRINGS:,})", "too_large")
    sheet = next((n for n in sorted(names) if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)), None)
    if sheet:
        with archive.open(sheet) as part:
            head = part.read(8192).decode("utf-8", "replace")
        if m := re.search(r'<dimension ref="[A-Z]+(\d+):([A-Z]+)(\d+)"', head):
            columns = 0
            for ch in m.group(2):
                columns = columns * 26 + ord(ch) - 64
            cells = (int(m.group(3)) - int(m.group(1)) + 1) * columns
            if cells > MAX_CELLS:
                raise TableError(f"the first sheet declares {cells:,} cells (at most {MAX_CELLS:,})", "too_large")


def xlsx_rows(data: bytes, max_row: int | None = None) -> list[tuple[Any, ...]]:
    """The first sheet's rows, values as the workbook holds them (None for an empty cell); at most MAX_COLUMNS
    columns. The workbook is checked against the limits above before it is opened."""
    from openpyxl import load_workbook

    check_xlsx(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise TableError(f"not a readable XLSX workbook ({type(exc).__name__})") from None
    rows = [row[:MAX_COLUMNS] for row in workbook.worksheets[0].iter_rows(values_only=True, max_row=max_row)]
    workbook.close()
    return rows


def read_rows(filename: str, data: bytes, delimiter: str = ",") -> list[list[Any]]:
    """Rows of an .xlsx (values as held) or of any other file read as CSV (text)."""
    if filename.lower().endswith(".xlsx"):
        return [list(row) for row in xlsx_rows(data)]
    return list(csv.reader(io.StringIO(csv_text(data)), delimiter=delimiter))
