"""The log signs its checkpoints with a key of its own (#18), publishes every key it ever used with its period, and
a proof against a checkpoint signed before a rotation still verifies with that history."""

import datetime
import io
import json

import pytest
from django.core.management import call_command

from ftahub.certificates import service as certificates
from ftahub.core import keys
from ftahub.transparency import ledger
from ftahub.transparency.models import LogCheckpoint
from ftahub.transparency.note import Checkpoint, NoteError, Signer, Verifier, open_note

pytestmark = pytest.mark.django_db


def verify(tmp_path, bundle: dict, key_text: str) -> tuple[int, dict]:
    (tmp_path / "bundle.json").write_text(json.dumps(bundle))
    (tmp_path / "keys.txt").write_text(key_text)
    out = io.StringIO()
    with pytest.raises(SystemExit) as done:
        call_command("log", "verify", str(tmp_path / "bundle.json"), "--key", str(tmp_path / "keys.txt"), "--json",
                     stdout=out)
    return done.value.code, json.loads(out.getvalue())


def test_checkpoints_are_signed_by_the_log_key_not_the_certificate_key(client):
    certificates.key_ring().generate("co-2026", datetime.date(2026, 1, 1))
    ledger.append({"kind": "test", "ref": "one"})
    note = ledger.checkpoint().note
    co_key = Signer(ledger.origin(), certificates.key_ring().private_key("co-2026")).verifier_key()
    with pytest.raises(NoteError):
        open_note(note, [Verifier.parse(co_key)])
    published = client.get("/api/v1/log/key").content.decode().split()
    assert co_key not in published
    open_note(note, [Verifier.parse(published[0])])  # the log's own key
    history = client.get("/api/v1/log/keys").json()
    assert [k["status"] for k in history] == ["current"]
    assert history[0]["kid"].startswith("log-") and history[0]["verifier_key"] == published[0]


def test_a_proof_signed_before_a_rotation_still_verifies_with_the_published_history(client, tmp_path):
    for n in range(4):
        ledger.append({"kind": "test", "ref": f"before-{n}"})
    before = ledger.inclusion_bundle(2)
    old_key = client.get("/api/v1/log/key").content.decode().split()[0]

    call_command("log", "keygen", "log-rotated", stdout=io.StringIO())
    ledger.append({"kind": "test", "ref": "after"})
    after = ledger.inclusion_bundle(4)
    history = client.get("/api/v1/log/keys").json()
    assert [(k["kid"], k["status"]) for k in history][0] == ("log-rotated", "current")
    assert history[1]["status"] == "retired" and history[1]["not_after"]

    new_key = history[0]["verifier_key"]
    everything = client.get("/api/v1/log/key").content.decode()
    assert verify(tmp_path, before, everything)[0] == 0
    assert verify(tmp_path, after, everything)[0] == 0
    assert verify(tmp_path, before, new_key)[0] == 1  # the old checkpoint is not the new key's
    assert verify(tmp_path, before, old_key)[0] == 0


def test_checkpoints_signed_with_the_certificate_key_before_the_split_still_verify(client):
    """A hub upgraded from the shared key: its history adopts the C/O key's public half, retired."""
    ring = certificates.key_ring()
    ring.generate("shared-2026", datetime.date(2026, 1, 1))
    ledger.append({"kind": "test", "ref": "old"})
    old = Signer(ledger.origin(), ring.private_key("shared-2026"))
    note = old.sign(Checkpoint(ledger.origin(), 1, ledger.tree(1).root()).text())
    LogCheckpoint.objects.create(size=1, root=ledger.tree(1).root().hex(), note=note)
    assert not keys.log_key_ring().keyset()

    ledger.append({"kind": "test", "ref": "new"})
    ledger.checkpoint()  # the first checkpoint after the upgrade makes the log's own key
    history = client.get("/api/v1/log/keys").json()
    assert [k["kid"] for k in history][1:] == ["shared-2026"] and history[1]["status"] == "retired"
    open_note(note, [Verifier.parse(history[1]["verifier_key"])])
    with pytest.raises(NoteError):
        open_note(note, [Verifier.parse(history[0]["verifier_key"])])
