"""``ftahub load-reference``: every reference dataset in one transaction, in dependency order.

Later capabilities (rules of origin, tariff schedules, statistics) add their loaders to ``LOADERS``.
"""

from collections.abc import Callable

from django.db import transaction

from . import audit


def _loaders() -> list[tuple[str, Callable[[], object]]]:
    from ftahub.agreements.reference import load_agreements
    from ftahub.origin.reference import load_rules
    from ftahub.places.reference import load_countries, load_provinces
    from ftahub.tariffs.importer import load_sample
    from ftahub.tariffs.reference import load_hs

    return [
        ("countries", load_countries),
        ("provinces", load_provinces),
        ("agreements", load_agreements),
        ("hs", load_hs),
        ("rules", load_rules),
        ("tariff", load_sample),
    ]


def dataset_names() -> list[str]:
    return [name for name, _ in _loaders()]


def load_reference(only: list[str] | None = None, report: Callable[[str], None] = print) -> dict[str, object]:
    """Load the datasets (all, or those named). Raises ReferenceDataError and leaves the database as it was."""
    from . import refcache

    results = {}
    refcache.clear()
    with transaction.atomic():
        for name, loader in _loaders():
            if only and name not in only:
                continue
            result = loader()
            results[name] = result.as_dict() if hasattr(result, "as_dict") else result
            report(f"{name}: {result}")
            audit.record("load", f"reference.{name}", object_repr=f"reference data: {name}", changes=results[name])
    refcache.clear()
    return results
