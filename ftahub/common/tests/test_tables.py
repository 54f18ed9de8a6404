"""Uploaded tables: CSV with or without BOM and with either delimiter, XLSX, and files that are neither."""

import io

import pytest
from openpyxl import Workbook

from ftahub.common.tables import TableError, csv_text, guess_delimiter, read_rows


def test_csv_and_xlsx_give_the_same_rows():
    assert read_rows("a.csv", "\ufeffmã,giá\n0810,1\n".encode()) == [["mã", "giá"], ["0810", "1"]]
    book = Workbook()
    book.active.append(["mã", "giá"])
    book.active.append(["0810", 1])
    buffer = io.BytesIO()
    book.save(buffer)
    assert read_rows("a.xlsx", buffer.getvalue()) == [["mã", "giá"], ["0810", 1]]


def test_semicolons_from_a_vietnamese_locale_are_recognised():
    assert guess_delimiter("time;temperature\n2026-01-01 00:00;4,5\n") == ";"
    assert guess_delimiter("time,temperature\n2026-01-01 00:00,4.5\n") == ","


def test_files_that_are_not_tables_say_why():
    with pytest.raises(TableError, match="not UTF-8"):
        csv_text("giá\n\xff".encode("latin-1"))
    with pytest.raises(TableError, match="not a readable XLSX workbook"):
        read_rows("a.xlsx", b"not a workbook")
