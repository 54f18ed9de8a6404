"""Benchmark the statistics dashboard on 10 million demo rows: each dashboard query through the DuckDB engine next
to the same aggregation in pandas on the same rows already in memory (goal: DuckDB ≥ 5× faster, each query ≤ 1 s).

No database needed (the province map is read from the data directory's CSV). Prints figures.
Run: .venv/bin/python bench/stats.py [--rows 10000000]
"""

import argparse
import csv
import os
import statistics
import tempfile
import time
from pathlib import Path

from ftahub.stats import importers
from ftahub.stats.engine import Engine

DATA = Path(os.environ.get("FTAHUB_DATA_DIR", Path(__file__).resolve().parents[2] / "shared" / "data"))


def province_map() -> dict[int, int]:
    with (DATA / "vn-provinces-2025" / "province-mapping-2025.csv").open(encoding="utf-8") as f:
        return {int(r["old_code"]): int(r["new_code"]) for r in csv.DictReader(f)}


def best(fn, repeat=3):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000_000)
    args = parser.parse_args()
    mapping = province_map()
    folder = Path(tempfile.mkdtemp(prefix="ftahub-bench-stats-"))
    hs = [f"{c:06d}" for c in range(10110, 970600, 3331)][:140]
    start = time.perf_counter()
    count = importers.demo(folder, args.rows, sorted(mapping), hs)
    print(f"demo data: {count:,} rows written in {time.perf_counter() - start:.1f} s "
          f"({sum(f.stat().st_size for f in folder.rglob('*.parquet')) / 1e6:.0f} MB Parquet)")
    start = time.perf_counter()
    engine = Engine(folder, mapping)
    print(f"DuckDB engine: loaded, restated and ordered in {time.perf_counter() - start:.1f} s")

    import pandas as pd

    start = time.perf_counter()
    df = pd.read_parquet(folder / "trade" / "demo.parquet")
    df["province_2025"] = df["province"].map(mapping).fillna(df["province"]).astype("int32")
    print(f"pandas: read and restated in {time.perf_counter() - start:.1f} s ({df.memory_usage(deep=True).sum() / 1e9:.1f} GB)")

    province, year = 24, 2023
    duck = {
        "province series": lambda: engine.query(
            "SELECT year, direction, sum(value_usd) FROM trade_2025 WHERE province = ? GROUP BY 1, 2", [province]),
        "top partners": lambda: engine.query(
            "SELECT partner, sum(value_usd) v FROM trade_2025 WHERE province = ? AND year = ? AND direction = 'export'"
            " GROUP BY 1 ORDER BY v DESC LIMIT 10", [province, year]),
        "top products": lambda: engine.query(
            "SELECT product, sum(value_usd) v FROM trade_2025 WHERE province = ? AND year = ? AND direction = 'export'"
            " GROUP BY 1 ORDER BY v DESC LIMIT 10", [province, year]),
        "sector shares": lambda: engine.query(
            "SELECT sector, sum(value_usd) FROM trade_2025 WHERE province = ? AND year = ? AND direction = 'export' "
            "GROUP BY 1", [province, year]),
        "province ranking": lambda: engine.query(
            "SELECT province, sum(value_usd) v FROM trade_2025 WHERE year = ? AND direction = 'export' GROUP BY 1 "
            "ORDER BY v DESC", [year]),
    }
    mine = df["province_2025"] == province

    def exports(frame):
        return frame[(frame["year"] == year) & (frame["direction"] == "export")]

    panda = {
        "province series": lambda: df[mine].groupby(["year", "direction"])["value_usd"].sum(),
        "top partners": lambda: exports(df[mine]).groupby("partner")["value_usd"].sum().nlargest(10),
        "top products": lambda: exports(df[mine]).groupby("product")["value_usd"].sum().nlargest(10),
        "sector shares": lambda: exports(df[mine]).groupby("sector")["value_usd"].sum(),
        "province ranking": lambda: exports(df).groupby("province_2025")["value_usd"].sum().sort_values(
            ascending=False),
    }
    met = True
    for name in duck:
        d_best, _ = best(duck[name])
        p_best, _ = best(panda[name])
        ratio = p_best / d_best
        ok = ratio >= 5 and d_best <= 1.0
        met &= ok
        print(f"{name:18s} DuckDB {d_best * 1000:8.1f} ms   pandas {p_best * 1000:8.1f} ms   {ratio:5.1f}× faster "
              f"({'met' if ok else 'NOT met'})")
    print(f"goal (each ≥ 5× pandas and ≤ 1 s): {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
