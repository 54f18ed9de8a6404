"""Where the reference data lives (setting FTAHUB_DATA_DIR) and how to read it with good error messages."""

import csv
import json
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings


class ReferenceDataError(Exception):
    """A reference file is missing, malformed or partial. Names the file and, where it can, the line."""

    def __init__(self, path: Path | str, message: str, line: int | None = None):
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}, line {line}" if line else self.path
        super().__init__(f"{where}: {message}")


def data_dir() -> Path:
    return Path(settings.FTAHUB_DATA_DIR)


def data_path(relative: str) -> Path:
    path = data_dir() / relative
    if not path.is_file():
        raise ReferenceDataError(path, "file not found (set FTAHUB_DATA_DIR or run 'ftahub fetch-data')")
    return path


def read_csv(path: Path, required: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data row, after checking the header has the required columns."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise ReferenceDataError(path, f"missing column(s) {', '.join(missing)}", line=1)
        try:
            for row in reader:
                if None in row or any(v is None for v in row.values()):
                    raise ReferenceDataError(path, "wrong number of fields", line=reader.line_num)
                yield reader.line_num, row
        except csv.Error as exc:
            raise ReferenceDataError(path, f"not valid CSV: {exc}", line=reader.line_num) from exc


def read_json(path: Path):
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except json.JSONDecodeError as exc:
        raise ReferenceDataError(path, f"not valid JSON: {exc.msg}", line=exc.lineno) from exc
    except UnicodeDecodeError as exc:
        raise ReferenceDataError(path, "not UTF-8 text") from exc
