from django.core.management.base import BaseCommand, CommandError

from ftahub.core.audit import acting_as
from ftahub.core.demo import load_demo


class Command(BaseCommand):
    help = "Create the demo enterprises and one demo account per role (idempotent; every record labelled demo)."

    def handle(self, *args, **options):
        try:
            with acting_as(name="load-demo"):
                load_demo(report=self.stdout.write)
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
