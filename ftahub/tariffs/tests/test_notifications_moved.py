"""The watchlist's notices moved to the hub-wide table (core): a database migrated before the move keeps every
notice, with its date and read state."""

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

SEED = """
from django.db import connection
with connection.cursor() as c:
    c.execute("INSERT INTO accounts_user (password, is_superuser, username, first_name, last_name, email, is_staff, "
              "is_active, date_joined, role) VALUES ('', 0, 'an', '', '', '', 0, 1, '2026-01-01', 'business')")
    c.execute("INSERT INTO tariffs_notification (user_id, kind, message, url, created_at, read_at) VALUES "
              "((SELECT id FROM accounts_user), 'staged_cut', 'EVFTA falls to 0%', '/hs/lookup/', "
              "'2026-11-02 08:00:00', NULL)")
"""
READ = """
from ftahub.core.models import Notification
n = Notification.objects.get()
print(n.user.username, n.kind, n.message, n.created_at.date().isoformat(), n.read_at)
"""


def test_notices_written_before_the_move_are_still_there(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'old.sqlite3'}", "FTAHUB_VAR_DIR": str(tmp_path)}

    def ftahub(*args):
        done = subprocess.run([sys.executable, "-m", "ftahub", *args], env=env, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    ftahub("migrate", "tariffs", "0006", "-v", "0")  # the schema before the move
    ftahub("shell", "-c", SEED)
    ftahub("migrate", "-v", "0")
    assert ftahub("shell", "-c", READ).strip().splitlines()[-1] == "an staged_cut EVFTA falls to 0% 2026-11-02 None"
