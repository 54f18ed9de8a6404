"""Load countries (pycountry, ISO 3166-1 with Vietnamese names) and provinces (63 → 34 mapping CSV)."""

import gettext
import json
from pathlib import Path

import pycountry

from ftahub.core.datadir import ReferenceDataError, data_path, read_csv
from ftahub.core.sync import SyncCounts, sync_rows

from .models import Country, Province

PROVINCE_MAPPING = "vn-provinces-2025/province-mapping-2025.csv"
EXPECTED_OLD, EXPECTED_NEW = 63, 34
VIETNAMESE_NAMES = Path(__file__).parent / "data" / "country_names_vi.json"


def load_countries() -> SyncCounts:
    vi = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["vi"])
    official_vi = json.loads(VIETNAMESE_NAMES.read_text(encoding="utf-8"))["names"]
    rows = {}
    for country in pycountry.countries:
        name_en = getattr(country, "common_name", None) or country.name
        rows[country.alpha_2] = {
            "iso3": country.alpha_3,
            "numeric": country.numeric,
            "name_en": name_en,
            "name_vi": official_vi.get(country.alpha_2) or vi.gettext(country.name),
        }
    if len(rows) < 240:
        raise ReferenceDataError("pycountry", f"only {len(rows)} countries: the package data looks incomplete")
    return sync_rows(Country, "iso2", rows)


def load_provinces() -> dict:
    path = data_path(PROVINCE_MAPPING)
    old_rows: dict[int, tuple[str, int]] = {}
    new_rows: dict[int, str] = {}
    for line, row in read_csv(path, ["old_code", "old_name", "new_code", "new_name"]):
        try:
            old_code, new_code = int(row["old_code"]), int(row["new_code"])
        except ValueError:
            raise ReferenceDataError(path, "province codes must be whole numbers", line) from None
        if not row["old_name"].strip() or not row["new_name"].strip():
            raise ReferenceDataError(path, "a province name is empty", line)
        if old_code in old_rows:
            raise ReferenceDataError(path, f"old code {old_code} appears twice", line)
        if new_code in new_rows and new_rows[new_code] != row["new_name"].strip():
            raise ReferenceDataError(path, f"new code {new_code} has two names", line)
        old_rows[old_code] = (row["old_name"].strip(), new_code)
        new_rows[new_code] = row["new_name"].strip()
    if len(old_rows) != EXPECTED_OLD or len(new_rows) != EXPECTED_NEW:
        raise ReferenceDataError(
            path, f"expected {EXPECTED_OLD} old and {EXPECTED_NEW} new units, found {len(old_rows)} and {len(new_rows)}"
        )
    current = {}
    for code, name in new_rows.items():
        obj, _ = Province.objects.update_or_create(era=Province.Era.FROM_2025, code=code, defaults={"name": name})
        current[code] = obj
    changed = 0
    for code, (name, new_code) in old_rows.items():
        obj, created = Province.objects.get_or_create(
            era=Province.Era.BEFORE_2025, code=code, defaults={"name": name, "successor": current[new_code]}
        )
        if not created and (obj.name != name or obj.successor_id != current[new_code].pk):
            obj.name, obj.successor = name, current[new_code]
            obj.save(update_fields=["name", "successor"])
            changed += 1
    return {"current": len(new_rows), "before_2025": len(old_rows), "changed": changed}
