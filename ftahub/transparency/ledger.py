"""The hub's transparency log on the database: append statements, publish signed checkpoints, serve proofs.

A statement is a small JSON object (``kind``, ``ref`` and what was logged: a hash, a date, a status), written in
canonical JSON (RFC 8785, see ``ftahub.trace.epcis.canonical_json``); its UTF-8 bytes are the RFC 6962 leaf. Appends
run inside the caller's transaction, so an entry exists if and only if the record it speaks for was committed.
"""

import base64
import datetime
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ftahub.common.keyring import KeyRingError, unb64url
from ftahub.core import bulk, keys

from .canonical import canonical_json
from .merkle import MerkleLog, ProofError, leaf_hash
from .models import LogCheckpoint, LogEntry, LogHead, LogNode
from .note import Checkpoint, Signer, key_hash


class DbStore:
    """Perfect-subtree roots in LogNode rows, with the nodes of the batch being appended held in memory until
    ``flush``."""

    def __init__(self, size: int | None = None):
        self.pending: dict[tuple[int, int], bytes] = {}
        self._size = size

    def get(self, level: int, index: int) -> bytes:
        value = self.pending.get((level, index))
        if value is not None:
            return value
        row = LogNode.objects.filter(level=level, index=index).values_list("hash", flat=True).first()
        if row is None:
            raise ProofError(f"log node {level}/{index} is missing")
        return bytes.fromhex(row)

    def put_many(self, nodes) -> None:
        for level, index, value in nodes:
            self.pending[(level, index)] = value
            if level == 0:
                self._size = max(self.size(), index + 1)

    def size(self) -> int:
        if self._size is None:
            self._size = LogHead.objects.values_list("size", flat=True).first() or 0
        return self._size

    def flush(self) -> None:
        bulk.insert_rows(LogNode, ["level", "index", "hash"],
                         ((level, index, value.hex()) for (level, index), value in self.pending.items()))
        self.pending.clear()


def notice_texts() -> dict:
    from django.utils.translation import gettext_lazy as _

    return {"log_self_check": _("The public log failed its self-check: %(problem)s (and %(more)s more). Look into it "
                                "before the next checkpoint is published.")}


def origin() -> str:
    return settings.FTAHUB_LOG_ORIGIN or "ftahub.local/log"


def append_many(statements: list[dict]) -> list[LogEntry]:
    """Append statements (each with ``kind`` and ``ref``) in order; returns their entries."""
    if not statements:
        return []
    with transaction.atomic():
        head, _ = LogHead.objects.select_for_update().get_or_create(pk=1)
        store = DbStore(head.size)
        log = MerkleLog(store)
        entries, now = [], timezone.now()
        for statement in statements:
            data = canonical_json(statement)
            leaf = leaf_hash(data.encode("utf-8"))
            index = store.size()
            store.put_many(log.nodes_for_append(index, leaf))
            entries.append(LogEntry(index=index, kind=statement["kind"], ref=str(statement["ref"])[:300], data=data,
                                    leaf_hash=leaf.hex(), created_at=now))
        store.flush()
        bulk.insert_rows(LogEntry, ["index", "kind", "ref", "data", "leaf_hash", "created_at"],
                         ((e.index, e.kind, e.ref, e.data, e.leaf_hash, now) for e in entries))
        for entry in entries:  # as if loaded: the rows are in the database
            entry._state.adding = False
        head.size = store.size()
        head.save(update_fields=["size"])
    return entries


def append(statement: dict) -> LogEntry:
    return append_many([statement])[0]


def size() -> int:
    return LogHead.objects.values_list("size", flat=True).first() or 0


def tree(at_size: int | None = None) -> MerkleLog:
    return MerkleLog(DbStore(size() if at_size is None else at_size))


def _signer() -> Signer:
    ring = keys.log_key_ring()
    current = ring.current()
    if current is not None:
        try:
            return Signer(origin(), ring.private_key(current["kid"]))
        except KeyRingError:  # a restored key history without its private half: a new key takes over
            pass
    return Signer(origin(), ring.private_key(start_log_key()["kid"]))


def start_log_key(kid: str | None = None) -> dict:
    """A new current key for the log (the previous one retired, kept in the history). The first time, the history
    also takes the public halves of the C/O keys that signed the log's checkpoints before it had a key of its own,
    retired from today, so that those checkpoints still verify."""
    ring = keys.log_key_ring()
    today = timezone.localdate()
    if not ring.keyset() and LogCheckpoint.objects.exists():
        inherited = [{**entry, "status": "retired", "not_after": entry.get("not_after") or today.isoformat(),
                      "note": "C/O signing key that signed the log's checkpoints before the log had its own key"}
                     for entry in keys.key_ring().keyset()]
        if inherited:
            ring.adopt_public(inherited)
    return ring.generate(kid or f"log-{today:%Y%m%d}-{secrets.token_hex(2)}", today)


