"""``ftahub fetch-data`` downloads the manifest's files from their addresses and checks every SHA-256.

Served here by a local HTTP server on loopback, standing in for the public addresses.
"""

import hashlib
import http.server
import json
import threading
from functools import partial

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


@pytest.fixture
def server(tmp_path):
    root = tmp_path / "published"
    root.mkdir()
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def publish(root, base, files: dict[str, bytes], wrong: set[str] = frozenset()):
    entries = []
    for name, content in files.items():
        (root / name.replace("/", "_")).write_bytes(content)
        digest = hashlib.sha256(b"something else" if name in wrong else content).hexdigest()
        entries.append({"file": name, "sha256": digest, "url": f"{base}/{name.replace('/', '_')}"})
    manifest = root.parent / "MANIFEST.json"
    manifest.write_text(json.dumps({"files": entries}))
    return manifest


def test_downloads_verifies_and_skips_what_is_already_there(server, tmp_path, capsys):
    root, base = server
    manifest = publish(root, base, {"hs2022/sections.csv": b"section,name\nI,Live animals\n", "a.json": b"{}"})
    dest = tmp_path / "data"
    call_command("fetch-data", "--manifest", str(manifest), "--dest", str(dest))
    assert (dest / "hs2022/sections.csv").read_bytes() == b"section,name\nI,Live animals\n"
    assert "2 downloaded" in capsys.readouterr().out
    call_command("fetch-data", "--manifest", str(manifest), "--dest", str(dest))
    assert "0 downloaded, 2 already up to date" in capsys.readouterr().out


def test_a_file_whose_hash_does_not_match_is_not_written(server, tmp_path):
    root, base = server
    manifest = publish(root, base, {"good.csv": b"ok\n", "bad.csv": b"tampered\n"}, wrong={"bad.csv"})
    dest = tmp_path / "data"
    with pytest.raises(CommandError, match="bad.csv"):
        call_command("fetch-data", "--manifest", str(manifest), "--dest", str(dest))
    assert (dest / "good.csv").exists()
    assert not (dest / "bad.csv").exists()
    assert not list(dest.glob(".fetch-*"))


def test_a_manifest_pointing_outside_the_data_directory_is_refused(tmp_path):
    manifest = tmp_path / "MANIFEST.json"
    manifest.write_text(json.dumps({"files": [{"file": "../evil", "sha256": "0" * 64, "url": "http://127.0.0.1:9/x"}]}))
    with pytest.raises(CommandError, match="outside"):
        call_command("fetch-data", "--manifest", str(manifest), "--dest", str(tmp_path / "d"))


def test_the_shipped_manifest_matches_the_data_on_disk(settings):
    """Every file the manifest lists is present with its published hash (so fetch-data would download nothing)."""
    from pathlib import Path

    from ftahub.core.fetch import read_manifest, sha256_of

    data = Path(settings.FTAHUB_DATA_DIR)
    manifest = read_manifest(str(data / "MANIFEST.json"))
    assert len(manifest["files"]) > 300
    for entry in manifest["files"][:40]:
        assert sha256_of(data / entry["file"]) == entry["sha256"], entry["file"]
