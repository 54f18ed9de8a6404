from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ftahub.core.datadir import data_dir
from ftahub.core.fetch import FetchError, fetch, read_manifest


class Command(BaseCommand):
    help = "Download the reference data listed in a MANIFEST.json (path or URL) and check each file's SHA-256."

    def add_arguments(self, parser):
        parser.add_argument("--manifest", help="path or URL of MANIFEST.json (default: the data directory's)")
        parser.add_argument("--dest", help="where to write the files (default: FTAHUB_DATA_DIR)")
        parser.add_argument("--timeout", type=float, default=60)

    def handle(self, *args, manifest=None, dest=None, timeout=60, **options):
        dest_dir = Path(dest) if dest else data_dir()
        source = manifest or str(dest_dir / "MANIFEST.json")
        try:
            listing = read_manifest(source)
        except FetchError as exc:
            raise CommandError(str(exc)) from exc
        result = fetch(listing, dest_dir, timeout=timeout, report=self.stdout.write)
        self.stdout.write(
            f"{len(result.downloaded)} downloaded, {len(result.unchanged)} already up to date, "
            f"{len(result.failed)} failed"
        )
        if result.failed:
            raise CommandError("some files could not be fetched: " + ", ".join(name for name, _ in result.failed))
