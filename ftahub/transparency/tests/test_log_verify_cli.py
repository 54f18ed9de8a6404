"""``ftahub log verify``: offline checks of inclusion and consistency bundles against signed checkpoints."""

import base64
import json
import subprocess
import sys

import pytest

from ftahub.transparency.merkle import MerkleLog
from ftahub.transparency.note import Checkpoint, Signer

pytestmark = pytest.mark.slow


def b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


@pytest.fixture(scope="module")
def world():
    signer = Signer.generate("ftahub.example/log")
    log = MerkleLog()
    for i in range(13):
        log.append(f"event {i}".encode())

    def checkpoint(size):
        return signer.sign(Checkpoint("ftahub.example/log", size, log.root(size)).text())

    return signer, log, checkpoint


def run(tmp_path, bundle, key):
    path = tmp_path / "bundle.json"
    path.write_text(bundle if isinstance(bundle, str) else json.dumps(bundle))
    return subprocess.run([sys.executable, "-m", "ftahub", "log", "verify", str(path), "--key", key, "--json"],
                          capture_output=True, text=True, timeout=60)


def test_inclusion_and_consistency_verify_offline(tmp_path, world):
    signer, log, checkpoint = world
    inclusion = {"checkpoint": checkpoint(13), "inclusion": {
        "index": 5, "leaf_hash": b64(log.leaf(5)), "proof": [b64(p) for p in log.inclusion_proof(5, 13)]}}
    result = run(tmp_path, inclusion, signer.verifier_key())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["valid"] is True
    consistency = {"checkpoint": checkpoint(13), "consistency": {
        "old_checkpoint": checkpoint(8), "proof": [b64(p) for p in log.consistency_proof(8, 13)]}}
    assert run(tmp_path, consistency, signer.verifier_key()).returncode == 0


def test_a_wrong_leaf_or_key_does_not_verify(tmp_path, world):
    signer, log, checkpoint = world
    bundle = {"checkpoint": checkpoint(13), "inclusion": {
        "index": 5, "leaf_hash": b64(log.leaf(6)), "proof": [b64(p) for p in log.inclusion_proof(5, 13)]}}
    result = run(tmp_path, bundle, signer.verifier_key())
    assert result.returncode == 1 and json.loads(result.stdout)["valid"] is False
    stranger = Signer.generate("ftahub.example/log")
    assert run(tmp_path, {"checkpoint": checkpoint(13)}, stranger.verifier_key()).returncode == 1


@pytest.mark.parametrize("bundle, code", [("not json", 2), ({"no": "checkpoint"}, 2), ({"checkpoint": 5}, 2),
                                          ({"checkpoint": "x", "inclusion": {"index": "a"}}, 1)])
def test_unusable_input_exits_2_and_an_unsigned_checkpoint_1(tmp_path, world, bundle, code):
    signer, _, _ = world
    result = run(tmp_path, bundle, signer.verifier_key())
    assert result.returncode == code
    if code == 2:
        assert result.stderr.startswith("ftahub log verify:") and result.stderr.count("\n") == 1


def test_a_bad_key_exits_2(tmp_path, world):
    _, _, checkpoint = world
    result = run(tmp_path, {"checkpoint": checkpoint(3)}, "nonsense+00+AA==")
    assert result.returncode == 2 and "verifier key" in result.stderr
