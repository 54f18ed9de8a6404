from django.core.management.base import BaseCommand, CommandError

from ftahub.core.audit import acting_as
from ftahub.core.datadir import ReferenceDataError, data_dir
from ftahub.core.reference import dataset_names, load_reference


class Command(BaseCommand):
    help = "Load the reference data (HS nomenclature, countries, provinces, agreements, ...) from FTAHUB_DATA_DIR."

    def add_arguments(self, parser):
        parser.add_argument("--only", nargs="+", choices=dataset_names(), help="load only these datasets")

    def handle(self, *args, only=None, **options):
        self.stdout.write(f"Reference data directory: {data_dir()}")
        try:
            with acting_as(name="load-reference"):
                load_reference(only, report=lambda line: self.stdout.write(f"  {line}"))
        except ReferenceDataError as exc:
            raise CommandError(f"{exc}\nNothing was changed.") from exc
        self.stdout.write(self.style.SUCCESS("Reference data loaded."))
