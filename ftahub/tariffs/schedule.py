"""Read Viet Nam's tariff schedule files into plain records.

Two layouts:

* the JSON layout of the 2026 sample (``{"meta", "keys", "lines": [{"h", "v", "e", "u", "ch", "t": {key: rate}}]}``);
* a workbook (XLSX) with one header row and one column per rate: ``Mã hàng`` (8-digit code), ``Mô tả hàng hóa``
  (Vietnamese), ``Mô tả tiếng Anh`` (English), ``Đơn vị tính`` (unit), then columns named by key or agreement
  (``Thuế NK thông thường``/``nktt``, ``Thuế NK ưu đãi``/``MFN``/``nkud``, ``VAT``, ``ACFTA``, ``ATIGA``, …, ``RCEP``).
  Rows without an 8-digit code (section and heading rows) are skipped.

Plain Python: no Django.
"""

import json
import re
from dataclasses import dataclass, field
from typing import Any

from ftahub.common import hscode
from ftahub.common.tables import TableError, xlsx_rows
from ftahub.common.text import fold

RATE_KEYS = ["nktt", "nkud", "vat", "acfta", "atiga", "ajcep", "vjepa", "akfta", "aanzfta", "aifta", "vkfta", "vcfta",
             "eaeu", "cptpp", "ahkfta", "vncu", "evfta", "ukvfta", "vnlao", "vncam", "vifta", "rcept", "ttdb", "xk",
             "bvmt"]
HEADER_ALIASES = {
    "ma hang": "code", "ma hs": "code", "hs code": "code", "code": "code",
    "mo ta hang hoa": "v", "mo ta": "v", "mo ta tieng viet": "v", "description (vietnamese)": "v",
    "mo ta tieng anh": "e", "mo ta hang hoa tieng anh": "e", "description": "e", "description (english)": "e",
    "don vi tinh": "u", "unit": "u",
    "thue nk thong thuong": "nktt", "thue nhap khau thong thuong": "nktt",
    "thue nk uu dai": "nkud", "thue nhap khau uu dai": "nkud", "mfn": "nkud",
    "thue gtgt": "vat", "vat": "vat", "thue ttdb": "ttdb", "thue xk": "xk", "thue xuat khau": "xk",
    "thue bvmt": "bvmt", "vn-eaeu": "eaeu", "eaeu": "eaeu", "rcep": "rcept", "vn-cu": "vncu", "vn-la": "vnlao",
    "vn-kh": "vncam",
}


class ScheduleError(ValueError):
    def __init__(self, message: str, line: int | None = None):
        self.line = line
        super().__init__(f"line {line}: {message}" if line else message)


@dataclass
class TariffLineRecord:
    code: str
    description_vi: str
    description_en: str
    unit: str
    rates: dict[str, str] = field(default_factory=dict)
    line: int | None = None  # where in the file


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", fold(str(text or ""))).strip()


def read_json_schedule(data: bytes) -> tuple[dict[str, Any], list[TariffLineRecord]]:
    try:
        text = data.decode("utf-8")
        document = json.loads(text)
    except UnicodeDecodeError:
        raise ScheduleError("the file is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ScheduleError(f"not valid JSON: {exc.msg}", exc.lineno) from None
    if not isinstance(document, dict) or not isinstance(document.get("lines"), list):
        raise ScheduleError("expected an object with a 'lines' list", 1)
    records = []
    for entry in document["lines"]:
        code = str(entry.get("h", "")) if isinstance(entry, dict) else ""
        where = text.count("\n", 0, max(text.find(f'"h": "{code}"'), 0)) + 1 if code else None
        if not isinstance(entry, dict):
            raise ScheduleError("each line must be an object", where)
        rates = entry.get("t") or {}
        if not isinstance(rates, dict) or not all(isinstance(v, str) for v in rates.values()):
            raise ScheduleError(f"line {code}: rates ('t') must map keys to printed rates", where)
        unknown = sorted(set(rates) - set(RATE_KEYS))
        if unknown:
            raise ScheduleError(f"line {code}: unknown rate column(s) {', '.join(unknown)}", where)
        records.append(TariffLineRecord(code, str(entry.get("v") or "").strip(), str(entry.get("e") or "").strip(),
                                        str(entry.get("u") or ""), dict(rates), where))
    return document.get("meta") or {}, records


def read_xlsx_schedule(data: bytes) -> tuple[dict[str, Any], list[TariffLineRecord]]:
    try:
        table = xlsx_rows(data)
    except TableError as exc:
        raise ScheduleError(str(exc)) from None
    header, columns, records = None, {}, []
    for number, row in enumerate(table, start=1):
        cells = ["" if c is None else str(c).strip() for c in row]
        if header is None:
            folded = [_fold(c) for c in cells]
            if "code" in [HEADER_ALIASES.get(f) for f in folded]:
                header = cells
                for index, name in enumerate(folded):
                    key = HEADER_ALIASES.get(name) or (name if name in RATE_KEYS else None)
                    if key is None:
                        key = {a.lower(): a for a in RATE_KEYS}.get(name.replace("-", ""))
                    if key:
                        columns[key] = index
            continue
        code = hscode.compact(cells[columns["code"]]) if columns.get("code") is not None else ""
        if not code[:1].isdigit():
            continue  # empty, or a title such as "Chương 1" / "Chapter 1"
        if not code.isdigit():
            raise ScheduleError(f"code {cells[columns['code']]!r} is not a number", number)
        if len(code) != 8:
            continue  # section, chapter and heading rows
        rates = {k: cells[i] for k, i in columns.items() if k in RATE_KEYS and i < len(cells) and cells[i] != ""}
        records.append(TariffLineRecord(code, cells[columns["v"]] if "v" in columns else "",
                                        cells[columns["e"]] if "e" in columns else "",
                                        cells[columns["u"]] if "u" in columns else "", rates, number))
    if header is None:
        raise ScheduleError("no header row with a 'Mã hàng' (code) column")
    if not records:
        raise ScheduleError("no 8-digit tariff lines found")
    return {}, records


def read_schedule(filename: str, data: bytes) -> tuple[dict[str, Any], list[TariffLineRecord]]:
    if filename.lower().endswith(".xlsx"):
        return read_xlsx_schedule(data)
    if filename.lower().endswith(".json"):
        return read_json_schedule(data)
    raise ScheduleError("a tariff schedule is a .json or .xlsx file")
