"""In a real browser: the home page in both languages, instant search, sign-in for each demo role."""

import pytest

from ftahub.core.tests.browser import run_script

pytestmark = pytest.mark.slow


def test_site_shell_in_chromium(browser_hub):
    run_script("site_shell.mjs", browser_hub, "site_shell")
