"""Import a tariff schedule into the database: idempotent, one transaction, the source and edition on every rate;
a malformed file is rejected naming the line, and nothing changes."""

import datetime
from pathlib import Path

from django.db import transaction

from ftahub.agreements.models import TradeAgreement
from ftahub.core import audit, refcache

from .models import HSCode, TariffRate
from .rates import RateFormatError, parse_rate
from .schedule import ScheduleError, read_schedule
from .search import search_text


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
                existing = TariffRate.objects.filter(line=line, column=column, valid_from=valid_from).first()
                if existing is None:
                    TariffRate.objects.create(line=line, column=column, valid_from=valid_from, **values)
                    counts["rates_created"] += 1
                elif any(getattr(existing, k) != v for k, v in values.items()):
                    for k, v in values.items():
                        setattr(existing, k, v)
                    existing.save()
                    counts["rates_updated"] += 1
                else:
                    counts["rates_unchanged"] += 1
        refcache.clear()
        transaction.on_commit(refcache.clear)
        audit.record("load", "tariffs.tariffrate", object_repr=f"tariff schedule {path.name} ({edition})",
                     changes=counts)
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
    return {"lines": lines, "editions": editions, "years": years, "sources": sources, "full_schedule_lines": 12000}
