"""Import a tariff schedule into the database: idempotent, one transaction, the source and edition on every rate;
a malformed file is rejected naming the line, and nothing changes."""

import datetime
import json
from pathlib import Path

from django.db import models, transaction

from ftahub.agreements.models import TradeAgreement
from ftahub.core import audit, refcache

from . import commitments as plain
from .models import HSCode, TariffCommitment, TariffRate
from .rates import RateFormatError, parse_rate
from .schedule import ScheduleError, read_schedule
from .search import search_text


def _upsert(model, key: dict, values: dict) -> str:
    """Create the row with ``key`` or bring it to ``values``: "created", "updated" or "unchanged"."""
    existing = model.objects.filter(**key).first()
    if existing is None:
        model.objects.create(**key, **values)
        return "created"
    if all(getattr(existing, k) == v for k, v in values.items()):
        return "unchanged"
    for k, v in values.items():
        setattr(existing, k, v)
    existing.save()
    return "updated"


def import_schedule(path: Path, valid_from: datetime.date, valid_to: datetime.date, source: str,
                    edition: str | None = None) -> dict:
    meta, records = read_schedule(path.name, path.read_bytes())
    edition = edition or str(meta.get("updated") or valid_from)
    if valid_to < valid_from:
        raise ScheduleError("the validity ends before it starts")
    agreements = {a.tariff_column: a for a in TradeAgreement.objects.exclude(tariff_column="")}
    parents = {c.code: c for c in HSCode.objects.filter(level=6)}
    counts = {"lines": 0, "lines_created": 0, "rates_created": 0, "rates_updated": 0, "rates_unchanged": 0}
    seen = set()
    with transaction.atomic():
        for record in records:
            if len(record.code) != 8 or not record.code.isdigit():
                raise ScheduleError(f"code {record.code!r} is not an 8-digit tariff line", record.line)
            if record.code in seen:
                raise ScheduleError(f"code {record.code} appears twice", record.line)
            seen.add(record.code)
            parent = parents.get(record.code[:6])
            if parent is None:
                raise ScheduleError(f"code {record.code} has no HS 2022 subheading {record.code[:6]}", record.line)
            line, created = HSCode.objects.get_or_create(code=record.code, defaults={
                "level": 8, "parent": parent, "section_id": parent.section_id, "description_en": record.description_en,
                "description_vi": record.description_vi, "source": source[:120],
                "search_text": search_text(record.code, f"{parent.description_en} {record.description_en}",
                                           record.description_vi)})
            counts["lines"] += 1
            counts["lines_created"] += created
            for column, raw in record.rates.items():
                try:
                    rate = parse_rate(raw)
                except RateFormatError as exc:
                    raise ScheduleError(f"code {record.code}, column {column}: {exc}", record.line) from None
                values = {"raw": raw, "kind": rate.kind, "percent": rate.percent, "out_of_quota": rate.out_of_quota,
                          "in_quota_only": rate.in_quota_only, "excluded_parties": ",".join(rate.excluded_parties),
                          "valid_to": valid_to, "source": source[:200], "edition": edition[:40],
                          "agreement": agreements.get(column)}
                outcome = _upsert(TariffRate, {"line": line, "column": column, "valid_from": valid_from}, values)
                counts[f"rates_{outcome}"] += 1
        refcache.clear()
        transaction.on_commit(refcache.clear)
        audit.record("load", "tariffs.tariffrate", object_repr=f"tariff schedule {path.name} ({edition})",
                     changes=counts)
    return counts


