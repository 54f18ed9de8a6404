"""Import a tariff schedule into the database: idempotent, one transaction, the source and edition on every rate;
a malformed file is rejected naming the line, and nothing changes."""

import datetime
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
    """What is loaded, for the pages to say plainly."""
    lines = TariffRate.objects.values("line").distinct().count()
    editions = sorted(set(TariffRate.objects.values_list("edition", flat=True)))
    years = sorted({d.year for d in TariffRate.objects.values_list("valid_from", flat=True)})
    sources = sorted(set(TariffRate.objects.values_list("source", flat=True)))
    staged = {}
    for code, count in TariffCommitment.objects.values_list("agreement__code").annotate(n=models.Count("id")):
        staged[code] = count
    return {"lines": lines, "editions": editions, "years": years, "sources": sources, "full_schedule_lines": 12000,
            "commitments": staged}
