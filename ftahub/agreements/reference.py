"""Load the trade agreements (this package's agreements.json, every fact with its source)."""

import datetime
from pathlib import Path

from ftahub.core.datadir import ReferenceDataError, read_json
from ftahub.places.models import Country

from .models import TradeAgreement

AGREEMENTS_FILE = Path(__file__).parent / "data" / "agreements.json"
FIELDS = ["code", "name_en", "name_vi", "kind", "parties", "signed_on", "in_force_vn", "co_form", "sources"]


def _date(path, code, value):
    if value in (None, ""):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ReferenceDataError(path, f"agreement {code}: {value!r} is not a date (YYYY-MM-DD)") from None


def load_agreements(path: Path = AGREEMENTS_FILE) -> dict:
    data = read_json(path)
    groups = data.get("groups", {})
    countries = {c.iso2: c for c in Country.objects.all()}
    if not countries:
        raise ReferenceDataError(path, "load countries before agreements")
    seen = set()
    created = 0
    text = path.read_text(encoding="utf-8")
    for entry in data.get("agreements", []):
        code = entry.get("code", "")
        where = text.count("\n", 0, max(text.find(f'"code": "{code}"'), 0)) + 1
        missing = [f for f in FIELDS if f not in entry]
        if missing:
            raise ReferenceDataError(path, f"agreement {code or '?'} lacks {', '.join(missing)}", where)
        if code in seen:
            raise ReferenceDataError(path, f"agreement {code} appears twice", where)
        seen.add(code)
        party_codes: list[str] = []
        for party in entry["parties"]:
            party_codes.extend(groups.get(party, [party]))
        unknown = [p for p in party_codes if p not in countries]
        if unknown:
            raise ReferenceDataError(path, f"agreement {code}: unknown party code(s) {', '.join(unknown)}", where)
        obj, was_created = TradeAgreement.objects.update_or_create(
            code=code,
            defaults={
                "name_en": entry["name_en"],
                "name_vi": entry["name_vi"],
                "kind": entry["kind"],
                "signed_on": _date(path, code, entry["signed_on"]),
                "in_force_vn": _date(path, code, entry["in_force_vn"]),
                "co_form": entry["co_form"] or "",
                "self_certification": entry.get("self_certification", ""),
                "self_certification_vi": entry.get("self_certification_vi", ""),
                "tariff_column": entry.get("tariff_column", ""),
                "notes": entry.get("notes", ""),
                "notes_vi": entry.get("notes_vi", ""),
                "sources": entry["sources"],
            },
        )
        obj.parties.set([countries[p] for p in party_codes])
        created += was_created
    return {"agreements": len(seen), "created": created, "file": path.name}
