"""Run the hub for real (Waitress, production settings, its own SQLite file) and drive it with Playwright.

Browser tests need node, playwright-core (npm ci) and Debian's chromium. Without them the tests skip with the
reason, except in CI (CI=true), where a missing browser is a failure: CI must run them.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
OUTPUT = REPO / "test-output" / "browser"


def require_browser() -> str:
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
    problems = []
    if not chromium:
        problems.append("Debian's chromium is not installed (apt-get install chromium)")
    if not shutil.which("node"):
        problems.append("node is not installed")
    if not (REPO / "node_modules" / "playwright-core").is_dir():
        problems.append("playwright-core is not installed (npm ci)")
    if problems:
        message = "browser tests need: " + "; ".join(problems)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return chromium


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RunningHub:
    def __init__(self, tmp: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "FTAHUB_DEBUG"}},
            "FTAHUB_VAR_DIR": str(tmp / "var"),
            "DATABASE_URL": f"sqlite:///{tmp / 'hub.sqlite3'}",
            "FTAHUB_DEBUG": "0",
            "FTAHUB_HTTPS": "0",
            "FTAHUB_DEMO": "1",
            "FTAHUB_RATE_LIMITS": "0",  # every browser test signs in from 127.0.0.1
            "SECRET_KEY": "browser-test-secret-key-not-used-anywhere-else-0123456789",
        }
        for command in (["migrate", "--no-input", "-v", "0"], ["load-reference"], ["load-demo"],
                        ["collectstatic", "--no-input", "-v", "0"]):
            self.ftahub(*command)
        self.log_path = tmp / "server.log"  # emails are printed here (console backend): tests read their links
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen([sys.executable, "-m", "ftahub", "serve", "--port", str(self.port)],
                                        env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("the hub did not start: " + (tmp / "server.log").read_text())

    def ftahub(self, *args):
        subprocess.run([sys.executable, "-m", "ftahub", *args], env=self.env, check=True, capture_output=True,
                       timeout=300)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.log.close()


def run_script(script: str, hub: RunningHub, name: str, timeout: int = 300, **env: str) -> None:
    chromium = require_browser()
    out = OUTPUT / name
    result = subprocess.run(["node", str(REPO / "tests" / "browser" / script), hub.base, str(out)],
                            capture_output=True, text=True, timeout=timeout, cwd=REPO,
                            env={**os.environ, "CHROMIUM": chromium, "FTAHUB_SERVER_LOG": str(hub.log_path), **env})
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
