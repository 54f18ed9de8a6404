"""Properties of the log: every proof it gives verifies; any altered leaf or proof fails; appends stay consistent."""

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ftahub.transparency.merkle import (
    MerkleLog,
    ProofError,
    leaf_hash,
    verify_consistency,
    verify_inclusion,
)

entries = st.lists(st.binary(max_size=40), min_size=1, max_size=70)


def build(items):
    log = MerkleLog()
    for item in items:
        log.append(item)
    return log


@settings(max_examples=80, deadline=None)
@given(entries, st.data())
def test_every_inclusion_proof_verifies_and_tampering_fails(items, data):
    log = build(items)
    size = data.draw(st.integers(min_value=1, max_value=len(items)))
    index = data.draw(st.integers(min_value=0, max_value=size - 1))
    proof = log.inclusion_proof(index, size)
    root = log.root(size)
    verify_inclusion(index, size, leaf_hash(items[index]), proof, root)
    try:
        verify_inclusion(index, size, leaf_hash(items[index] + b"x"), proof, root)
        raise AssertionError("an altered leaf verified")
    except ProofError:
        pass
    if proof:
        at = data.draw(st.integers(min_value=0, max_value=len(proof) - 1))
        altered = list(proof)
        altered[at] = bytes([altered[at][0] ^ 1]) + altered[at][1:]
        try:
            verify_inclusion(index, size, leaf_hash(items[index]), altered, root)
            raise AssertionError("an altered proof verified")
        except ProofError:
            pass


@settings(max_examples=80, deadline=None)
@given(entries, st.data())
def test_consistency_holds_across_appends(items, data):
    log = build(items)
    new = data.draw(st.integers(min_value=1, max_value=len(items)))
    old = data.draw(st.integers(min_value=1, max_value=new))
    verify_consistency(old, new, log.root(old), log.root(new), log.consistency_proof(old, new))
    if old < new:
        try:
            verify_consistency(old, new, log.root(old), log.root(new)[::-1], log.consistency_proof(old, new))
            raise AssertionError("a wrong new root verified")
        except ProofError:
            pass


def test_roots_do_not_depend_on_when_they_were_computed():
    items = [bytes([i]) for i in range(100)]
    log = build(items)
    for size in (1, 2, 3, 31, 64, 65, 100):
        assert log.root(size) == build(items[:size]).root()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.binary(max_size=20), max_size=300), st.lists(st.integers(min_value=1, max_value=40), min_size=1))
def test_batch_appends_build_the_same_tree_as_single_appends(items, batches):
    from ftahub.transparency.merkle import PackedStore

    single = build(items) if items else MerkleLog()
    batched = MerkleLog(PackedStore())
    i = 0
    for n in batches * (len(items) // max(1, sum(batches)) + 1):
        if i >= len(items):
            break
        batched.append_many(items[i:i + n])
        i += n
    assert batched.size == len(items)
    for size in range(0, len(items) + 1, 13):
        assert batched.root(size) == single.root(size)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.binary(max_size=70), min_size=1, max_size=200), st.integers(min_value=1, max_value=64))
def test_the_c_accelerator_and_pure_python_give_the_same_log(items, batch):
    from ftahub.transparency import merkle

    def run():
        log = merkle.MerkleLog(merkle.PackedStore())
        for i in range(0, len(items), batch):
            log.append_many(items[i:i + batch])
        return [log.root(n) for n in range(1, len(items) + 1, 7)] + [log.root()]

    accelerator = merkle._batchhash
    try:
        merkle._batchhash = None
        pure = run()
    finally:
        merkle._batchhash = accelerator
    assert run() == pure


@pytest.mark.skipif(sys.platform != "linux", reason="the accelerator finds libcrypto by its Linux name")
def test_the_accelerator_is_built_and_takes_any_bytes_like_entry():
    import hashlib

    from ftahub.transparency import merkle

    # `make install` compiles it (setup.py); a silent fallback would leave the log at a third of its speed
    assert merkle.accelerated()
    entries = [b"a", bytearray(b"b"), memoryview(b"c")]
    assert merkle.leaf_hashes(entries) == b"".join(hashlib.sha256(b"\x00" + bytes(e)).digest() for e in entries)
    with pytest.raises(ValueError):
        merkle.parent_hashes(b"x" * 63)
