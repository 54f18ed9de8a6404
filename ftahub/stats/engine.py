"""The analytics layer: trade and FDI facts kept as Parquet datasets, queried with DuckDB. One query layer for the
pages, the API and the exports. Plain Python (no Django): the caller gives the data folder and the province map.

Layout: ``<folder>/trade/<dataset>.parquet`` and ``<folder>/fdi/<dataset>.parquet``; a dataset is replaced whole by
its importer (idempotent). Columns:

trade: province INT (GSO code in its arrangement; 0 = the whole country), era VARCHAR ('1976' = the 63 units before
1 July 2025, '2025' = the 34 after), partner VARCHAR (ISO alpha-2, '' = all partners), product VARCHAR (HS code at any
level, or '' = all goods), product_label VARCHAR (a statistics product group when there is no HS code), direction
VARCHAR ('export'/'import'), year INT, month INT (0 = the whole year), value_usd DOUBLE, quantity DOUBLE, unit
VARCHAR, sector VARCHAR ('fdi', 'domestic', '' = both), source VARCHAR, demo BOOLEAN.

fdi: province, era, investor VARCHAR (ISO alpha-2, '' = all), sector VARCHAR (economic sector, '' = all), year,
month, projects DOUBLE, registered_usd DOUBLE,
new_usd DOUBLE, adjusted_usd DOUBLE, source, demo.
"""

import os
import threading
from pathlib import Path
from typing import Any

import duckdb

TRADE_SCHEMA = {"province": "INTEGER", "era": "VARCHAR", "partner": "VARCHAR", "product": "VARCHAR",
                "product_label": "VARCHAR", "direction": "VARCHAR", "year": "INTEGER", "month": "INTEGER",
                "value_usd": "DOUBLE", "quantity": "DOUBLE", "unit": "VARCHAR", "sector": "VARCHAR",
                "source": "VARCHAR", "demo": "BOOLEAN"}
FDI_SCHEMA = {"province": "INTEGER", "era": "VARCHAR", "investor": "VARCHAR", "sector": "VARCHAR", "year": "INTEGER",
              "month": "INTEGER",
              "projects": "DOUBLE", "registered_usd": "DOUBLE", "new_usd": "DOUBLE", "adjusted_usd": "DOUBLE",
              "source": "VARCHAR", "demo": "BOOLEAN"}
SCHEMAS = {"trade": TRADE_SCHEMA, "fdi": FDI_SCHEMA}


def _empty_select(schema: dict[str, Any]) -> str:
    return "SELECT " + ", ".join(f"CAST(NULL AS {t}) AS {c}" for c, t in schema.items()) + " WHERE false"


def write_dataset(folder: Path, kind: str, name: str, relation_sql: str, params: list[Any] | None = None,
                  connection: duckdb.DuckDBPyConnection | None = None) -> int:
    """Write the rows of ``relation_sql`` (a SELECT giving the kind's columns) as dataset ``name``, replacing it
    atomically. Returns the row count."""
    schema = SCHEMAS[kind]
    target = Path(folder) / kind
    target.mkdir(parents=True, exist_ok=True)
    tmp = target / f".{name}.parquet.tmp"
    con = connection or duckdb.connect()
    columns = ", ".join(f"CAST({c} AS {t}) AS {c}" for c, t in schema.items())
    con.execute(f"COPY (SELECT {columns} FROM ({relation_sql})) TO '{tmp}' (FORMAT PARQUET, COMPRESSION ZSTD)",
                params or [])
    row = con.execute(f"SELECT count(*) FROM read_parquet('{tmp}')").fetchone()
    os.replace(tmp, target / f"{name}.parquet")
    return int(row[0]) if row else 0


def remove_dataset(folder: Path, kind: str, name: str) -> None:
    path = Path(folder) / kind / f"{name}.parquet"
    if path.exists():
        path.unlink()


def datasets(folder: Path, kind: str) -> list[str]:
    return sorted(p.stem for p in (Path(folder) / kind).glob("*.parquet"))


class Engine:
    """A DuckDB connection with views ``trade`` and ``fdi`` over the Parquet datasets and a ``province_map`` table
    (old code → current code) for restatement on the 34 current provinces."""

    def __init__(self, folder: Path, province_map: dict[int, int] | None = None, threads: int | None = None):
        self.folder = Path(folder)
        self.con = duckdb.connect()
        if threads:
            self.con.execute(f"SET threads = {int(threads)}")
        self.lock = threading.Lock()
        self.con.execute("CREATE TABLE province_map (old INTEGER, new INTEGER)")
        if province_map:
            self.con.executemany("INSERT INTO province_map VALUES (?, ?)", list(province_map.items()))
        self.refresh()

    def refresh(self) -> None:
        """(Re)load the datasets into DuckDB's own columnar tables, each row given its 2025 province once, ordered
        by that province and year so that DuckDB's zone maps skip most of the table for a province's query."""
        with self.lock:
            self.generation = getattr(self, "generation", 0) + 1  # figures cached under an older one are stale
            for kind, schema in SCHEMAS.items():
                files = sorted((self.folder / kind).glob("*.parquet"))
                if files:
                    listing = ", ".join(f"'{f}'" for f in files)
                    source = f"SELECT * FROM read_parquet([{listing}], union_by_name = true)"
                else:
                    source = _empty_select(schema)
                self.con.execute(
                    f"CREATE OR REPLACE TABLE {kind}_facts AS SELECT r.*, CASE WHEN r.era = '1976' AND r.province <> 0 "
                    f"THEN coalesce(m.new, r.province) ELSE r.province END AS province_2025 FROM ({source}) r "
                    f"LEFT JOIN province_map m ON r.era = '1976' AND m.old = r.province "
                    f"ORDER BY province_2025, year")
                columns = ", ".join(schema)
                self.con.execute(f"CREATE OR REPLACE VIEW {kind}_raw AS SELECT {columns} FROM {kind}_facts")
                # restated: units of 1976 counted in their 2025 successor; rows already on 2025 units kept
                self.con.execute(f"CREATE OR REPLACE VIEW {kind}_2025 AS SELECT * EXCLUDE (province_2025) REPLACE "
                                 f"(province_2025 AS province, '2025' AS era) FROM {kind}_facts")

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        with self.lock:
            return self.con.execute(sql, params or []).fetchall()

    # -- the queries behind the pages, the API and the exports --------------------------------------------------
    @staticmethod
    def _where(filters: dict[str, Any]) -> tuple[str, list[Any]]:
        clauses, params = [], []
        for column, value in filters.items():
            if value is None:
                continue
            if column == "product_prefix":
                clauses.append("starts_with(product, ?)")
            elif column == "year_from":
                clauses.append("year >= ?")
            elif column == "year_to":
                clauses.append("year <= ?")
            else:
                clauses.append(f"{column} = ?")
            params.append(value)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def view(self, kind: str, restate: bool) -> str:
        return f"{kind}_2025" if restate else f"{kind}_raw"

    def totals_by(self, kind: str, group: list[str], measure: str, filters: dict[str, Any], restate: bool = False,
                  order: str | None = None, limit: int | None = None) -> list[tuple[Any, ...]]:
        where, params = self._where(filters)
        keys = ", ".join(group)
        sql = (f"SELECT {keys}, sum({measure}) AS v FROM {self.view(kind, restate)}{where} GROUP BY {keys} "
               f"ORDER BY {order or keys}" + (f" LIMIT {int(limit)}" if limit else ""))
        return self.query(sql, params)

    def years(self, kind: str) -> list[int]:
        return [r[0] for r in self.query(f"SELECT DISTINCT year FROM {kind}_raw ORDER BY year")]
