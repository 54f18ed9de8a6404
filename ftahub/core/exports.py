"""Tables as CSV/XLSX downloads, with safe cells: text that a spreadsheet would run as a formula is neutralised."""

import csv
import io

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8",
                 "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def neutralise(value):
    """Text starting with = + - @ (or a tab or carriage return) gets a leading apostrophe; numbers pass."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def to_csv(header: list, rows) -> bytes:
    """UTF-8 with a byte-order mark (so that Excel reads Vietnamese right); every cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([neutralise(v) for v in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(header: list, rows, sheet_title: str | None = None) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    if sheet_title:
        sheet.title = sheet_title[:31]
    sheet.append(header)
    for row in rows:
        sheet.append([neutralise(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def download(fmt: str, header: list, rows, filename: str, sheet_title: str | None = None) -> HttpResponse:
    """The table as an attachment ``filename.fmt`` (fmt "csv" or "xlsx")."""
    body = to_csv(header, rows) if fmt == "csv" else to_xlsx(header, rows, sheet_title)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
