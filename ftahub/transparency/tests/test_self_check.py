"""The hub checks its own log every hour (#18): an entry changed in the database is found and the administrators
are told, instead of the tampered entry being served silently."""

import datetime

import pytest

from ftahub.certificates import service as certificates
from ftahub.core import jobs
from ftahub.core.models import Notification
from ftahub.transparency import ledger
from ftahub.transparency.models import LogEntry, LogNode

pytestmark = pytest.mark.django_db


@pytest.fixture
def log():
    certificates.key_ring().generate("self-check", datetime.date(2026, 1, 1))
    for n in range(5):
        ledger.append({"kind": "test", "ref": f"entry-{n}"})
    ledger.checkpoint()


def test_an_untouched_log_passes(log):
    assert ledger.self_check() == []


def test_a_changed_entry_is_found_and_the_administrators_are_told(log, make):
    admin = make.user("administrator", is_superuser=True, is_staff=True)
    LogEntry.objects.filter(index=2).update(data='{"kind":"test","ref":"forged"}')
    jobs.run_maintenance()  # what the worker runs every hour
    assert Notification.objects.filter(user=admin, kind="log_self_check").exists()
    assert ledger.self_check(notify=False) == ["entry 2: its text does not hash to its leaf",
                                               "the entries do not give the root signed at size 5"]


def test_an_entry_rewritten_with_a_matching_leaf_is_still_found(log):
    forged = '{"kind":"test","ref":"forged"}'
    LogEntry.objects.filter(index=3).update(data=forged, leaf_hash=ledger.leaf_hash(forged.encode()).hex())
    assert ledger.self_check(notify=False) == ["entry 3: its leaf is not the tree's",
                                               "the entries do not give the root signed at size 5"]
    LogNode.objects.filter(level=0, index=3).update(hash=ledger.leaf_hash(forged.encode()).hex())
    assert ledger.self_check(notify=False) == ["the entries do not give the root signed at size 5"]
