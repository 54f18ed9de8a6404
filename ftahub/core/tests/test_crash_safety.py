"""Crash safety: the server is killed (SIGKILL) in the middle of a stream of EPCIS captures, and a process issuing
signed C/O records is killed the same way. After a restart, every acknowledged write is there, nothing is half
written (every event and every certificate has its log entry, and nothing is on the log without its record), and
the Merkle log is consistent with its last signed checkpoint."""

import json
import os
import signal
import subprocess
import sys
import threading
import time
from http.client import HTTPConnection

import pytest

from ftahub.core.tests.hub import Hub

pytestmark = pytest.mark.slow

SETUP = """
import datetime
from ftahub.accounts.models import Enterprise
from ftahub.certificates.service import key_ring
from ftahub.places.models import Province
from ftahub.trace.models import CaptureToken, TraceParty
key_ring().generate("crash", datetime.date(2026, 1, 1))
p = Province.objects.get(era="2025", code=24)
e = Enterprise.objects.create(tax_code="9900009996", name="Crash test (demo)", province=p, is_demo=True)
party = TraceParty.objects.create(enterprise=e, province=p, gs1_prefixes="9520001234")
print(CaptureToken.issue(party, "crash")[1])
"""
ISSUE = """
import sys
from ftahub.accounts.models import Enterprise
from ftahub.agreements.models import TradeAgreement
from ftahub.certificates import service
from ftahub.transparency import ledger
e = Enterprise.objects.get(tax_code="9900009996")
a = TradeAgreement.objects.get(code="CPTPP")
for i in range(100000):
    c = service.issue({"co_number": f"CRASH-{i}", "agreement": "CPTPP", "form": "CPTPP", "issued_on": "2026-11-02",
                       "items": [{"hs": "081090", "fob": "100.00", "criterion": "WO"}]}, a, e.province, e)
    if i % 25 == 0:
        ledger.checkpoint()
    print(c.co_number, flush=True)
"""
CHECK = """
import json
from ftahub.certificates.models import IssuedCertificate
from ftahub.trace.models import Event
from ftahub.transparency import ledger
from ftahub.transparency.bundle import check_bundle
from ftahub.transparency.models import LogCheckpoint, LogEntry
from ftahub.transparency.note import Verifier
size = ledger.size()
latest = LogCheckpoint.objects.order_by("-size").first()
verifier = Verifier.parse(ledger.verifier_keys()[0])
consistent = check_bundle(ledger.consistency_bundle(latest.size), verifier)["valid"] if latest and latest.size else True
events = set(Event.objects.values_list("event_id", flat=True))
logged_events = set(LogEntry.objects.filter(kind="epcis-event").values_list("ref", flat=True))
certs = set(IssuedCertificate.objects.values_list("co_number", flat=True))
logged_certs = set(LogEntry.objects.filter(kind="co-record").values_list("ref", flat=True))
print(json.dumps({"events": sorted(events), "logged_events": sorted(logged_events), "certs": sorted(certs),
                  "logged_certs": sorted(logged_certs), "size": size, "entries": LogEntry.objects.count(),
                  "indices_dense": list(LogEntry.objects.order_by("index").values_list("index", flat=True)) ==
                  list(range(size)), "events_without_index": Event.objects.filter(log_index__isnull=True).count(),
                  "root_ok": latest is None or ledger.tree(latest.size).root().hex() == latest.root,
                  "consistent": consistent, "checkpoint": latest.size if latest else None}))
"""


def document(batch: int) -> bytes:
    events = [{"type": "ObjectEvent", "action": "OBSERVE", "bizStep": "storing", "eventID": f"urn:uuid:crash-{batch}-{i}",
               "eventTime": "2026-06-10T05:00:00+07:00", "eventTimeZoneOffset": "+07:00",
               "quantityList": [{"epcClass": f"urn:epc:class:lgtin:9520001234.001.C{batch}"}]} for i in range(20)]
    return json.dumps({"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                       "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-06-10T08:00:00Z",
                       "epcisBody": {"eventList": events}}).encode()


def test_killed_server_and_issuer_lose_nothing_acknowledged(tmp_path):
    hub = Hub(tmp_path)
    env, port = hub.env, hub.port
    token = hub.shell(SETUP)
    hub.start()
    acknowledged, stop = [], threading.Event()

    def stream():
        batch = 0
        while not stop.is_set():
            try:
                conn = HTTPConnection("127.0.0.1", port, timeout=10)
                conn.request("POST", "/api/v1/epcis/capture", document(batch),
                             {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
                response = conn.getresponse()
                body = response.read()
                if response.status == 201:
                    acknowledged.extend(json.loads(body)["event_ids"])
            except OSError:
                pass  # the server is gone: this request was not acknowledged
            batch += 1

    writer = threading.Thread(target=stream)
    writer.start()
    errors = (tmp_path / "issuer.err").open("w+")
    issuer = subprocess.Popen([sys.executable, "-m", "ftahub", "shell", "-c", ISSUE], env=env, stdout=subprocess.PIPE,
                              stderr=errors, text=True)
    issued = []

    def read_issued():
        for line in issuer.stdout:
            if line.startswith("CRASH-"):
                issued.append(line.strip())

    reader = threading.Thread(target=read_issued, daemon=True)
    reader.start()
    # kill both once each has acknowledged some writes (a condition, not a time: a loaded machine is slow)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and not (len(acknowledged) >= 20 and len(issued) >= 5):
        if issuer.poll() is not None:
            break  # the issuer died by itself: its output says why
        time.sleep(0.05)
    os.kill(hub.process.pid, signal.SIGKILL)
    if issuer.poll() is None:
        os.kill(issuer.pid, signal.SIGKILL)
    issuer.wait()
    hub.process.wait()
    stop.set()
    writer.join()
    reader.join(timeout=10)
    errors.seek(0)
    assert len(acknowledged) >= 20 and len(issued) >= 5, (
        f"acknowledged events {len(acknowledged)}, issued C/Os {len(issued)}; the issuer wrote:\n"
        f"{errors.read()[-3000:]}")

    hub.start()  # the hub restarts on the same files
    try:
        state = json.loads(hub.shell(CHECK))
    finally:
        hub.stop()
    assert set(acknowledged) <= set(state["events"])
    assert set(issued) <= set(state["certs"])
    assert state["events"] == state["logged_events"] and state["certs"] == state["logged_certs"]
    assert state["events_without_index"] == 0 and state["indices_dense"] and state["entries"] == state["size"]
    assert state["root_ok"] and state["consistent"] and state["checkpoint"]
