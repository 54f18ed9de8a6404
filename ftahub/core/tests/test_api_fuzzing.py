"""Schemathesis against the hub's own OpenAPI document, every operation, with a bounded budget in CI (a business's
capture token and a session cookie for the protected ones): no server error, every response as documented.
For a release, run it longer: FTAHUB_FUZZ_EXAMPLES=500 (see README)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ftahub.core.tests.hub import Hub

pytestmark = pytest.mark.slow

SETUP = """
from ftahub.certificates.service import key_ring
key_ring().generate("fuzz")  # a deployment has its signing key (the log's checkpoint is signed with it)
from ftahub.accounts.models import Enterprise, User
from ftahub.places.models import Province
from ftahub.trace.models import CaptureToken, TraceParty
p = Province.objects.get(era="2025", code=24)
e = Enterprise.objects.create(tax_code="9900009996", name="Fuzz (demo)", province=p, is_demo=True)
party = TraceParty.objects.create(enterprise=e, province=p, gs1_prefixes="9520001234")
print(CaptureToken.issue(party, "fuzz")[1])
"""


def test_schemathesis_finds_no_server_error_and_no_undocumented_response(tmp_path):
    st = shutil.which("st", path=str(Path(sys.executable).parent)) or shutil.which("st")
    if st is None:
        pytest.fail("schemathesis is not installed (pip install -e '.[test]')")
    hub = Hub(tmp_path)
    token = hub.shell(SETUP)
    hub.start()
    try:
        result = subprocess.run(
            [st, "run", hub.base + "/api/v1/openapi.json", "--checks", "not_a_server_error,response_schema_conformance",
             "--max-examples", os.environ.get("FTAHUB_FUZZ_EXAMPLES", "20"), "--workers", "2",
             "-H", f"Authorization: Bearer {token}", "--seed", "20261122", "--no-color"],
            capture_output=True, text=True, timeout=900)
    finally:
        hub.stop()
    summary = result.stdout[-3000:]
    assert result.returncode == 0, summary
    assert "passed" in summary
