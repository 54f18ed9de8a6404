"""Download the reference data listed in MANIFEST.json and check every file's SHA-256.

A file whose hash already matches is left alone; a download is written to a temporary file and only renamed into
place once its hash matches, so a failed or tampered download never replaces good data.
"""

import hashlib
import json
import os
import tempfile
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path


class FetchError(Exception):
    pass


@dataclass
class FetchReport:
    downloaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_manifest(source: str) -> dict:
    try:
        if source.startswith(("http://", "https://")):
            with urllib.request.urlopen(source, timeout=60) as response:  # noqa: S310 - operator-given address
                manifest = json.loads(response.read())
        else:
            manifest = json.loads(Path(source).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FetchError(f"cannot read manifest {source}: {exc}") from exc
    files = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(files, list) or not all(
        isinstance(f, dict) and {"file", "sha256", "url"} <= f.keys() for f in files
    ):
        raise FetchError(f"manifest {source} has no valid 'files' list of {{file, sha256, url}}")
    for entry in files:
        relative = Path(entry["file"])
        if relative.is_absolute() or ".." in relative.parts:
            raise FetchError(f"manifest entry {entry['file']!r} points outside the data directory")
    return manifest


def fetch(manifest: dict, dest: Path, timeout: float = 60, report=print) -> FetchReport:
    result = FetchReport()
    dest.mkdir(parents=True, exist_ok=True)
    for entry in manifest["files"]:
        target = dest / entry["file"]
        expected = entry["sha256"].lower()
        if target.is_file() and sha256_of(target) == expected:
            result.unchanged.append(entry["file"])
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".fetch-")
        tmp = Path(tmp_name)
        try:
            digest = hashlib.sha256()
            with os.fdopen(handle, "wb") as out, urllib.request.urlopen(entry["url"], timeout=timeout) as response:  # noqa: S310
                for chunk in iter(lambda: response.read(1 << 16), b""):
                    digest.update(chunk)
                    out.write(chunk)
            if digest.hexdigest() != expected:
                raise FetchError(f"SHA-256 mismatch: expected {expected}, got {digest.hexdigest()}")
            tmp.replace(target)
            result.downloaded.append(entry["file"])
            report(f"downloaded {entry['file']}")
        except (OSError, FetchError) as exc:
            result.failed.append((entry["file"], str(exc)))
            report(f"FAILED {entry['file']}: {exc}")
        finally:
            tmp.unlink(missing_ok=True)
    return result