def key_history() -> list[dict]:
    """The log's keys, current first, each with its period and its verifier key (C2SP vkey form)."""
    history = []
    for entry in sorted(keys.log_key_ring().keyset(), key=lambda k: k.get("status") != "current"):
        raw = unb64url(entry["x"])
        vkey = f"{origin()}+{key_hash(origin(), raw).hex()}+{base64.b64encode(bytes([1]) + raw).decode()}"
        history.append({"kid": entry["kid"], "status": entry["status"], "not_before": entry["not_before"],
                        "not_after": entry["not_after"], "verifier_key": vkey})
    return history


def verifier_keys() -> list[str]:
    """The log's verifier keys (C2SP vkey form), current first: every key that ever signed a checkpoint."""
    return [entry["verifier_key"] for entry in key_history()]


def checkpoint() -> LogCheckpoint:
    """The signed checkpoint of the log's current size (signed now if the size has changed since the last one)."""
    current = size()
    existing = LogCheckpoint.objects.filter(size=current).first()
    if existing:
        return existing
    root = tree(current).root()
    stamp = timezone.now().astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    note = _signer().sign(Checkpoint(origin(), current, root, (f"— ftahub {stamp}",)).text())
    cp, _ = LogCheckpoint.objects.get_or_create(size=current, defaults={"root": root.hex(), "note": note})
    return cp


def inclusion_bundle(index: int, at: LogCheckpoint | None = None) -> dict:
    cp = at or checkpoint()
    entry = LogEntry.objects.filter(index=index).first()
    if entry is None or index >= cp.size:
        raise ProofError(f"no entry {index} in the log of size {cp.size}")
    proof = tree(cp.size).inclusion_proof(index, cp.size)
    return {"checkpoint": cp.note,
            "inclusion": {"index": index, "leaf_hash": base64.b64encode(bytes.fromhex(entry.leaf_hash)).decode(),
                          "entry": entry.data, "proof": [base64.b64encode(p).decode() for p in proof]}}


def consistency_bundle(old_size: int, new: LogCheckpoint | None = None) -> dict:
    new = new or checkpoint()
    old = LogCheckpoint.objects.filter(size=old_size).first()
    if old is None:
        raise ProofError(f"no checkpoint was published at size {old_size}")
    proof = tree(new.size).consistency_proof(old.size, new.size)
    return {"checkpoint": new.note, "consistency": {"old_checkpoint": old.note,
                                                    "proof": [base64.b64encode(p).decode() for p in proof]}}


class RestoredLogMismatch(ValueError):
    pass


def check_restored(report=print) -> None:
    """After ``ftahub restore``: the restored entries must give the root of the latest signed checkpoint."""
    latest = LogCheckpoint.objects.order_by("-size").first()
    if latest is None:
        return
    if tree(latest.size).root(latest.size).hex() != latest.root:
        raise RestoredLogMismatch(f"the restored log does not match its checkpoint at size {latest.size}")
    report(f"log: {size()} entries, consistent with the checkpoint at size {latest.size}")


def self_check(notify: bool = True) -> list[str]:
    """The hub checks its own log (#18): every entry's text hashes to its leaf, every leaf is the tree's, and the
    tree's root at the latest signed checkpoint is the signed root. Returns the problems found; when there are any
    and ``notify``, the log's logger reports them and every administrator gets a notice."""
    import logging

    from .merkle import PackedStore

    problems: list[str] = []
    latest = LogCheckpoint.objects.order_by("-size").first()
    nodes = dict(LogNode.objects.filter(level=0).values_list("index", "hash").iterator())
    rebuilt = MerkleLog(PackedStore())  # the tree again, from the entries as they would be served
    batch: list[bytes] = []
    for index, data, stored in LogEntry.objects.order_by("index").values_list("index", "data", "leaf_hash").iterator():
        if leaf_hash(data.encode("utf-8")).hex() != stored:
            problems.append(f"entry {index}: its text does not hash to its leaf")
        elif nodes.get(index) != stored:
            problems.append(f"entry {index}: its leaf is not the tree's")
        if latest is not None and index < latest.size:
            batch.append(data.encode("utf-8"))
            if len(batch) >= 10000:
                rebuilt.append_many(batch)
                batch = []
    if batch:
        rebuilt.append_many(batch)
    if latest is not None:
        if rebuilt.size != latest.size or rebuilt.root(latest.size).hex() != latest.root:
            problems.append(f"the entries do not give the root signed at size {latest.size}")
        try:
            if tree(latest.size).root(latest.size).hex() != latest.root:
                problems.append(f"the stored tree's root at size {latest.size} is not the signed checkpoint's")
        except ProofError as exc:
            problems.append(str(exc))
    if problems and notify:
        logging.getLogger(__name__).error("transparency log self-check failed: %s", "; ".join(problems[:20]))
        from django.contrib.auth import get_user_model

        from ftahub.core import notices

        for admin in get_user_model().objects.filter(is_superuser=True, is_active=True):
            notices.notify(admin, "log_self_check", url="/log/",
                           params={"problem": problems[0], "more": len(problems) - 1})
    return problems
