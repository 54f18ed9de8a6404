"""Offline proof bundles: a signed checkpoint plus an inclusion or consistency proof, as JSON, checked with the
log's public verifier key only.

    {"checkpoint": "<signed note>", "inclusion": {"index": 5, "leaf_hash": "<base64>", "entry": "<statement, optional>",
                                                  "proof": ["<base64>", ...]}}
    {"checkpoint": "<signed note>", "consistency": {"old_checkpoint": "<signed note>", "proof": [...]}}

Plain Python: no Django.
"""

import base64
import binascii
from typing import Any

from .merkle import ProofError, leaf_hash, verify_consistency, verify_inclusion
from .note import Checkpoint, NoteError, Verifier, open_note


class BundleError(ValueError):
    """The bundle cannot be read: unusable input."""


def _b64(value: object, what: str) -> bytes:
    if not isinstance(value, str):
        raise BundleError(f"{what} must be base64 text")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise BundleError(f"{what} is not valid base64") from None


def _checkpoint(note: object, verifier: Verifier) -> Checkpoint:
    if not isinstance(note, str):
        raise BundleError("checkpoint must be the signed note text")
    text, _ = open_note(note, [verifier])
    return Checkpoint.parse(text)


def check_bundle(bundle: dict[str, Any], verifier: Verifier) -> dict[str, Any]:
    """Returns a report {"valid": bool, "reason", "checkpoint": {...}}; BundleError for unusable input."""
    if not isinstance(bundle, dict) or "checkpoint" not in bundle:
        raise BundleError("a proof bundle is a JSON object with a 'checkpoint'")
    try:
        checkpoint = _checkpoint(bundle["checkpoint"], verifier)
    except NoteError as exc:
        return {"valid": False, "reason": f"checkpoint: {exc}"}
    report: dict[str, Any] = {"checkpoint": {"origin": checkpoint.origin, "size": checkpoint.size,
                             "root": base64.b64encode(checkpoint.root).decode()}}
    try:
        if "inclusion" in bundle:
            inc = bundle["inclusion"]
            if not isinstance(inc, dict) or not isinstance(inc.get("index"), int):
                raise BundleError("inclusion needs an integer index, a leaf_hash and a proof list")
            proof = [_b64(p, "proof hash") for p in inc.get("proof") or []]
            leaf = _b64(inc.get("leaf_hash"), "leaf_hash")
            if "entry" in inc:  # the statement itself: its hash must be the leaf
                if not isinstance(inc["entry"], str):
                    raise BundleError("entry must be the statement's text")
                if leaf_hash(inc["entry"].encode("utf-8")) != leaf:
                    return {**report, "valid": False, "reason": "the entry's text does not hash to the leaf"}
                report["entry"] = inc["entry"]
            verify_inclusion(inc["index"], checkpoint.size, leaf, proof, checkpoint.root)
            report.update(valid=True, reason="", proved=f"entry {inc['index']} is in the log of size "
                                                        f"{checkpoint.size}")
        elif "consistency" in bundle:
            con = bundle["consistency"]
            if not isinstance(con, dict):
                raise BundleError("consistency needs an old_checkpoint and a proof list")
            try:
                old = _checkpoint(con.get("old_checkpoint"), verifier)
            except NoteError as exc:
                return {**report, "valid": False, "reason": f"old checkpoint: {exc}"}
            if old.origin != checkpoint.origin:
                return {**report, "valid": False, "reason": "the checkpoints are of different logs"}
            proof = [_b64(p, "proof hash") for p in con.get("proof") or []]
            verify_consistency(old.size, checkpoint.size, old.root, checkpoint.root, proof)
            report.update(valid=True, reason="", proved=f"the log of size {checkpoint.size} extends the log of "
                                                        f"size {old.size}")
        else:
            report.update(valid=True, reason="", proved="the checkpoint is signed by the log's key")
    except ProofError as exc:
        report.update(valid=False, reason=str(exc))
    return report
