"""Farm form on a phone, the public trace page and the public log, in Chromium."""

import pytest

from ftahub.core.tests.browser import run_script

pytestmark = pytest.mark.slow


def test_farm_form_trace_page_and_log_in_chromium(browser_hub):
    run_script("trace.mjs", browser_hub, "trace")
