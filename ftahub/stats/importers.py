"""Importers into the statistics datasets: the GSO monthly reports in the data directory (real), the documented
customs layout, UN Comtrade bulk CSV, and the demo generator. Each writes one dataset whole (idempotent: importing
the same file again replaces it) after checking every row; bad rows are reported with their line and nothing is
written unless the caller asks to keep only the good rows."""

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ftahub.common import hscode, problems
from ftahub.common.problems import Problem, ProblemsError
from ftahub.common.tables import TableError, csv_text, xlsx_rows
from ftahub.core.fulltext import fold

from . import engine

NAMES = json.loads((Path(__file__).parent / "data" / "gso_names.json").read_text(encoding="utf-8"))
MILLION = 1_000_000.0


# the English of the importers' problems (the pages word them: ftahub.stats.apps registers the words)
problems.ENGLISH.update({
    "stats.gso_province": "{label}: no such province", "stats.gso_country": "{label}: no such country",
    "stats.empty_workbook": "the workbook's first sheet is empty: it needs a header row and data",
    "stats.missing_columns": "missing column(s): {columns}",
    "stats.whole_numbers": "province, year and month are whole numbers",
    "stats.no_province": "no province {province} in the {era} arrangement",
    "stats.not_yours": "province {province} ({era}) is not yours: a province imports its own figures only",
    "stats.partner": "partner {partner!r} is not an ISO alpha-2 code",
    "stats.hs": "HS code {hs!r} must have 2, 4, 6, 8 or 10 digits",
    "stats.direction": "direction is export or import", "stats.period": "year or month out of range",
    "stats.value": "value_usd must be a number, not negative", "stats.sector": "sector is fdi, domestic or empty",
    "stats.not_comtrade": "not a Comtrade bulk file: missing {columns}",
    "stats.comtrade_value": "primaryValue is not a number",
    "stats.comtrade_period": "refYear and refMonth are whole numbers",
    "stats.comtrade_national": "the Comtrade layout holds the country's figures: national staff import it",
})


class ImportError_(ProblemsError):
    """A statistics file that cannot be imported, with its problems."""


@dataclass
class Report:
    dataset: str
    rows: int = 0
    skipped: list[str] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _norm(name: str) -> str:
    text = re.sub(r"^(tinh|thanh pho|tp\.?)\s+", "", fold(name.strip()))
    return re.sub(r"[^a-z0-9]", "", text)


def name_maps() -> tuple[dict[str, int], dict[str, str | None]]:
    """Province (1976 arrangement) and country lookups by folded name, with the GSO spellings."""
    from ftahub.places.models import Country, Province

    provinces = {_norm(p.name): p.code for p in Province.objects.filter(era="1976")}
    provinces |= {_norm(k): v for k, v in NAMES["provinces"].items()}
    countries: dict[str, str | None] = {_norm(c.name_vi): c.iso2 for c in Country.objects.all()}
    countries |= {_norm(c.name_en): c.iso2 for c in Country.objects.all()}
    countries |= {_norm(k): v for k, v in NAMES["countries"].items()}
    return provinces, countries


def _full_years(rows: list[dict], key) -> dict:
    """The December (year-to-date = whole year) row of every complete year, per key."""
    last = {}
    for row in rows:
        year, month = int(row["Month"][:4]), int(row["Month"][5:7])
        k = (key(row), year)
        if month == 12:
            last[k] = row
    return last


def _number(text: str) -> float | None:
    try:
        return float(text) if text not in ("", None) else None
    except ValueError:
        return None


