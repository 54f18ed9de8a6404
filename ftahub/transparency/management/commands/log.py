"""``ftahub log verify BUNDLE.json --key VERIFIER_KEY [--json]``: check a proof offline against a signed checkpoint.
``--key`` takes a key or a file of keys, one per line (``/api/v1/log/key``: the log's whole key history), so a proof
against a checkpoint signed before a rotation still verifies. Exit 0 when it verifies, 1 when it does not, 2 on
unusable input.

``ftahub log keygen [KID]``: a new signing key for the log's checkpoints; the current one is retired and stays in the
published history."""

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
        keygen = sub.add_parser("keygen", help="a new signing key for the log (the current one is retired)")
        keygen.add_argument("kid", nargs="?", default=None)

    def fail(self, message: str, action: str = "verify"):
        sys.stderr.write(f"ftahub log {action}: {message}\n")
        sys.exit(2)

    def handle(self, *args, action, bundle=None, key=None, kid=None, as_json=False, **options):
        if action == "keygen":
            from ftahub.common.keyring import KeyRingError
            from ftahub.transparency import ledger

            try:
                entry = ledger.start_log_key(kid)
            except KeyRingError as exc:
                self.fail(str(exc), "keygen")
            self.stdout.write(f"log key {entry['kid']} is current from {entry['not_before']}; earlier keys stay in "
                              "the published history (/api/v1/log/keys)")
            return
        try:
            raw = sys.stdin.read() if bundle == "-" else open(bundle, encoding="utf-8").read()
            data = json.loads(raw)
        except OSError as exc:
            self.fail(f"cannot read {bundle}: {exc.strerror}")
        except json.JSONDecodeError as exc:
            self.fail(f"{bundle} is not JSON (line {exc.lineno}: {exc.msg})")
        try:
            key_text = Path(key).read_text(encoding="utf-8").strip() if Path(key).is_file() else key
            verifiers = [Verifier.parse(line) for line in key_text.splitlines() if line.strip()]
            if not verifiers:
                raise NoteError("no key given")
        except (OSError, NoteError) as exc:
            self.fail(f"unusable verifier key: {exc}")
        try:
            reports = [check_bundle(data, verifier) for verifier in verifiers]
        except BundleError as exc:
            self.fail(str(exc))
        report = next((r for r in reports if r["valid"]), reports[0])
        if as_json:
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(("VALID: " + report.get("proved", "")) if report["valid"]
                              else f"NOT VALID: {report['reason']}")
        sys.exit(0 if report["valid"] else 1)
