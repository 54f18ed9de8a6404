"""Settings for the test suite: the production settings with plain HTTP, the demo label and a throw-away key.

Debug stays off as in production (the hub's own default); only what a test client on ``http://testserver`` needs is
relaxed, in the environment, so that hubs the tests start in a subprocess (which read ``ftahub.settings`` itself)
find the same unless a test says otherwise.
"""

import os

os.environ.setdefault("FTAHUB_HTTPS", "0")
os.environ.setdefault("FTAHUB_DEMO", "1")
os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-used-anywhere-else-0123456789abcdef")
if os.environ.get("DJANGO_SETTINGS_MODULE") == __name__:
    os.environ["DJANGO_SETTINGS_MODULE"] = "ftahub.settings"

from ftahub.settings import *  # noqa: E402,F403

# templates find static files without a collected manifest (``collectstatic`` is not part of the test run)
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
# one process: the cache in memory (each test starts from a fresh version of the page cache, see conftest)
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
