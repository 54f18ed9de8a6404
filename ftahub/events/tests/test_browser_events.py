"""Register, fill the fair, join the waiting list and be promoted, in Chromium."""

import pytest

from ftahub.core.tests.browser import run_script

pytestmark = pytest.mark.slow


def test_waitlist_and_promotion_in_chromium(browser_hub):
    run_script("events.mjs", browser_hub, "events")
