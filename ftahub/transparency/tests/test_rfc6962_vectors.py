"""The published test vectors: RFC 6962 roots for sizes 0..8, and the 196 inclusion and consistency probes of
transparency-dev/merkle (testdata/), each of which a correct verifier must accept or reject as marked."""

import base64
import json
from pathlib import Path

import pytest
from django.conf import settings

from ftahub.transparency.merkle import MerkleLog, ProofError, verify_consistency, verify_inclusion

VECTORS = Path(settings.FTAHUB_DATA_DIR) / "rfc6962-vectors"


def b64(text):
    return base64.b64decode(text) if text else b""


def probes(kind):
    return sorted((VECTORS / "testdata" / kind).rglob("*.json"))


def test_roots_for_every_size_from_0_to_8():
    vectors = json.loads((VECTORS / "vectors.json").read_text())
    log = MerkleLog()
    assert log.root().hex() == vectors["roots_by_tree_size_hex"][0]
    for size, leaf in enumerate(vectors["leaf_inputs_hex"], start=1):
        log.append(bytes.fromhex(leaf))
        assert log.root().hex() == vectors["roots_by_tree_size_hex"][size]


@pytest.mark.parametrize("path", probes("inclusion"), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_inclusion_probes(path):
    probe = json.loads(path.read_text())
    args = (probe["leafIdx"], probe["treeSize"], b64(probe["leafHash"]), [b64(p) for p in probe["proof"] or []],
            b64(probe["root"]))
    if probe["wantErr"]:
        with pytest.raises(ProofError):
            verify_inclusion(*args)
    else:
        verify_inclusion(*args)


@pytest.mark.parametrize("path", probes("consistency"), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_consistency_probes(path):
    probe = json.loads(path.read_text())
    args = (probe["size1"], probe["size2"], b64(probe["root1"]), b64(probe["root2"]),
            [b64(p) for p in probe["proof"] or []])
    if probe["wantErr"]:
        with pytest.raises(ProofError):
            verify_consistency(*args)
    else:
        verify_consistency(*args)


def test_there_are_98_probes_of_each_kind():
    assert len(probes("inclusion")) == 98 and len(probes("consistency")) == 98
