"""The hub's transparency log: an append-only Merkle tree (RFC 6962/9162 hashing), signed checkpoints in the C2SP
signed-note format, inclusion and consistency proofs. Plain Python; storage is pluggable (memory, or the database)."""
