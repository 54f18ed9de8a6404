"""A backup round-trips the database (including the transparency log), uploads, statistics and the public key set
into a new database, and a damaged backup is refused before anything is restored. Run in separate processes on
their own SQLite files, as an operator would."""

import io
import json
import subprocess
import sys
import tarfile

import pytest

SETUP = """
import datetime
from ftahub.accounts.models import Enterprise
from ftahub.agreements.models import TradeAgreement
from ftahub.certificates import service
from ftahub.places.models import Province
from ftahub.transparency import ledger
service.key_ring().generate("backup-test", datetime.date(2026, 1, 1))
p = Province.objects.get(era="2025", code=24)
e = Enterprise.objects.create(tax_code="9900009996", name="Backup (demo)", province=p)
service.issue({"co_number": "BACKUP-1", "agreement": "CPTPP", "form": "CPTPP", "issued_on": "2026-11-02",
               "items": []}, TradeAgreement.objects.get(code="CPTPP"), p, e)
ledger.append({"kind": "test", "ref": "x"})
from ftahub.tariffs.models import HSCode, TariffRate
TariffRate.objects.create(line=HSCode.objects.get(code="08109020"), column="nkud", raw="25", kind="ad_valorem",
                          percent=25, valid_from=datetime.date(2027, 1, 1), valid_to=datetime.date(2027, 12, 31),
                          source="imported by hand (test)", edition="2027 test")
print(ledger.checkpoint().root)
"""
STATE = """
import json
from ftahub.certificates import service
from ftahub.certificates.models import IssuedCertificate
from ftahub.transparency import ledger
from ftahub.transparency.models import LogCheckpoint, LogEntry
c = IssuedCertificate.objects.get(co_number="BACKUP-1")
cp = LogCheckpoint.objects.order_by("-size").first()
from ftahub.tariffs.models import TariffRate
print(json.dumps({"rates": TariffRate.objects.count(), "by_hand": TariffRate.objects.filter(edition="2027 test").count(),
                  "entries": list(LogEntry.objects.values_list("index", "leaf_hash")), "root": cp.root,
                  "recomputed": ledger.tree(cp.size).root().hex(), "verify": service.verify_payload(c.payload)["status"]}))
"""


def ftahub(env, *args, check=True):
    return subprocess.run([sys.executable, "-m", "ftahub", *args], env=env, capture_output=True, text=True,
                          timeout=300, check=check)


@pytest.fixture
def hubs(tmp_path):
    import os

    def env(name):
        return {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / name}.sqlite3",
                "FTAHUB_VAR_DIR": str(tmp_path / f"var-{name}")}

    return env("source"), env("target")


def test_backup_restores_into_a_new_database(hubs, tmp_path):
    source, target = hubs
    for env in hubs:
        ftahub(env, "migrate", "--no-input", "-v", "0")
    ftahub(source, "load-reference")
    ftahub(source, "shell", "-c", SETUP)
    (tmp_path / "var-source" / "stats" / "trade").mkdir(parents=True)
    (tmp_path / "var-source" / "stats" / "trade" / "x.parquet").write_bytes(b"PAR1 demo")
    archive = tmp_path / "hub.tar.gz"
    ftahub(source, "backup", str(archive))
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "keys/keyset.json" in names and not any(n.endswith(".pem") for n in names)
    restored = ftahub(target, "restore", str(archive))
    assert "consistent with the checkpoint" in restored.stdout
    before = json.loads(ftahub(source, "shell", "-c", STATE).stdout.strip().splitlines()[-1])
    after = json.loads(ftahub(target, "shell", "-c", STATE).stdout.strip().splitlines()[-1])
    assert after["entries"] == before["entries"] and after["root"] == after["recomputed"] == before["root"]
    assert after["verify"] == "valid"  # the public key set came back with the records
    # the whole tariff is left out of the backup and loaded again from the data directory; rates imported by
    # hand are kept
    assert not any("tariffrate" in n.lower() for n in names) and "rows/tariffs-imported-rates.json" in names
    assert after["rates"] == before["rates"] == 263436 + 1 and after["by_hand"] == 1
    assert (tmp_path / "var-target" / "stats" / "trade" / "x.parquet").read_bytes() == b"PAR1 demo"
    again = ftahub(target, "restore", str(archive), check=False)
    assert again.returncode != 0 and "not empty" in again.stderr


def test_a_damaged_backup_is_refused(hubs, tmp_path):
    source, target = hubs
    ftahub(source, "migrate", "--no-input", "-v", "0")
    archive = tmp_path / "hub.tar.gz"
    ftahub(source, "backup", str(archive))
    with tarfile.open(archive) as tar:
        members = [(m, tar.extractfile(m).read()) for m in tar.getmembers()]
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(damaged, "w:gz") as tar:
        for member, data in members:
            if member.name == "database.json":
                data = data.replace(b"[", b"[ ", 1)
                member.size = len(data)
            tar.addfile(member, io.BytesIO(data))
    ftahub(target, "migrate", "--no-input", "-v", "0")
    refused = ftahub(target, "restore", str(damaged), check=False)
    assert refused.returncode != 0 and "does not match the manifest" in refused.stderr
    assert "cannot read" in ftahub(target, "restore", str(tmp_path / "none.tar.gz"), check=False).stderr
