"""Load the HS 2022 nomenclature (WCO, via the datahub package); Viet Nam's 8-digit lines come with the whole tariff
(``importer.load_tariff``)."""

import re

from ftahub.core.datadir import ReferenceDataError, data_path, read_csv

from .models import HSCode, HSSection

HS_SECTIONS = "hs2022/sections.csv"
HS_CODES = "hs2022/harmonized-system.csv"
HS_SOURCE = "HS 2022 (WCO) via datasets/harmonized-system"
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
         "XVII", "XVIII", "XIX", "XX", "XXI"]


def load_hs() -> dict:
    sections_path = data_path(HS_SECTIONS)
    sections = {}
    for line, row in read_csv(sections_path, ["section", "name"]):
        roman = row["section"].strip()
        if roman not in ROMAN:
            raise ReferenceDataError(sections_path, f"unknown section {roman!r}", line)
        sections[roman] = row["name"].strip()
    if len(sections) != 21:
        raise ReferenceDataError(sections_path, f"expected 21 sections, found {len(sections)}")
    for roman, name in sections.items():
        HSSection.objects.update_or_create(roman=roman, defaults={"number": ROMAN.index(roman) + 1, "name_en": name})
    section_ids = dict(HSSection.objects.values_list("roman", "id"))

    codes_path = data_path(HS_CODES)
    rows: dict[str, dict] = {}
    for line, row in read_csv(codes_path, ["section", "hscode", "description", "parent", "level"]):
        code = row["hscode"].strip()
        if row["section"].strip() == "TOTAL":
            # UN Comtrade's aggregates (TOTAL, and 99/9999/999999 "commodities not specified according to kind")
            # are statistical codes, not HS 2022 lines.
            continue
        level = row["level"].strip()
        if level not in {"2", "4", "6"} or not re.fullmatch(r"\d+", code) or len(code) != int(level):
            raise ReferenceDataError(codes_path, f"bad code {code!r} for level {level!r}", line)
        parent = row["parent"].strip()
        if level == "2":
            parent = None
        elif parent not in rows or not code.startswith(parent):
            raise ReferenceDataError(codes_path, f"code {code} names parent {parent!r}, which is not above it", line)
        if row["section"].strip() not in section_ids:
            raise ReferenceDataError(codes_path, f"code {code} is in unknown section {row['section']!r}", line)
        if code in rows:
            raise ReferenceDataError(codes_path, f"code {code} appears twice", line)
        if not row["description"].strip():
            raise ReferenceDataError(codes_path, f"code {code} has no description", line)
        rows[code] = {
            "level": int(level),
            "parent": parent,
            "section_id": section_ids[row["section"].strip()],
            "description_en": row["description"].strip(),
            "source": HS_SOURCE,
        }
    counts = {lvl: sum(1 for r in rows.values() if r["level"] == lvl) for lvl in (2, 4, 6)}
    if counts[2] < 96 or counts[4] < 1200 or counts[6] < 5000:
        raise ReferenceDataError(codes_path, f"file looks partial: {counts[2]} chapters, {counts[4]} headings, "
                                             f"{counts[6]} subheadings")
    written = _write_codes(rows)
    return {"sections": len(sections), "chapters": counts[2], "headings": counts[4], "subheadings": counts[6],
            **written}


def _write_codes(rows: dict[str, dict]) -> dict:
    from .search import search_text

    for code, values in rows.items():
        english = values["description_en"]
        if values["level"] == 8 and values["parent"] in rows:
            # a national line prints only its own step ("- - - Robusta"); search it with its subheading's words
            english = f"{rows[values['parent']]['description_en']} {english}"
        values["search_text"] = search_text(code, english, values.get("description_vi", ""))
    existing = {c.code: c for c in HSCode.objects.all()}
    created = updated = 0
    # Parents first, so every parent row exists before its children point to it.
    for level in (2, 4, 6, 8):
        batch, changed_objs = [], []
        ids = {code: obj.pk for code, obj in existing.items()}
        for code, values in rows.items():
            if values["level"] != level:
                continue
            fields = {k: v for k, v in values.items() if k != "parent"}
            fields.setdefault("description_vi", "")
            fields["parent_id"] = ids.get(values["parent"]) if values["parent"] else None
            obj = existing.get(code)
            if obj is None:
                batch.append(HSCode(code=code, **fields))
                continue
            # the whole tariff (loaded after) owns a code's Vietnamese text and search words: left as they are
            owned = {k: v for k, v in fields.items() if k not in ("description_vi", "search_text")}
            if any(getattr(obj, k) != v for k, v in owned.items()):
                for k, v in owned.items():
                    setattr(obj, k, v)
                changed_objs.append(obj)
        HSCode.objects.bulk_create(batch, batch_size=500)
        if changed_objs:
            HSCode.objects.bulk_update(
                changed_objs, ["level", "parent_id", "section_id", "description_en", "source"],
                batch_size=500,
            )
        created += len(batch)
        updated += len(changed_objs)
        if batch:
            existing.update({c.code: c for c in HSCode.objects.filter(level=level)})
    return {"created": created, "updated": updated}
