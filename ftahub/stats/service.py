"""The statistics engine of this deployment (DuckDB over ``VAR_DIR/stats``), the province map for restatement, and
the figures the pages, the API and the reports share."""

import threading
from functools import lru_cache

from django.conf import settings

from ftahub.places.models import Province

from . import indicators
from .engine import Engine

_lock = threading.Lock()
_engines: dict[str, Engine] = {}


def folder():
    return settings.VAR_DIR / "stats"


def backup_folders() -> dict:
    """What ``ftahub backup`` carries of the statistics: the datasets' Parquet files."""
    return {"stats": folder()}


def allowed_provinces(user) -> set[tuple[str, int]] | None:
    """The (era, code) rows a user may import: their province (and the former provinces merged into it) for
    provincial staff; None (every province, and the national figures) for national staff."""
    if user.is_national:
        return None
    if user.province is None:
        return set()
    own = user.province
    merged = Province.objects.filter(successor=own).values_list("era", "code")
    return {(own.era, own.code), *merged}


def queue_check(job) -> None:
    """Check an uploaded file as a job: a large file is read by the worker, never inside the request (#18)."""
    from ftahub.core import jobs

    jobs.enqueue("stats.check", {"import_job": job.pk})


def run_check(payload: dict, heartbeat) -> None:
    """The ``stats.check`` job: count the rows, list every problem and keep the first rows for the preview."""
    from . import importers
    from .models import ImportJob

    job = ImportJob.objects.get(pk=payload["import_job"])
    try:
        data = (settings.VAR_DIR / "imports" / job.stored).read_bytes()
        rows, errors, preview = importers.check(job.layout, job.file_name, data, allowed_provinces(job.user))
    except Exception as exc:  # noqa: BLE001 - the job says why instead of dying with the file unread
        ImportJob.objects.filter(pk=job.pk).update(status="failed", message=f"{type(exc).__name__}: {exc}")
        return
    ImportJob.objects.filter(pk=job.pk).update(status="checked", rows=rows, errors=[e.data() for e in errors[:500]],
                                               preview=preview)


def queue_import(job, only_good: bool) -> None:
    """Confirm a checked import: queued for the worker (``ftahub worker``, or the one ``ftahub serve`` runs)."""
    from ftahub.core import jobs

    from .models import ImportJob

    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING, only_good=only_good, message="")
    jobs.enqueue("stats.import", {"import_job": job.pk})


IMPORT_RETENTION_DAYS = 7


def purge_stale_imports(now=None) -> int:
    """Retention of uploads: a checked file never confirmed within IMPORT_RETENTION_DAYS is deleted and its job
    marked expired (confirmed imports delete their file when they run). Returns how many were purged."""
    import datetime

    from django.utils import timezone

    from .models import ImportJob

    now = now or timezone.now()
    stale = ImportJob.objects.filter(status=ImportJob.Status.CHECKED,
                                     created_at__lt=now - datetime.timedelta(days=IMPORT_RETENTION_DAYS))
    count = 0
    for job in stale:
        (settings.VAR_DIR / "imports" / job.stored).unlink(missing_ok=True)
        count += ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.CHECKED).update(
            status=ImportJob.Status.FAILED, message=f"not confirmed within {IMPORT_RETENTION_DAYS} days: the "
                                                    "uploaded file was deleted")
    return count


def run_import(payload: dict, heartbeat) -> None:
    """The ``stats.import`` job: write a checked file into its dataset, saving progress as rows are read."""
    from . import importers
    from .models import ImportJob

    job = ImportJob.objects.get(pk=payload["import_job"])
    path = settings.VAR_DIR / "imports" / job.stored
    try:
        data = path.read_bytes()

        def progress(done, total):
            ImportJob.objects.filter(pk=job.pk).update(done=done)
            heartbeat()

        if job.layout == "customs":
            report = importers.customs(job.file_name, data, folder(), job.dataset, job.only_good, progress,
                                       allowed=allowed_provinces(job.user))
        else:
            report = importers.comtrade(job.file_name, data, folder(), job.dataset, job.only_good)
        refresh()
        # the page words it from the job's figures: "N rows imported into the dataset"
        ImportJob.objects.filter(pk=job.pk).update(status="done", done=report.rows, message="")
        from ftahub.core import audit

        with audit.acting_as(job.user):  # the statistics live in files, not tables: the write is recorded here (#18)
            audit.record("load", "stats.dataset", object_pk=job.dataset,
                         object_repr=f"statistics dataset {job.dataset}: {report.rows} rows",
                         changes={"file": job.file_name, "layout": job.layout, "rows": report.rows,
                                  "only_good": job.only_good, "import_job": job.pk},
                         province_id=getattr(job.user, "province_id", None))
    except importers.ImportError_ as exc:
        ImportJob.objects.filter(pk=job.pk).update(status="failed", message="",
                                                   errors=[e.data() for e in exc.errors[:500]])
    except Exception as exc:
        ImportJob.objects.filter(pk=job.pk).update(status="failed", message=f"{type(exc).__name__}: {exc}")
        raise
    finally:  # a worker that dies mid-import keeps the file, so the job can run again
        path.unlink(missing_ok=True)


def province_map() -> dict[int, int]:
    return {p.code: p.successor.code for p in Province.objects.filter(era="1976").select_related("successor")
            if p.successor_id}


def get_engine() -> Engine:
    key = str(folder())
    with _lock:
        if key not in _engines:
            _engines[key] = Engine(folder(), province_map())
        return _engines[key]


def refresh() -> None:
    from ftahub.core import pagecache

    with _lock:
        engine = _engines.get(str(folder()))
    if engine is not None:
        engine.refresh()
    pagecache.bump()  # the figures live in files: pages that show them are stale


@lru_cache(maxsize=4)
def province_names(era: str) -> dict[int, str]:
    return dict(Province.objects.filter(era=era).values_list("code", "name"))


def trade_series(province: int, direction: str, restate: bool, partner: str | None = None,
                 product_prefix: str | None = None) -> dict[int, float]:
    """Yearly totals of a province's (0: the country's) trade. Rows that are totals of all partners and goods and
    rows by partner/product are never added together: a province's series sums its detailed rows."""
    e = get_engine()
    era = "2025" if restate else "1976"
    filters = {"province": province, "direction": direction, "era": era if province else None,
               "partner": partner, "product_prefix": product_prefix}
    if province == 0 and not partner and not product_prefix:
        filters.update(product_label="", sector="")  # the national total rows
    rows = e.totals_by("trade", ["year"], "value_usd", filters, restate=restate)
    return {int(y): v for y, v in rows}


def yoy(series: dict[int, float]) -> dict[int, float | None]:
    return {y: indicators.growth(v, series.get(y - 1)) for y, v in sorted(series.items())}