def import_commitments(path: Path, agreement_code: str, source: str, edition: str) -> dict:
    """Import an agreement's commitments (base rate, staging category, printed years) for Viet Nam's lines:
    idempotent per (line, agreement), one transaction; a malformed file is rejected naming the line."""
    agreement = TradeAgreement.objects.filter(code=agreement_code).first()
    if agreement is None:
        raise ScheduleError(f"no agreement {agreement_code!r}")
    if agreement.in_force_vn is None:
        raise ScheduleError(f"{agreement.code} has no entry into force for Viet Nam: staging cannot be dated")
    records = plain.read_commitments(path.name, path.read_bytes(), agreement.code, agreement.in_force_vn)
    lines = {c.code: c for c in HSCode.objects.filter(code__in=[r.code for r in records])}
    parents = {c.code: c for c in HSCode.objects.filter(level=6, code__in={r.code[:6] for r in records})}
    counts = {"lines": len(records), "created": 0, "updated": 0, "unchanged": 0, "differences": []}
    with transaction.atomic():
        for record in records:
            line = lines.get(record.code)
            if line is None:  # a national line the loaded tariff does not have yet: made under its subheading
                parent = parents.get(record.code[:6])
                if parent is None:
                    raise ScheduleError(f"code {record.code} has no HS 2022 subheading {record.code[:6]} (a schedule "
                                        "in an older HS edition must be transposed first)", record.line)
                line = HSCode.objects.create(
                    code=record.code, level=8, parent=parent, section_id=parent.section_id,
                    description_en=record.description or parent.description_en, source=source[:120],
                    search_text=search_text(record.code, f"{parent.description_en} {record.description}", ""))
            found = plain.differences(record, agreement.code, agreement.in_force_vn)
            counts["differences"] += [vars(d) for d in found]
            values = {"base_raw": record.base_raw, "category": record.category,
                      "printed": {str(y): r for y, r in sorted(record.printed.items())},
                      "differences": [vars(d) for d in found], "source": source[:200], "edition": edition[:40]}
            counts[_upsert(TariffCommitment, {"line": line, "agreement": agreement}, values)] += 1
        refcache.clear()
        transaction.on_commit(refcache.clear)
        audit.record("load", "tariffs.tariffcommitment", object_repr=f"{agreement.code} commitments {path.name} "
                     f"({edition})", changes={k: v if k != "differences" else len(v) for k, v in counts.items()})
    return counts


SAMPLE = "vn-tariff-2026-sample/sample.json"
SAMPLE_SOURCE = "Biểu thuế XNK 2026 (sample of 19 lines, data 2026-04-05), compiled in Hvdo42/bieu-thue-xnk"


def load_sample() -> dict:
    """The reference load: the real 2026 sample, valid for calendar year 2026."""
    from ftahub.core.datadir import ReferenceDataError, data_path

    path = data_path(SAMPLE)
    try:
        return import_schedule(path, datetime.date(2026, 1, 1), datetime.date(2026, 12, 31), SAMPLE_SOURCE)
    except ScheduleError as exc:
        raise ReferenceDataError(path, str(exc), exc.line) from None


def coverage() -> dict:
    """What is loaded, for the pages to say plainly: the whole tariff's edition and source, other imported
    editions, and the agreements whose commitments (base rates, staging) are loaded. Cached as reference data."""
    def build():
        from .models import TariffEdition

        edition = TariffEdition.objects.filter(dataset=TARIFF_DATASET).first()
        editions = sorted(set(TariffRate.objects.values_list("edition", flat=True).distinct()))
        staged = dict(TariffCommitment.objects.values_list("agreement__code").annotate(n=models.Count("id")))
        return {
            "edition": edition.edition if edition else None, "source": edition.source if edition else None,
            "lines": edition.counts.get("lines", 0) if edition else 0,
            "year": edition.valid_from.year if edition else None,
            "other_editions": [e for e in editions if not edition or e != edition.edition],
            "commitments": staged,
        }

    return refcache.cached("tariff-coverage", build)


TARIFF = "vn-tariff-2026/Tariff.xlsx"
PROCEDURES = "vn-tariff-2026/Specialised_procedures.xlsx"
TARIFF_DATASET = "vn-tariff"
TARIFF_EDITION = "2026 · 2026-01-07"
# a citation, in the words of the documents it names (the same on Vietnamese and English pages)
TARIFF_SOURCE = ("Biểu thuế XNK 2026, quyphong91/tariffvn @719d076 (2026-01-07): Nghị định 26/2023/NĐ-CP "
                 "(sửa đổi, bổ sung) và các nghị định biểu thuế NK ưu đãi đặc biệt 2022–2027")
