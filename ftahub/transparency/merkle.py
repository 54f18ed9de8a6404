"""RFC 6962 / RFC 9162 Merkle tree: leaf = SHA-256(0x00 || data), node = SHA-256(0x01 || left || right).

The log stores the root of every *perfect* subtree as it completes (level h, index i covers leaves
[i·2^h, (i+1)·2^h)). Appending costs O(log n) writes at worst (amortised O(1)); any subtree root, and so any proof,
is assembled from O(log n) stored nodes — no leaf is ever re-hashed.

Plain Python: no Django. Batch appends hash whole levels at once through the optional C accelerator
``_batchhash`` (SHA-256 from the libcrypto that hashlib uses) when it was built; otherwise in Python, with the
same bytes.
"""

import hashlib
from collections.abc import Iterable
from typing import Any, Protocol

_batchhash: Any
try:
    from . import _batchhash  # type: ignore[attr-defined,no-redef]

    _batchhash.init()
except ImportError:  # not compiled here, or no libcrypto: the pure-Python path below
    _batchhash = None

EMPTY_ROOT = hashlib.sha256(b"").digest()


class ProofError(ValueError):
    """A proof does not verify, or the request for one is out of range."""


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def accelerated() -> bool:
    """Whether batch hashing runs in the C accelerator."""
    return _batchhash is not None


def leaf_hashes(entries: list[bytes]) -> bytes:
    """The leaf hashes of ``entries``, concatenated (32 bytes each)."""
    if _batchhash is not None:
        try:
            hashed: bytes = _batchhash.leaf_hashes(entries)
            return hashed
        except TypeError:  # bytearray or memoryview entries
            hashed = _batchhash.leaf_hashes([bytes(e) for e in entries])
            return hashed
    sha = hashlib.sha256
    return b"".join([sha(b"\x00" + e).digest() for e in entries])


def parent_hashes(level: bytes) -> bytes:
    """Node hashes of consecutive (left, right) pairs of a level given as concatenated 32-byte hashes."""
    if len(level) % 64:
        raise ValueError("a level's length must be a multiple of 64 bytes")
    if _batchhash is not None:
        parents: bytes = _batchhash.parents(level)
        return parents
    sha = hashlib.sha256
    return b"".join([sha(b"\x01" + level[i:i + 64]).digest() for i in range(0, len(level), 64)])


class NodeStore(Protocol):
    def get(self, level: int, index: int) -> bytes: ...
    def put_many(self, nodes: list[tuple[int, int, bytes]]) -> None: ...
    def size(self) -> int: ...


class PackedStore:
    """Perfect-subtree roots packed 32 bytes each in one bytearray per level: about 64 bytes per entry in all,
    so ten million entries fit in some 640 MB (benchmarks, and a log kept in memory)."""

    def __init__(self) -> None:
        self.levels: list[bytearray] = []
        self.count = 0

    def get(self, level: int, index: int) -> bytes:
        row = self.levels[level]
        return bytes(row[index * 32:(index + 1) * 32])

    def put_many(self, nodes: Iterable[tuple[int, int, bytes]]) -> None:
        for level, index, value in nodes:
            while len(self.levels) <= level:
                self.levels.append(bytearray())
            row = self.levels[level]
            if index * 32 == len(row):
                row += value
            else:
                row[index * 32:(index + 1) * 32] = value
            if level == 0:
                self.count = max(self.count, index + 1)

    def append_level(self, level: int, values: bytes) -> None:
        while len(self.levels) <= level:
            self.levels.append(bytearray())
        self.levels[level] += values
        if level == 0:
            self.count = len(self.levels[0]) // 32

    def size(self) -> int:
        return self.count


class MemoryStore:
    """Perfect-subtree roots in memory (tests, benchmarks)."""

    def __init__(self) -> None:
        self.levels: list[list[bytes]] = []
        self.count = 0

    def get(self, level: int, index: int) -> bytes:
        return self.levels[level][index]

    def put_many(self, nodes: Iterable[tuple[int, int, bytes]]) -> None:
        for level, index, value in nodes:
            while len(self.levels) <= level:
                self.levels.append([])
            row = self.levels[level]
            if index == len(row):
                row.append(value)
            else:
                row[index] = value
            if level == 0:
                self.count = max(self.count, index + 1)

    def size(self) -> int:
        return self.count


def _largest_power_of_two_below(n: int) -> int:
    """k = 2^i with k < n ≤ 2k (n ≥ 2)."""
    return 1 << ((n - 1).bit_length() - 1)


