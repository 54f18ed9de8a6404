"""Statistics for the demo: the real GSO figures from the data directory (when it is there) and the labelled demo
province trade dataset (once)."""

from django.conf import settings

from . import engine, importers, service

DEMO_ROWS = 300_000


def load(report=print) -> None:
    folder = service.folder()
    data = settings.FTAHUB_DATA_DIR / "vn-gso-monthly"
    if data.is_dir() and "gso-fdi" not in engine.datasets(folder, "fdi"):
        for load_one, name in ((importers.gso_fdi, "fdi.csv"), (importers.gso_exports, "xk.csv"),
                               (importers.gso_imports, "xnk.csv")):
            result = load_one(data / name, folder)
            report(f"Statistics: {result.dataset} {result.rows} rows (GSO, real)")
    if "demo" not in engine.datasets(folder, "trade"):
        from ftahub.places.models import Province
        from ftahub.tariffs.models import HSCode

        provinces = list(Province.objects.filter(era="1976").order_by("code").values_list("code", flat=True))
        hs = list(HSCode.objects.filter(level=6).order_by("code").values_list("code", flat=True)[::40])
        count = importers.demo(folder, DEMO_ROWS, provinces, hs)
        report(f"Statistics: demo province trade, {count:,} rows (labelled demo)")
    service.refresh()