def gso_fdi(path: Path, folder: Path) -> Report:
    """``fdi.csv``: per province (where the project is) and per investor country, registered FDI capital and number
    of projects; the official year-to-date figures of December are each complete year (2016–2024)."""
    report = Report("gso-fdi")
    provinces, countries = name_maps()
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    out = []
    for (name, year), row in sorted(_full_years(rows, lambda r: (r["Phân Loại"], r["Trong Nước"])).items()):
        label, group = name
        if group == "TỔNG SỐ" or label == "TỔNG SỐ":
            province, investor = 0, ""
        elif group == "Trong Nước":
            code = provinces.get(_norm(label))
            if code is None:
                report.errors.append(Problem.of("stats.gso_province", label=label))
                continue
            province, investor = code, ""
        elif group == "Nước Ngoài":
            norm = _norm(label)
            if norm not in countries:
                report.errors.append(Problem.of("stats.gso_country", label=label))
                continue
            if countries[norm] is None:
                report.skipped.append(f"{label} {year}: no ISO code")
                continue
            province, investor = 0, countries[norm]
        else:
            continue  # continent subtotals
        out.append((province, "1976", investor, "", year, 0, _number(row["Số dự án"]),
                    (_number(row["Vốn đăng ký"]) or 0) * MILLION, (_number(row["Vốn đăng ký cấp mới"]) or 0) * MILLION,
                    (_number(row["Vốn đăng ký điều chỉnh"]) or 0) * MILLION,
                    "GSO monthly socio-economic report (December, year to date)", False))
    if report.errors:
        raise ImportError_(report.errors)
    report.rows = _write(folder, "fdi", report.dataset, out)
    report.notes.append("2025 is incomplete in the data (January–February) and is not imported.")
    return report


GROUP_SECTORS = {"Khu vực kinh tế trong nước": "domestic", "Khu vực có vốn đầu tư NN": "fdi"}


def _gso_trade(path: Path, folder: Path, dataset: str, direction: str, column: str) -> Report:
    report = Report(dataset)
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    out = []
    for (label, year), row in sorted(_full_years(rows, lambda r: r["Ngành"]).items()):
        value = _number(row[column])
        if value is None:
            report.skipped.append(f"{label} {year}: no value")
            continue
        sector = GROUP_SECTORS.get(label, "")
        product_label = "" if label == "TỔNG TRỊ GIÁ" or sector else label
        out.append((0, "1976", "", "", product_label, direction, year, 0, value * MILLION, None, "", sector,
                    "GSO monthly socio-economic report (December, year to date)", False))
    report.rows = _write(folder, "trade", dataset, out)
    return report


def gso_exports(path: Path, folder: Path) -> Report:
    """``xk.csv``: the whole country's exports by product group and by sector (domestic / foreign-invested)."""
    return _gso_trade(path, folder, "gso-exports", "export", "Total-YOY")


def gso_imports(path: Path, folder: Path) -> Report:
    """``xnk.csv``: the whole country's imports by sector (its exports are the same as ``xk.csv``'s)."""
    return _gso_trade(path, folder, "gso-imports", "import", "Total-YOY-NK")


def _write(folder: Path, kind: str, name: str, rows: list[tuple]) -> int:
    import duckdb

    con = duckdb.connect()
    columns = list(engine.SCHEMAS[kind])
    con.execute("CREATE TABLE t (" + ", ".join(f"{c} {t}" for c, t in engine.SCHEMAS[kind].items()) + ")")
    if rows:
        con.executemany(f"INSERT INTO t VALUES ({', '.join('?' * len(columns))})", rows)
    return engine.write_dataset(folder, kind, name, "SELECT * FROM t", connection=con)


# -- documented layouts -------------------------------------------------------------------------------------------

CUSTOMS_COLUMNS = ["province", "era", "partner", "hs", "direction", "year", "month", "value_usd", "quantity", "unit",
                   "sector"]


def _table(name: str, data: bytes) -> list[dict]:
    try:
        if not name.lower().endswith(".xlsx"):
            return list(csv.DictReader(io.StringIO(csv_text(data))))
        values = [["" if v is None else str(v) for v in row] for row in xlsx_rows(data)]
    except TableError as exc:
        raise ImportError_([Problem.of(f"table.{exc.code}", detail=exc)]) from None
    if not values:  # an empty workbook was a 500 (#18)
        raise ImportError_([Problem.of("stats.empty_workbook")])
    header, body = [h.strip() for h in values[0]], values[1:]
    return [dict(zip(header, row, strict=False)) for row in body]


