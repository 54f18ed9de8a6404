"""In a real browser: the home page in both languages, instant search, sign-in for each demo role."""

import pytest

from .browser import RunningHub, require_browser, run_script

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    require_browser()
    running = RunningHub(tmp_path_factory.mktemp("hub"))
    yield running
    running.stop()


def test_site_shell_in_chromium(hub):
    run_script("site_shell.mjs", hub, require_browser(), "site_shell")
