"""The hero path in Chromium, then the downloaded PDF's QR code decoded from its image and verified offline."""

import json
import subprocess
import sys
import urllib.request

import pytest

from ftahub.certificates.tests.qr import qr_text_from_pdf
from ftahub.core.tests.browser import OUTPUT, run_script

pytestmark = pytest.mark.slow


def test_apply_precheck_approve_record_and_verify_offline(browser_hub, tmp_path, monkeypatch):
    run_script("co_desk.mjs", browser_hub, "co-desk")
    payload = qr_text_from_pdf((OUTPUT / "co-desk" / "certificate.pdf").read_bytes())
    # the QR holds a link to the verify page with the record after '#' (a phone camera opens it)
    assert payload.startswith(browser_hub.base + "/verify/#FTAHUB1:")
    monkeypatch.setenv("VERIFY_LINK", payload)
    run_script("verify_link.mjs", browser_hub, "verify-link")
    keys = tmp_path / "keys.json"
    with urllib.request.urlopen(browser_hub.base + "/.well-known/ftahub-keys.json") as response:
        keys.write_bytes(response.read())
    # offline: a fresh process with only the published public keys, no database of the hub
    result = subprocess.run([sys.executable, "-m", "ftahub", "eco", "verify", payload, "--keys", str(keys), "--json"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["status"] == "valid"
    assert report["record"]["co_number"] == "DEMO-VN-JP-26-24-00077"
    assert report["record"]["items"][0]["hs"] == "9403.60"
    altered = payload[:-3] + ("A" if payload[-3] != "A" else "B") + payload[-2:]
    assert subprocess.run([sys.executable, "-m", "ftahub", "eco", "verify", altered, "--keys", str(keys)],
                          capture_output=True, timeout=60).returncode in (1, 2)