def customs(name: str, data: bytes, folder: Path, dataset: str, only_good: bool = False,
            progress=None, allowed: set[tuple[str, int]] | None = None) -> Report:
    """The layout for the customs statistics a province receives (docs/statistics-layouts.md): one row per
    province, partner, HS code, direction and month (or year, month 0). ``allowed`` (era, province code) limits the
    rows to the importer's own province; None for national staff."""
    from ftahub.places.models import Country, Province

    report = Report(dataset)
    rows = _table(name, data)
    if rows and set(CUSTOMS_COLUMNS) - set(rows[0]):
        raise ImportError_([Problem.of("stats.missing_columns",
                                       columns=", ".join(sorted(set(CUSTOMS_COLUMNS) - set(rows[0]))))])
    known = {(p.era, p.code) for p in Province.objects.all()}
    countries = set(Country.objects.values_list("iso2", flat=True))
    out = []
    for line, row in enumerate(rows, start=2):
        if progress and line % 10000 == 0:
            progress(line, len(rows))
        errors = []
        try:
            province, year, month = int(row["province"]), int(row["year"]), int(row["month"] or 0)
        except (TypeError, ValueError):
            report.errors.append(Problem.of("stats.whole_numbers", line))
            continue
        era = (row["era"] or "2025").strip()
        if province != 0 and (era, province) not in known:
            errors.append(Problem.of("stats.no_province", line, province=province, era=era))
        elif allowed is not None and (era, province) not in allowed:
            errors.append(Problem.of("stats.not_yours", line, province=province, era=era))
        partner = (row["partner"] or "").strip().upper()
        if partner and partner not in countries:
            errors.append(Problem.of("stats.partner", line, partner=partner))
        hs = hscode.compact(row["hs"] or "")
        if hs and not (hs.isdigit() and len(hs) in hscode.LEVELS):
            errors.append(Problem.of("stats.hs", line, hs=row["hs"]))
        direction = (row["direction"] or "").strip().lower()
        direction = {"x": "export", "m": "import", "xuất khẩu": "export", "nhập khẩu": "import"}.get(direction,
                                                                                                    direction)
        if direction not in ("export", "import"):
            errors.append(Problem.of("stats.direction", line))
        if not (1990 <= year <= 2100 and 0 <= month <= 12):
            errors.append(Problem.of("stats.period", line))
        value = _number(row["value_usd"])
        if value is None or value < 0:
            errors.append(Problem.of("stats.value", line))
        sector = (row["sector"] or "").strip().lower()
        if sector not in ("", "fdi", "domestic"):
            errors.append(Problem.of("stats.sector", line))
        if errors:
            report.errors.extend(errors)
            continue
        out.append((province, era, partner, hs, "", direction, year, month, value, _number(row["quantity"]),
                    (row["unit"] or "").strip(), sector, f"customs statistics ({name})", False))
    if report.errors and not only_good:
        raise ImportError_(report.errors)
    report.rows = _write(folder, "trade", dataset, out)
    return report


def check(layout: str, name: str, data: bytes,
          allowed: set[tuple[str, int]] | None = None) -> tuple[int, list[Problem], list[dict]]:
    """Check a file without writing anything: its row count, every problem, and its first rows for a preview.
    ``allowed`` as for ``customs``; the Comtrade layout (the country's figures) is for national staff only."""
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        try:
            if layout == "customs":
                report = customs(name, data, Path(scratch), "check", only_good=True, allowed=allowed)
            elif allowed is not None:
                return 0, [Problem.of("stats.comtrade_national")], []
            else:
                report = comtrade(name, data, Path(scratch), "check", only_good=True)
            errors = report.errors
        except ImportError_ as exc:
            return 0, exc.errors, []
    rows = _table(name, data)
    return len(rows), errors, rows[:15]


def comtrade(name: str, data: bytes, folder: Path, dataset: str, only_good: bool = False) -> Report:
    """UN Comtrade bulk CSV (Comtrade+ layout: refYear, refMonth, freqCode, reporterISO, flowCode, partnerISO,
    cmdCode, qty, qtyUnitAbbr, primaryValue). Viet Nam's rows only; X → export, M → import; partner W00 (world) and
    cmdCode TOTAL are the totals; annual rows (freqCode A) are month 0."""
    import pycountry

    report = Report(dataset)
    rows = _table(name, data)
    needed = {"refYear", "flowCode", "reporterISO", "partnerISO", "cmdCode", "primaryValue"}
    if rows and needed - set(rows[0]):
        raise ImportError_([Problem.of("stats.not_comtrade", columns=", ".join(sorted(needed - set(rows[0]))))])
    out = []
    for line, row in enumerate(rows, start=2):
        if row["reporterISO"] != "VNM":
            continue
        flow = {"X": "export", "M": "import"}.get(row["flowCode"])
        if flow is None:
            continue  # re-exports and re-imports are not kept
        partner = row["partnerISO"]
        if partner in ("W00", "WLD"):
            partner = ""
        else:
            country = pycountry.countries.get(alpha_3=partner)
            if country is None:
                report.skipped.append(f"line {line}: partner {partner} has no ISO alpha-2 code")
                continue
            partner = country.alpha_2
        value = _number(row["primaryValue"])
        if value is None:
            report.errors.append(Problem.of("stats.comtrade_value", line))
            continue
        try:  # a year or month that is not a number was a 500 (#18)
            year = int(row["refYear"])
            month = 0 if row.get("freqCode", "A") == "A" else int(row.get("refMonth") or 0)
        except (TypeError, ValueError):
            report.errors.append(Problem.of("stats.comtrade_period", line))
            continue
        if not (1990 <= year <= 2100 and 0 <= month <= 12):
            report.errors.append(Problem.of("stats.period", line))
            continue
        hs = "" if row["cmdCode"] == "TOTAL" else re.sub(r"\D", "", row["cmdCode"])
        out.append((0, "2025", partner, hs, "", flow, year, month, value,
                    _number(row.get("qty", "")), row.get("qtyUnitAbbr", ""), "", "UN Comtrade", False))
    if report.errors and not only_good:
        raise ImportError_(report.errors)
    report.rows = _write(folder, "trade", dataset, out)
    return report


