"""``ftahub log verify BUNDLE.json --key VERIFIER_KEY [--json]``: check a proof offline against a signed checkpoint.

Exit 0 when it verifies, 1 when it does not, 2 on unusable input."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from ftahub.transparency.bundle import BundleError, check_bundle
from ftahub.transparency.note import NoteError, Verifier


class Command(BaseCommand):
    help = "Transparency log: verify a proof bundle offline with the log's public key."
    requires_system_checks = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser("verify", help="verify an inclusion or consistency proof bundle")
        verify.add_argument("bundle", help="proof bundle JSON file ('-' for standard input)")
        verify.add_argument("--key", required=True, help="the log's verifier key, or a file holding it")
        verify.add_argument("--json", action="store_true", dest="as_json")

    def fail(self, message: str):
        sys.stderr.write(f"ftahub log verify: {message}\n")
        sys.exit(2)

    def handle(self, *args, action, bundle, key, as_json=False, **options):
        try:
            raw = sys.stdin.read() if bundle == "-" else open(bundle, encoding="utf-8").read()
            data = json.loads(raw)
        except OSError as exc:
            self.fail(f"cannot read {bundle}: {exc.strerror}")
        except json.JSONDecodeError as exc:
            self.fail(f"{bundle} is not JSON (line {exc.lineno}: {exc.msg})")
        try:
            key_text = Path(key).read_text(encoding="utf-8").strip() if Path(key).is_file() else key
            verifier = Verifier.parse(key_text)
        except (OSError, NoteError) as exc:
            self.fail(f"unusable verifier key: {exc}")
        try:
            report = check_bundle(data, verifier)
        except BundleError as exc:
            self.fail(str(exc))
        if as_json:
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(("VALID: " + report.get("proved", "")) if report["valid"]
                              else f"NOT VALID: {report['reason']}")
        sys.exit(0 if report["valid"] else 1)
