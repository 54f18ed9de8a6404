"""Signing keys (rotation keeps old records verifiable) and ``ftahub eco verify`` exit codes."""

import datetime
import json
import stat
import subprocess
import sys

import pytest

from ftahub.certificates.keys import KeyError_, KeyRing, load_keyset
from ftahub.certificates.payload import sign, to_qr_text, verify

from .test_payload import RECORD


def test_rotation_retires_the_old_key_and_old_records_still_verify(tmp_path):
    ring = KeyRing(tmp_path / "keys")
    ring.generate("bn-2025", datetime.date(2025, 1, 1))
    old_record = {**RECORD, "issued_on": "2025-06-01"}
    old = sign(old_record, ring.private_key("bn-2025"), "bn-2025")
    ring.generate("bn-2026", datetime.date(2026, 1, 1))
    keys = load_keyset(json.dumps({"keys": ring.keyset()}))
    assert keys["bn-2025"].status == "retired" and keys["bn-2025"].not_after == datetime.date(2026, 1, 1)
    assert verify(old, keys).valid
    new = sign(RECORD, ring.private_key("bn-2026"), "bn-2026")
    assert verify(new, keys).valid
    assert ring.current()["kid"] == "bn-2026"
    assert stat.S_IMODE((tmp_path / "keys" / "bn-2026.pem").stat().st_mode) == 0o600
    assert "PRIVATE" not in (tmp_path / "keys" / "keyset.json").read_text()


def test_key_ids_and_duplicates(tmp_path):
    ring = KeyRing(tmp_path)
    with pytest.raises(KeyError_):
        ring.generate("Bad Key")
    ring.generate("k1")
    with pytest.raises(KeyError_):
        ring.generate("k1")


@pytest.mark.slow
def test_cli_exit_codes(tmp_path):
    ring = KeyRing(tmp_path / "keys")
    ring.generate("bn-2026", datetime.date(2026, 1, 1))
    keyset = tmp_path / "keyset.json"
    keyset.write_text(json.dumps({"keys": ring.keyset()}))
    text = to_qr_text(sign(RECORD, ring.private_key("bn-2026"), "bn-2026"))
    fake_pdf = tmp_path / "co.pdf"
    fake_pdf.write_bytes(b"%PDF-1.4 ... /Keywords (" + text.encode() + b") ...")

    def run(*args):
        return subprocess.run([sys.executable, "-m", "ftahub", "eco", "verify", *args, "--keys", str(keyset),
                               "--json"], capture_output=True, text=True, timeout=60)

    ok = run(text)
    assert ok.returncode == 0 and json.loads(ok.stdout)["record"]["co_number"] == RECORD["co_number"]
    assert run(str(fake_pdf)).returncode == 0
    other = KeyRing(tmp_path / "other")
    other.generate("bn-2026", datetime.date(2026, 1, 1))
    forged = to_qr_text(sign(RECORD, other.private_key("bn-2026"), "bn-2026"))
    bad = run(forged)
    assert bad.returncode == 1 and "bad signature" in json.loads(bad.stdout)["reason"]
    unusable = run("FTAHUB1:%%%")
    assert unusable.returncode == 2 and unusable.stderr.startswith("ftahub eco:")