# -- demo -------------------------------------------------------------------------------------------------------------

DEMO_PARTNERS = ["US", "CN", "JP", "KR", "DE", "NL", "GB", "AU", "TH", "SG", "IN", "CA", "FR", "MY", "ID", "PH",
                 "HK", "TW", "IT", "MX"]


def demo(folder: Path, rows: int, provinces: list[int], hs_codes: list[str], seed: int = 7) -> int:
    """A clearly labelled demo trade dataset (``demo``, every row demo = true, source "DEMO — made up") with a
    realistic shape: a few provinces and partners carry most of the trade (Zipf-like weights), values spread over
    orders of magnitude, exports above imports, about 70 % of exports by foreign-invested firms, growth over the
    years. Deterministic for a seed; generated inside DuckDB (10 million rows in seconds)."""
    import duckdb

    con = duckdb.connect()
    con.execute("CREATE TABLE p AS SELECT unnest(?) AS code, generate_subscripts(?, 1) AS rank", [provinces, provinces])
    con.execute("CREATE TABLE c AS SELECT unnest(?) AS iso, generate_subscripts(?, 1) AS rank",
                [DEMO_PARTNERS, DEMO_PARTNERS])
    con.execute("CREATE TABLE h AS SELECT unnest(?) AS hs, generate_subscripts(?, 1) AS rank", [hs_codes, hs_codes])
    n_p, n_c, n_h = len(provinces), len(DEMO_PARTNERS), len(hs_codes)
    # u(k): a uniform number in [0, 1) from the row number and a stream k (deterministic)
    u = "((hash(i, {k}, {seed}) % 1000000) / 1000000.0)"
    zipf = "least({n}, 1 + floor(pow({u}, 2.2) * {n}))::INTEGER"  # small ranks far more often
    sql = f"""
        SELECT p.code AS province, '1976' AS era, c.iso AS partner, h.hs AS product, '' AS product_label,
               CASE WHEN {u.format(k=4, seed=seed)} < 0.58 THEN 'export' ELSE 'import' END AS direction,
               2016 + floor({u.format(k=5, seed=seed)} * 10)::INTEGER AS year,
               1 + floor({u.format(k=6, seed=seed)} * 12)::INTEGER AS month,
               round(exp(8 + 5 * {u.format(k=7, seed=seed)}) * (1 + 0.09 * (floor({u.format(k=5, seed=seed)} * 10))),
                     2) AS value_usd,
               NULL AS quantity, '' AS unit,
               CASE WHEN {u.format(k=8, seed=seed)} < 0.7 THEN 'fdi' ELSE 'domestic' END AS sector,
               'DEMO — made up for demonstration' AS source, true AS demo
        FROM range({int(rows)}) t(i)
        JOIN p ON p.rank = {zipf.format(n=n_p, u=u.format(k=1, seed=seed))}
        JOIN c ON c.rank = {zipf.format(n=n_c, u=u.format(k=2, seed=seed))}
        JOIN h ON h.rank = {zipf.format(n=n_h, u=u.format(k=3, seed=seed))}
    """
    return engine.write_dataset(folder, "trade", "demo", sql, connection=con)
