"""``ftahub eco keygen KID`` (new key, the current one retired) and
``ftahub eco verify FILE_OR_PAYLOAD [--keys KEYSET.json] --json``: offline verification with public keys only.
Exit 0 valid, 1 not valid, 2 unusable input."""

import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from ftahub.certificates.keys import KeyError_, KeyRing, load_keyset
from ftahub.certificates.payload import PREFIX, PayloadError, find_payload, from_qr_text, payload_of, verify


def key_folder() -> Path:
    return Path(settings.VAR_DIR) / "keys"


class Command(BaseCommand):
    help = "Certificates of origin: signing keys, and offline verification of signed C/O records."
    requires_system_checks = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        keygen = sub.add_parser("keygen", help="generate a new current signing key (rotation retires the old)")
        keygen.add_argument("kid")
        check = sub.add_parser("verify", help="verify a C/O payload, a file holding one, or the C/O PDF")
        check.add_argument("source")
        check.add_argument("--keys", help="published key set JSON (default: this hub's key set)")
        check.add_argument("--json", action="store_true", dest="as_json")

    def fail(self, message: str):
        sys.stderr.write(f"ftahub eco: {message}\n")
        sys.exit(2)

    def handle(self, *args, action, **o):
        if action == "keygen":
            try:
                entry = KeyRing(key_folder()).generate(o["kid"])
            except KeyError_ as exc:
                self.fail(str(exc))
            self.stdout.write(json.dumps(entry))
            return
        source = o["source"]
        text = payload_of(source)  # the QR's text itself: the payload, or the verify link
        if not text.startswith(PREFIX):  # else a file that holds it (the C/O PDF)
            try:
                data = Path(source).read_bytes()
            except OSError as exc:
                self.fail(f"cannot read {source}: {exc.strerror}")
            text = find_payload(data)
            if not text:
                self.fail(f"{source} holds no FTA Hub C/O payload")
        try:
            keyset_text = Path(o["keys"]).read_text() if o.get("keys") else \
                json.dumps({"keys": KeyRing(key_folder()).keyset()})
            keys = load_keyset(keyset_text)
        except (OSError, KeyError_) as exc:
            self.fail(f"unusable key set: {exc}")
        try:
            result = verify(from_qr_text(text), keys)
        except PayloadError as exc:
            self.fail(str(exc))
        report = {"status": result.status, "reason": result.reason, "kid": result.kid, "record": result.record}
        if o["as_json"]:
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(f"{result.status.upper()}" + (f": {result.reason}" if result.reason else "")
                              + (f" — C/O {result.record.get('co_number')}" if result.record else ""))
        sys.exit(0 if result.valid else 1)
