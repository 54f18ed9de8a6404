"""``ftahub backup FILE.tar.gz``: the database (every table, as Django's JSON fixtures, but for the tables the
reference load rebuilds from the data directory, which ``ftahub restore`` loads again), uploaded files, statistics
datasets and the published key set (public keys only: private keys are secrets and are backed up separately), with a
SHA-256 manifest. ``ftahub restore`` reads it back."""

import hashlib
import io
import json
import tarfile
import time
from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import BaseCommand

from ftahub.core import plugins

EXCLUDE = ["contenttypes", "auth.permission", "sessions", "admin.logentry"]


def _add(tar: tarfile.TarFile, name: str, data: bytes, manifest: dict) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(time.time()), 0o600
    tar.addfile(info, io.BytesIO(data))
    manifest[name] = hashlib.sha256(data).hexdigest()


def folders() -> dict[str, Path]:
    """Uploaded files, and the folders the capabilities declare (``HubApp.backup_folders``)."""
    return {"media": Path(settings.MEDIA_ROOT), **plugins.backup_folders()}


class Command(BaseCommand):
    help = "Back up the database, uploads, statistics and the public key set into one .tar.gz file."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        out = io.StringIO()
        call_command("dumpdata", "--natural-foreign", "--natural-primary", "--indent", "0",
                     *[f"--exclude={e}" for e in [*EXCLUDE, *plugins.backup_excluded()]], stdout=out)
        rows = {name: serializers.serialize("json", queryset, use_natural_foreign_keys=True,
                                            use_natural_primary_keys=True)
                for name, queryset in plugins.backup_querysets().items()}
        manifest: dict[str, str] = {}
        target = Path(file)
        with tarfile.open(target, "w:gz") as tar:
            _add(tar, "database.json", out.getvalue().encode(), manifest)
            for name, text in rows.items():  # rows kept of the tables the reference load rebuilds
                _add(tar, f"rows/{name}.json", text.encode(), manifest)
            for ring in ("keys", "log-keys"):  # the C/O key set and the log's key history (public halves)
                keyset = settings.VAR_DIR / ring / "keyset.json"
                if keyset.exists():
                    _add(tar, f"{ring}/keyset.json", keyset.read_bytes(), manifest)
            for prefix, folder in folders().items():
                if folder.is_dir():
                    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
                        _add(tar, f"{prefix}/{path.relative_to(folder)}", path.read_bytes(), manifest)
            _add(tar, "MANIFEST.json", json.dumps({"format": "ftahub-backup", "version": 1, "files": manifest},
                                                  indent=1).encode(), {})
        target.chmod(0o600)
        self.stdout.write(f"backup written to {target} ({len(manifest)} files, {target.stat().st_size:,} bytes)")
