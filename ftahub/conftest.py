"""Shared fixtures: the real reference data is loaded once into the test database; people are made by factories."""

import os

import pytest
from django.test import Client

from ftahub.accounts.demo import demo_tax_code
from ftahub.accounts.models import Enterprise, User
from ftahub.places.models import Province


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from ftahub.core.reference import load_reference

    with django_db_blocker.unblock():
        load_reference(report=lambda line: None)


def solved_challenge(client, url: str) -> dict[str, str]:
    """The proof-of-work fields of the form at ``url``, solved as the page's script solves them."""
    import re

    from ftahub.common.challenge import solve

    puzzle = re.search(r'name="challenge" value="([^"]+)"', client.get(url).content.decode()).group(1)
    return {"challenge": puzzle, "challenge_answer": solve(puzzle)}


def province(code: int) -> Province:
    return Province.objects.get(era=Province.Era.FROM_2025, code=code)


class Factory:
    """Builds enterprises and users of every role, in code (no fixtures files)."""

    def __init__(self):
        self.serial = 500

    def enterprise(self, province_code: int = 24, **fields) -> Enterprise:
        self.serial += 1
        from stdnum.vn import mst

        return Enterprise.objects.create(
            tax_code=mst.format(demo_tax_code(self.serial)),
            name=fields.pop("name", f"Test enterprise {self.serial}"),
            province=province(province_code),
            **fields,
        )

    def user(self, role: str, province_code: int | None = None, enterprise: Enterprise | None = None,
             **fields) -> User:
        self.serial += 1
        user = User(username=fields.pop("username", f"user{self.serial}"), role=role,
                    province=province(province_code) if province_code else None, enterprise=enterprise, **fields)
        user.set_password("correct horse battery")
        user.save()
        return user


@pytest.fixture
def make(db) -> Factory:
    return Factory()


@pytest.fixture
def client_for():
    def login(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return login


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploads go to a temporary folder, never the demo's var/media. Rate limits are off (their own test turns them
    on): the test client comes from one address."""
    settings.FTAHUB_RATE_LIMITS = False
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path / "var"  # signing keys and other private files


@pytest.fixture(autouse=True)
def fresh_reference_cache():
    """Each test sees the database, not reference data cached by an earlier test."""
    from ftahub.core import refcache

    refcache.clear()
    yield
    refcache.clear()


@pytest.fixture(scope="session")
def browser_hub(tmp_path_factory):
    """One running hub (production settings, its own SQLite file with the reference and demo data) shared by every
    browser test of the session; skips, or fails in CI, when no browser can run. The hub's database is SQLite
    whatever the suite's, so the browser tests run once, on the SQLite pass: the PostgreSQL pass would repeat them
    exactly (FTAHUB_BROWSER_ON_POSTGRES=1 runs them anyway)."""
    from ftahub.core.tests.browser import RunningHub, require_browser

    if os.environ.get("DATABASE_URL", "").startswith("postgres") and not os.environ.get("FTAHUB_BROWSER_ON_POSTGRES"):
        pytest.skip("the browser hub runs on its own SQLite database: these tests ran on the SQLite pass")
    require_browser()
    hub = RunningHub(tmp_path_factory.mktemp("hub"))
    yield hub
    hub.stop()
