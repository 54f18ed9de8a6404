"""A hub for tests that run it as its users do: migrated and loaded with the reference data on its own SQLite file,
served by Waitress with production settings, stopped (or killed) and restarted at will."""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from ftahub.core.tests.browser import free_port


class Hub:
    def __init__(self, tmp: Path):
        self.env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp / 'hub.sqlite3'}", "FTAHUB_VAR_DIR": str(tmp / "var"),
                    "FTAHUB_DEBUG": "0", "FTAHUB_HTTPS": "0", "FTAHUB_RATE_LIMITS": "0",
                    "SECRET_KEY": "test-hub-secret-key-not-used-anywhere-else-0123456789"}
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.ftahub("migrate", "--no-input", "-v", "0")
        self.ftahub("load-reference")

    def ftahub(self, *args) -> str:
        done = subprocess.run([sys.executable, "-m", "ftahub", *args], env=self.env, capture_output=True, text=True,
                              timeout=300)
        if done.returncode:
            raise RuntimeError(f"ftahub {args[0]} exited with {done.returncode}:\n{done.stderr[-3000:]}")
        return done.stdout

    def shell(self, code: str) -> str:
        return self.ftahub("shell", "-c", code).strip().splitlines()[-1]

    def start(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "ftahub", "serve", "--port", str(self.port)],
                                        env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(300):
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=1)
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the hub did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
