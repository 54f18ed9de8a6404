from ninja import Schema


class EntryOut(Schema):
    index: int
    kind: str
    ref: str
    data: str  # the statement as logged: canonical JSON text
    leaf_hash: str


class Inclusion(Schema):
    index: int
    leaf_hash: str  # base64
    entry: str
    proof: list[str]  # base64 hashes, leaf to root


class InclusionBundle(Schema):
    checkpoint: str  # the signed note
    inclusion: Inclusion


class Consistency(Schema):
    old_checkpoint: str
    proof: list[str]


class ConsistencyBundle(Schema):
    checkpoint: str
    consistency: Consistency


class LogKey(Schema):
    kid: str
    status: str  # current or retired
    not_before: str
    not_after: str | None
    verifier_key: str  # C2SP vkey: <origin>+<key hash>+<base64 key>
