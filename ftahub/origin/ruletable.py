"""Product-specific rules of any agreement loaded from a table an officer has (CSV or XLSX), read through the
translator and checked by the faithfulness audit, with a report of what needs manual reading (#16).

Columns (header row, any order): ``hs`` (a code, or a range "0801-0802" / "08.01 to 08.02"), ``rule`` (the legal
text as the annex prints it), optional ``description`` and ``note``. ``wording`` says how the texts are written:
``abbreviated`` (ASEAN-style "RVC40 or CTH", "CC", "WO"), ``eu`` (EVFTA/UKVFTA Annex II wording) or ``cptpp``
(Annex 3-D wording). A file replaces the agreement's rules loaded from tables before; rules from the reference
data (UKVFTA, EVFTA, CPTPP) are not touched by it.
"""

import re
from typing import Any

from django.db import transaction

from ftahub.agreements.models import TradeAgreement
from ftahub.common import hscode
from ftahub.common.tables import TableError, read_rows
from ftahub.core import refcache

from .audit import check
from .models import ProductSpecificRule
from .translate import Translation, clean, translate, translate_abbreviated

WORDINGS = ("abbreviated", "eu", "cptpp")
SOURCE_PREFIX = "Table: "


class RuleTableError(ValueError):
    """The table cannot be read at all; ``code`` says why (the page words it in the reader's language)."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(TABLE_ERRORS[code] % {"detail": detail})
        self.code, self.detail = code, detail


TABLE_ERRORS = {"wording": "wording is one of abbreviated, eu, cptpp", "agreement": "no agreement %(detail)r",
                "unreadable": "the file cannot be read: %(detail)s", "empty": "the file is empty",
                "header": "the header must name the columns hs and rule"}
ROW_ERRORS = {"hs": "hs %(value)r is not an HS code or a range of codes", "rule_empty": "the rule is empty"}


def row_error(code: str, value: str) -> str:
    """A row's problem in English (the CLI); the page has its own words."""
    return ROW_ERRORS[code] % {"value": value}


def _range(text: str) -> tuple[str, str]:
    parts = [p for p in re.split(r"\s*(?:-|–|to|through|đến)\s*", str(text or "").strip()) if p]
    if not 1 <= len(parts) <= 2:
        raise ValueError(text)
    start, end = (hscode.compact(p) for p in (parts[0], parts[-1]))
    if not (start.isdigit() and end.isdigit() and len(start) in (2, 4, 6, 8, 10) and len(start) == len(end)):
        raise ValueError(text)
    return (start + "0" * 10)[:10], (end + "9" * 10)[:10]


def _translation(wording: str, text: str) -> Translation:
    if wording == "abbreviated":
        return translate_abbreviated(text)
    return translate("EVFTA" if wording == "eu" else "CPTPP", [{"rule": text, "operator": None}])


def import_rule_table(agreement: str, filename: str, data: bytes, wording: str, source: str,
                      write: bool = True) -> dict[str, Any]:
    """Load the table; returns {rules, faithful, manual, manual_rows: [(row, hs, legal text)], flagged: [(row,
    flags)], errors: [(row, message)], written}. Nothing is written when a row is wrong or a rule is flagged by the
    audit, nor when ``write`` is false (the page's preview)."""
    if wording not in WORDINGS:
        raise RuleTableError("wording")
    found = TradeAgreement.objects.filter(code=agreement.upper()).first()
    if found is None:
        raise RuleTableError("agreement", agreement)
    try:
        rows = read_rows(filename, data)
    except TableError as exc:
        raise RuleTableError("unreadable", str(exc)) from None
    if not rows:
        raise RuleTableError("empty")
    header = [str(h or "").strip().lower() for h in rows[0]]
    if "hs" not in header or "rule" not in header:
        raise RuleTableError("header")
    column = {name: header.index(name) for name in ("hs", "rule", "description", "note") if name in header}
    errors, flagged, records = [], [], []
    for number, cells in enumerate(rows[1:], start=2):
        def cell(name: str, cells: list[Any] = cells) -> str:
            index = column.get(name)
            return str(cells[index] or "").strip() if index is not None and index < len(cells) else ""

        if not cell("hs") and not cell("rule"):
            continue
        try:
            hs_from, hs_to = _range(cell("hs"))
        except ValueError:
            errors.append((number, "hs", cell("hs")))
            continue
        if not cell("rule"):
            errors.append((number, "rule_empty", ""))
            continue
        translation = _translation(wording, cell("rule"))
        finding = check([cell("rule")], translation)
        if finding.flags:
            flagged.append((number, list(finding.flags)))
        records.append((number, hs_from, hs_to, cell, translation))
    report = {"rules": len(records), "faithful": sum(not r[4].needs_manual_reading for r in records),
              "manual": sum(r[4].needs_manual_reading for r in records), "flagged": flagged, "errors": errors,
              "manual_rows": [(r[0], r[3]("hs"), r[3]("rule")) for r in records if r[4].needs_manual_reading],
              "agreement": found.code}
    if errors or flagged or not records or not write:
        report["written"] = False
        return report
    with transaction.atomic():
        ProductSpecificRule.objects.filter(agreement=found, source__startswith=SOURCE_PREFIX).delete()
        start = (ProductSpecificRule.objects.filter(agreement=found).order_by("-position")
                 .values_list("position", flat=True).first() or 0) + 1
        ProductSpecificRule.objects.bulk_create([
            ProductSpecificRule(agreement=found, hs_from=hs_from, hs_to=hs_to, span=int(hs_to) - int(hs_from),
                                heading=cell("hs")[:120], description=cell("description"),
                                legal_text=clean(cell("rule")), canonical=translation.canonical,
                                needs_manual_reading=translation.needs_manual_reading,
                                source=(SOURCE_PREFIX + source)[:300], note=cell("note"), position=start + i)
            for i, (_, hs_from, hs_to, cell, translation) in enumerate(records)])
    refcache.clear()
    report["written"] = True
    return report
