"""XLSX "bombs" are refused before they are opened (#18): a small file declaring millions of shared strings or a
sheet of a billion cells, or a part that decompresses hundreds of times, used to take minutes and gigabytes."""

import io
import re
import zipfile

import pytest
from openpyxl import Workbook

from ftahub.common.tables import TableError, check_xlsx, xlsx_rows


def workbook() -> bytes:
    book = Workbook()
    book.active.append(["hs", "value"])
    book.active.append(["0810", 1])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewrite(data: bytes, name: str, change) -> bytes:
    """The same workbook with one part changed."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            target.writestr(info.filename, change(content) if info.filename == name else content)
    return out.getvalue()


def test_an_ordinary_workbook_is_read():
    assert xlsx_rows(workbook()) == [("hs", "value"), ("0810", 1)]


def test_a_sheet_declaring_a_billion_cells_is_refused():
    bomb = rewrite(workbook(), "xl/worksheets/sheet1.xml",
                   lambda xml: re.sub(rb'<dimension ref="A1:B2"\s*/>', b'<dimension ref="A1:XFD1048576" />', xml))
    with pytest.raises(TableError, match="declares 17,179,869,184 cells"):
        xlsx_rows(bomb)


def test_millions_of_shared_strings_are_refused():
    strings = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
               b'spreadsheetml/2006/main" count="5000000" uniqueCount="5000000"><si><t>x</t></si></sst>')
    bomb = rewrite(workbook(), "[Content_Types].xml", lambda xml: xml)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bomb)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        target.writestr("xl/sharedStrings.xml", strings)
    with pytest.raises(TableError, match="declares 5,000,000 texts"):
        check_xlsx(out.getvalue())


def test_a_part_that_decompresses_too_far_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("xl/worksheets/sheet1.xml", b" " * (80 * 1024 * 1024))
    with pytest.raises(TableError, match="decompresses"):
        check_xlsx(out.getvalue())


@pytest.mark.django_db
def test_a_bomb_uploaded_as_a_bom_gets_a_message_not_a_wait(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bomb = rewrite(workbook(), "xl/worksheets/sheet1.xml",
                   lambda xml: re.sub(rb'<dimension ref="A1:B2"\s*/>', b'<dimension ref="A1:XFD1048576" />', xml))
    page = client.post("/origin/", {"title": "Chair", "product_hs": "9401.61", "fob": "100", "rows": "1",
                                    "bom_file": SimpleUploadedFile("bom.xlsx", bomb)})
    assert page.status_code == 200 and "khai báo quá nhiều ô hoặc chuỗi" in page.content.decode()
