"""C2SP signed notes and checkpoints: the specification's own examples, and our signatures round-tripping."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from ftahub.transparency.note import Checkpoint, NoteError, Signer, Verifier, open_note

EXAMPLES = json.loads((Path(settings.FTAHUB_DATA_DIR) / "c2sp-examples/example_vectors.json").read_text())


def test_the_specifications_signed_note_verifies():
    example = EXAMPLES["signed_note"]
    verifier = Verifier.parse(example["vkey"])
    text, names = open_note(example["note"], [verifier])
    assert text == "This is an example message.\n" and names == ["example.com/foo"]
    with pytest.raises(NoteError):
        open_note(example["note"].replace("example message", "exampel message"), [verifier])


def test_the_specifications_checkpoint_parses_and_prints_back():
    example = EXAMPLES["tlog_checkpoint_example"]
    text = example["note"].split("\n\n")[0] + "\n"
    checkpoint = Checkpoint.parse(text)
    assert (checkpoint.origin, checkpoint.size) == (example["origin"], example["tree_size"])
    assert checkpoint.text() == text


def test_our_checkpoints_sign_and_verify_and_an_unknown_key_is_refused():
    signer = Signer.generate("ftahub.example/log")
    checkpoint = Checkpoint("ftahub.example/log", 7, bytes(range(32)))
    note = signer.sign(checkpoint.text())
    text, names = open_note(note, [signer.verifier()])
    assert Checkpoint.parse(text) == checkpoint and names == ["ftahub.example/log"]
    other = Signer.generate("ftahub.example/log")
    with pytest.raises(NoteError, match="no signature by a known key"):
        open_note(note, [other.verifier()])
    tampered = note.replace("\n7\n", "\n8\n")
    with pytest.raises(NoteError, match="bad signature"):
        open_note(tampered, [signer.verifier()])


@pytest.mark.parametrize("vkey", ["", "a+b+c", "name+00000000+AQ==", "bad name+12345678+AQ=="])
def test_malformed_verifier_keys_are_refused(vkey):
    with pytest.raises(NoteError):
        Verifier.parse(vkey)


def test_verifier_keys_whose_base64_holds_a_plus_sign_parse():
    """Base64 uses '+': only the first two '+' separate the parts (a flaky failure CI found)."""
    for _ in range(64):
        signer = Signer.generate("ftahub.example/log")
        assert Verifier.parse(signer.verifier_key()).key_hash == signer.key_hash
