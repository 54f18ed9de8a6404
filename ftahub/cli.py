"""The ``ftahub`` console script: Django's and the hub's management commands.

``ftahub migrate``, ``ftahub runserver``, ``ftahub load-reference`` ... are the same commands ``manage.py`` runs.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ftahub.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ftahub", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