class MerkleLog:
    def __init__(self, store: NodeStore | None = None):
        self.store = store or MemoryStore()

    @property
    def size(self) -> int:
        return self.store.size()

    # -- writing ------------------------------------------------------------------------------------------------
    def nodes_for_append(self, index: int, leaf: bytes) -> list[tuple[int, int, bytes]]:
        """The nodes that appending ``leaf`` at ``index`` completes: the leaf, then each perfect parent."""
        nodes = [(0, index, leaf)]
        level, value = 0, leaf
        while index & 1:
            sibling = self.store.get(level, index - 1)
            value = node_hash(sibling, value)
            index >>= 1
            level += 1
            nodes.append((level, index, value))
        return nodes

    def append(self, data: bytes) -> int:
        """Append one entry; returns its index."""
        index = self.size
        self.store.put_many(self.nodes_for_append(index, leaf_hash(data)))
        return index

    def append_many(self, entries: list[bytes]) -> int:
        """Append a batch; returns the index of the first. On a PackedStore whole levels are hashed at once."""
        first = self.size
        if not isinstance(self.store, PackedStore):
            for entry in entries:
                self.append(entry)
            return first
        store = self.store
        new = leaf_hashes(entries)
        level = 0
        while new:
            row = store.levels[level] if len(store.levels) > level else b""
            # a level with an odd count has a node waiting for its right sibling: it pairs with the first new one
            pending = bytes(row[-32:]) + new if (len(row) // 32) % 2 else new
            store.append_level(level, new)
            new = parent_hashes(pending[:len(pending) - len(pending) % 64])
            level += 1
        return first

    # -- reading ------------------------------------------------------------------------------------------------
    def subtree_root(self, start: int, end: int) -> bytes:
        """MTH of leaves [start, end), built from stored perfect subtrees."""
        n = end - start
        if n <= 0:
            return EMPTY_ROOT
        if n & (n - 1) == 0 and start % n == 0:
            return self.store.get(n.bit_length() - 1, start // n)
        k = _largest_power_of_two_below(n)
        return node_hash(self.subtree_root(start, start + k), self.subtree_root(start + k, end))

    def root(self, size: int | None = None) -> bytes:
        size = self.size if size is None else size
        if size > self.size:
            raise ProofError(f"tree size {size} is beyond the log's {self.size} entries")
        return self.subtree_root(0, size)

    def leaf(self, index: int) -> bytes:
        return self.store.get(0, index)

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        """RFC 9162 PATH(m, D[n]): the audit path of leaf ``index`` in the tree of ``size`` leaves."""
        size = self.size if size is None else size
        if not 0 <= index < size <= self.size:
            raise ProofError(f"no leaf {index} in a tree of {size} (log has {self.size})")
        proof: list[bytes] = []
        start, end = 0, size
        while end - start > 1:
            k = _largest_power_of_two_below(end - start)
            if index < start + k:
                proof.append(self.subtree_root(start + k, end))
                end = start + k
            else:
                proof.append(self.subtree_root(start, start + k))
                start += k
        proof.reverse()
        return proof

    def consistency_proof(self, old_size: int, new_size: int | None = None) -> list[bytes]:
        """RFC 9162 PROOF(m, D[n]) between tree sizes ``old_size`` ≤ ``new_size``."""
        new_size = self.size if new_size is None else new_size
        if not 0 <= old_size <= new_size <= self.size:
            raise ProofError(f"no consistency proof from {old_size} to {new_size} (log has {self.size})")
        if old_size == 0 or old_size == new_size:
            return []
        return self._subproof(old_size, 0, new_size, True)

    def _subproof(self, m: int, start: int, end: int, complete: bool) -> list[bytes]:
        n = end - start
        if m == n:
            return [] if complete else [self.subtree_root(start, end)]
        k = _largest_power_of_two_below(n)
        if m <= k:
            return self._subproof(m, start, start + k, complete) + [self.subtree_root(start + k, end)]
        return self._subproof(m - k, start + k, end, False) + [self.subtree_root(start, start + k)]


# -- verification (RFC 9162 §2.1.3.2 and §2.1.4.2) --------------------------------------------------------------

def root_from_inclusion_proof(index: int, size: int, leaf: bytes, proof: list[bytes]) -> bytes:
    if index >= size or index < 0:
        raise ProofError(f"leaf index {index} is not below tree size {size}")
    if any(len(p) != 32 for p in proof) or len(leaf) != 32:
        raise ProofError("hashes must be 32 bytes")
    fn, sn = index, size - 1
    r = leaf
    for p in proof:
        if sn == 0:
            raise ProofError("proof is longer than the tree is deep")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn & 1 == 0 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofError("proof is shorter than the tree is deep")
    return r


def verify_inclusion(index: int, size: int, leaf: bytes, proof: list[bytes], root: bytes) -> None:
    """Raises ProofError unless ``proof`` shows ``leaf`` at ``index`` in the tree of ``size`` with ``root``."""
    if len(root) != 32:
        raise ProofError("hashes must be 32 bytes")
    if root_from_inclusion_proof(index, size, leaf, proof) != root:
        raise ProofError("inclusion proof does not lead to the root")


def verify_consistency(old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: list[bytes]) -> None:
    """Raises ProofError unless ``proof`` shows the tree of ``new_size`` extends the tree of ``old_size``."""
    if old_size > new_size or old_size < 0:
        raise ProofError("the old size is larger than the new size")
    if old_size == 0:
        raise ProofError("a consistency proof from the empty tree proves nothing")
    if old_size == new_size:
        if proof:
            raise ProofError("a proof between equal sizes must be empty")
        if old_root != new_root:
            raise ProofError("equal sizes with different roots")
        return
    if any(len(p) != 32 for p in proof) or len(old_root) != 32 or len(new_root) != 32:
        raise ProofError("hashes must be 32 bytes")
    if not proof:
        raise ProofError("empty consistency proof")
    path = list(proof)
    if old_size & (old_size - 1) == 0:  # a power of two: the old root is the first node
        path.insert(0, old_root)
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise ProofError("proof is longer than expected")
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while fn & 1 == 0 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofError("proof is shorter than expected")
    if fr != old_root:
        raise ProofError("consistency proof does not lead to the old root")
    if sr != new_root:
        raise ProofError("consistency proof does not lead to the new root")

