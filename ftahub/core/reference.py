"""``ftahub load-reference``: every reference dataset in one transaction, in dependency order.

Each capability declares its datasets (``HubApp.reference``: name, loader, order); this module runs them.
"""

from collections.abc import Callable

from django.db import transaction

from . import audit, plugins


def _loaders() -> list[tuple[str, Callable[[], object]]]:
    return plugins.reference_datasets()


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