TARIFF_LINE_SOURCE = "Biểu thuế XNK 2026, quyphong91/tariffvn @719d076 (2026-01-07)"  # a line's own source (120 chars)
TARIFF_VALID = (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
LOADER_VERSION = "6"  # bump when the way the files are read changes, so an unchanged file is read again


def load_tariff() -> dict:
    """The reference load: Viet Nam's whole 2026 tariff (every row of the tree, every rate, the procedures of each
    line) in bulk; an unchanged file (same SHA-256) is not read again."""
    from ftahub.core import bulk
    from ftahub.core.datadir import ReferenceDataError, data_path

    from . import vntariff
    from .models import LineProcedure, TariffEdition, TariffRow

    tariff_path, procedures_path = data_path(TARIFF), data_path(PROCEDURES)
    digest = vntariff.sha256_of(tariff_path, procedures_path)
    loaded = TariffEdition.objects.filter(dataset=TARIFF_DATASET).first()
    if loaded and loaded.sha256 == digest and loaded.counts.get("loader") == LOADER_VERSION \
            and TariffRate.objects.filter(edition=TARIFF_EDITION).exists():
        return {"unchanged": True, **loaded.counts}
    try:
        printed = vntariff.read_tariff(tariff_path)
        procedures = vntariff.read_procedures(procedures_path)
    except vntariff.TariffFileError as exc:
        path = procedures_path if exc.file == procedures_path.name else tariff_path
        raise ReferenceDataError(path, exc.within_file(), exc.row) from None
    with transaction.atomic():
        lines = _tariff_codes(printed.rows, tariff_path)
        counts = {"rows": len(printed.rows), "lines": sum(1 for r in printed.rows if len(r.code) == 8),
                  "notices": len(printed.notices), "loader": LOADER_VERSION}
        counts["rates"] = _tariff_rates(printed.rows, lines)
        bulk.delete_rows(TariffRow)
        heading = ""
        printed_rows = []
        for row in printed.rows:
            heading = row.code[:4] if row.code else heading
            printed_rows.append((row.position, heading, row.level, row.code, lines.get(row.code),
                                 row.description_vi, row.description_en))
        bulk.insert_rows(TariffRow, ["position", "heading", "level", "code", "line_id", "description_vi",
                                     "description_en"], printed_rows)
        bulk.delete_rows(LineProcedure)
        bulk.insert_rows(LineProcedure, ["line_id", "position", "name", "basis", "note"],
                         [(lines[code], i, p.name[:400], p.basis[:200], p.note[:10])
                          for code, found in procedures.items() if code in lines for i, p in enumerate(found)])
        counts["procedures"] = sum(len(v) for c, v in procedures.items() if c in lines)
        counts["lines_with_procedures"] = sum(1 for c in procedures if c in lines)
        TariffEdition.objects.update_or_create(dataset=TARIFF_DATASET, defaults={
            "edition": TARIFF_EDITION, "source": TARIFF_SOURCE, "sha256": digest, "valid_from": TARIFF_VALID[0],
            "valid_to": TARIFF_VALID[1], "counts": counts, "notices": printed.notices})
        refcache.clear()
        transaction.on_commit(refcache.clear)
    return counts


def backup_rows() -> dict:
    """What a backup keeps of the tables the whole tariff's load rebuilds: rates imported by hand (other
    editions)."""
    return {"tariffs-imported-rates": TariffRate.objects.exclude(edition=TARIFF_EDITION).order_by("pk")}


def reload_after_restore(report=print) -> None:
    """After ``ftahub restore``: the whole tariff again from the data directory (a backup leaves it out)."""
    from ftahub.core.reference import load_reference

    load_reference(only=["tariff"], report=report)


def _tariff_codes(rows, path) -> dict[str, int]:
    """Headings, subheadings and national lines of the file in the nomenclature (HS 2022 codes get their
    Vietnamese text; national lines and chapter 98 are created under their nearest parent). Returns code → id."""
    from ftahub.core.datadir import ReferenceDataError

    from .search import search_text

    existing = {c.code: c for c in HSCode.objects.all()}
    chapters = json.loads((Path(__file__).parent / "data" / "chapters_vi.json").read_text(encoding="utf-8"))
    titled = []
    for code, title in chapters["chapters"].items():  # the workbook starts at the headings: chapters' Vietnamese
        chapter = existing.get(code)
        if chapter is not None and chapter.description_vi != title:
            chapter.description_vi = title
            chapter.search_text = search_text(code, chapter.description_en, title)
            titled.append(chapter)
    HSCode.objects.bulk_update(titled, ["description_vi", "search_text"], batch_size=500)
    if "98" not in existing:
        existing["98"] = HSCode.objects.create(code="98", level=2, section=None, description_en="Chapter 98",
                                               description_vi="Chương 98", source=TARIFF_LINE_SOURCE,
                                               search_text="98")
    context: dict[int, str] = {}  # printed level → the text of the row that opened it (for search)
    wanted: dict[str, dict] = {}
    for row in rows:
        for deeper in [lv for lv in context if lv >= row.level]:
            del context[deeper]
        context[row.level] = f"{row.description_vi} | {row.description_en}"
        if not row.code:
            continue
        above = " ".join(context[lv] for lv in sorted(context) if lv < row.level)
        vi_words = " ".join([above.replace(" | ", " "), row.description_vi])
        wanted[row.code] = {"row": row, "search": search_text(row.code, row.description_en, vi_words)}
    for level in (4, 6, 8):
        batch, changed = [], []
        for code, item in wanted.items():
            if len(code) != level:
                continue
            row = item["row"]
            obj = existing.get(code)
            if obj is None:
                parent = next((existing[code[:n]] for n in (6, 4, 2) if n < level and code[:n] in existing), None)
                if parent is None or (level == 8 and code[:2] != "98" and code[:6] not in existing):
                    raise ReferenceDataError(path, f"code {code} has no HS 2022 subheading {code[:6]} above it",
                                             row.row)
                batch.append(HSCode(code=code, level=level, parent=parent, section_id=parent.section_id,
                                    description_en=row.description_en or row.description_vi,
                                    description_vi=row.description_vi, source=TARIFF_LINE_SOURCE,
                                    search_text=item["search"]))
                continue
            values = {"description_vi": row.description_vi or obj.description_vi, "search_text": item["search"]}
            if level == 8:
                values["description_en"] = row.description_en or obj.description_en
                values["source"] = TARIFF_LINE_SOURCE
            if any(getattr(obj, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(obj, k, v)
                changed.append(obj)
        HSCode.objects.bulk_create(batch, batch_size=1000)
        HSCode.objects.bulk_update(changed, ["description_vi", "description_en", "search_text", "source"],
                                   batch_size=1000)
        if batch:
            existing.update({c.code: c for c in HSCode.objects.filter(code__in=[b.code for b in batch])})
    return {code: existing[code].pk for code in wanted}


def _tariff_rates(rows, lines: dict[str, int]) -> int:
    """Every printed rate of the file's national lines for the edition's validity, replacing that year's rates."""
    from ftahub.core import bulk

    agreements = {a.tariff_column: a.pk for a in TradeAgreement.objects.exclude(tariff_column="")}
    rcep = agreements.get("rcept")
    bulk.delete_rows(TariffRate, "valid_from = %s", [TARIFF_VALID[0]])
    source, edition = TARIFF_SOURCE[:200], TARIFF_EDITION

    def values():
        for row in rows:
            if len(row.code) != 8:
                continue
            for column, raw in row.rates.items():
                rate = parse_rate(raw)
                yield (lines[row.code], column,
                       agreements.get(column) or (rcep if column.startswith("rcept_") else None), raw[:80],
                       rate.kind, rate.percent if rate.is_number else None, rate.out_of_quota, rate.in_quota_only,
                       ",".join(rate.excluded_parties)[:80], TARIFF_VALID[0], TARIFF_VALID[1], source, edition)

    return bulk.insert_rows(TariffRate, ["line_id", "column", "agreement_id", "raw", "kind", "percent",
                                         "out_of_quota", "in_quota_only", "excluded_parties", "valid_from",
                                         "valid_to", "source", "edition"], values())
