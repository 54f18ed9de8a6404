"""``ftahub restore FILE.tar.gz [--force]``: read a backup made by ``ftahub backup`` into an empty database (or, with
--force, a database emptied first), put back uploads, statistics and the key set, then check every file against the
manifest and the transparency log against its latest signed checkpoint."""

import hashlib
import json
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ftahub.core import plugins
from ftahub.core.datadir import ReferenceDataError

from .backup import EXCLUDE, folders

EMPTY_WHEN_NEW = {e.split(".")[0] for e in EXCLUDE} | {"auth"}


class Command(BaseCommand):
    help = "Restore a backup made by 'ftahub backup'."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--force", action="store_true", help="empty the database first")

    def handle(self, *args, file, force=False, **options):
        try:
            tar = tarfile.open(file, "r:gz")
        except (OSError, tarfile.TarError) as exc:
            raise CommandError(f"cannot read {file}: {exc}") from None
        with tar:
            members = {m.name: m for m in tar.getmembers() if m.isfile()}
            if "MANIFEST.json" not in members or "database.json" not in members:
                raise CommandError("not an FTA Hub backup (no MANIFEST.json or database.json)")
            manifest = json.loads(tar.extractfile(members["MANIFEST.json"]).read())
            contents = {}
            for name, digest in manifest["files"].items():
                if ".." in Path(name).parts or name.startswith("/"):
                    raise CommandError(f"refusing the path {name!r}")
                data = tar.extractfile(members[name]).read() if name in members else None
                if data is None or hashlib.sha256(data).hexdigest() != digest:
                    raise CommandError(f"{name} is missing or does not match the manifest: nothing was restored")
                contents[name] = data
        if _holds_records() and not force:
            raise CommandError("the database is not empty: restore into a new database, or use --force")
        with tempfile.TemporaryDirectory() as scratch:
            fixture = Path(scratch) / "database.json"
            fixture.write_bytes(contents.pop("database.json"))
            extra = []
            for name in [n for n in contents if n.startswith("rows/")]:
                path = Path(scratch) / name.replace("/", "-")
                path.write_bytes(contents.pop(name))
                extra.append(str(path))
            with transaction.atomic():
                if force:
                    call_command("flush", "--no-input", verbosity=0)
                call_command("loaddata", str(fixture), verbosity=0)
                for path in extra:
                    call_command("loaddata", path, verbosity=0)
        targets = {"keys": settings.VAR_DIR / "keys", "log-keys": settings.VAR_DIR / "log-keys", **folders()}
        for name, data in contents.items():
            prefix, _, rest = name.partition("/")
            path = targets[prefix] / rest
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        self.stdout.write(f"restored {len(manifest['files'])} files from {file}")
        for check in plugins.restore_checks():  # e.g. the transparency log against its latest checkpoint
            try:
                check(self.stdout.write)
            except (ValueError, ReferenceDataError) as exc:
                raise CommandError(str(exc)) from None


def _holds_records() -> bool:
    """True when any of the hub's own tables (not Django's bookkeeping) has a row."""
    return any(model.objects.exists() for model in apps.get_models()
               if model._meta.app_label not in EMPTY_WHEN_NEW and not model._meta.proxy)
