"""One settings module for every deployment, read from environment variables.

Debug is off unless ``FTAHUB_DEBUG=1`` (a developer's machine). The secret key comes from ``SECRET_KEY`` or, failing
that, from ``var/secret_key`` (written by ``make run``, mode 600); with neither the hub refuses to start, except in
debug, where it writes one. The embedded default database is SQLite under ``var/``.

Variables (``ENVIRONMENT`` below lists them all; a test checks each is read): DATABASE_URL, SECRET_KEY,
ALLOWED_HOSTS (comma-separated), CSRF_TRUSTED_ORIGINS, FTAHUB_DEBUG, FTAHUB_DEMO, FTAHUB_HTTPS (secure cookies, HSTS,
SSL redirect; on by default when DEBUG is off), FTAHUB_BEHIND_PROXY, FTAHUB_TRUSTED_PROXY, FTAHUB_DATA_DIR
(reference data, default ``../shared/data``), FTAHUB_VAR_DIR (database, keys, uploads; default ``var/``), FTAHUB_CONN_MAX_AGE,
FTAHUB_WORKING_HOURS, FTAHUB_HOLIDAYS, FTAHUB_ECOSYS_ADAPTER, FTAHUB_LOG_ORIGIN, FTAHUB_WORKER, FTAHUB_RATE_LIMITS,
FTAHUB_SERVER (gunicorn or waitress), FTAHUB_WORKERS,
EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS (console backend when EMAIL_HOST is
unset), DEFAULT_FROM_EMAIL, FTAHUB_LOG_LEVEL, REDIS_URL (the cache shared by every process: rate limits, sign-in lockout;
in-process memory when unset); signing keys may come from FTAHUB_SIGNING_KEY_<KID>.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

ENVIRONMENT = (
    "DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "FTAHUB_DEBUG", "FTAHUB_DEMO",
    "FTAHUB_HTTPS", "FTAHUB_BEHIND_PROXY", "FTAHUB_TRUSTED_PROXY", "FTAHUB_DATA_DIR", "FTAHUB_VAR_DIR",
    "FTAHUB_CONN_MAX_AGE",
    "FTAHUB_WORKING_HOURS", "FTAHUB_HOLIDAYS", "FTAHUB_ECOSYS_ADAPTER", "FTAHUB_LOG_ORIGIN", "FTAHUB_WORKER",
    "FTAHUB_RATE_LIMITS", "FTAHUB_SERVER", "FTAHUB_WORKERS", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", "EMAIL_USE_TLS",
    "DEFAULT_FROM_EMAIL", "FTAHUB_LOG_LEVEL", "REDIS_URL",
)
PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


VAR_DIR = Path(os.environ.get("FTAHUB_VAR_DIR", REPO_DIR / "var")).resolve()
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _default_data_dir() -> Path:
    for candidate in (REPO_DIR.parent / "shared" / "data", VAR_DIR / "data"):
        if candidate.is_dir():
            return candidate
    return VAR_DIR / "data"


FTAHUB_DATA_DIR = Path(os.environ.get("FTAHUB_DATA_DIR") or _default_data_dir()).resolve()

DEBUG = env_bool("FTAHUB_DEBUG", False)
FTAHUB_DEMO = env_bool("FTAHUB_DEMO", DEBUG)  # shows the demo banner; demo records are labelled either way

# The C/O desk: the office's working periods and the year's extra public holidays (lunar-calendar ones and the
# Government's swaps, ISO dates, comma-separated) for the 6-working-hour turnaround; the eCoSys adapter.
FTAHUB_WORKING_HOURS = os.environ.get("FTAHUB_WORKING_HOURS", "08:00-12:00,13:00-17:00")
FTAHUB_HOLIDAYS = os.environ.get("FTAHUB_HOLIDAYS", "")
FTAHUB_ECOSYS_ADAPTER = os.environ.get("FTAHUB_ECOSYS_ADAPTER", "ftahub.codesk.ecosys.ManualAdapter")
# The transparency log's name in its signed checkpoints (C2SP "origin" line): set it to this hub's address.
FTAHUB_LOG_ORIGIN = os.environ.get("FTAHUB_LOG_ORIGIN", "ftahub.local/log")
# ``ftahub serve``: Gunicorn worker processes (FTAHUB_WORKERS of them; 0: one per core and one more), or one
# Waitress process (FTAHUB_SERVER=waitress, e.g. where processes cannot fork)
FTAHUB_SERVER = os.environ.get("FTAHUB_SERVER", "gunicorn")
FTAHUB_WORKERS = int(os.environ.get("FTAHUB_WORKERS") or 0)
# ``ftahub serve`` runs queued jobs (imports) in a worker thread beside the server; 0 when ``ftahub worker`` runs apart.
FTAHUB_WORKER = env_bool("FTAHUB_WORKER", True)


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY", "")
    if key:
        return key
    key_file = VAR_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    if not DEBUG:
        raise ImproperlyConfigured(
            f"SECRET_KEY must be set (or written to {key_file}, mode 600) when FTAHUB_DEBUG is off; "
            "FTAHUB_DEBUG=1 is for a developer's machine only.")
    key_file.write_text(secrets.token_urlsafe(50))
    key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "ftahub.core",
    "ftahub.places",
    "ftahub.accounts",
    "ftahub.agreements",
    "ftahub.tariffs",
    "ftahub.origin",
    "ftahub.transparency",
    "ftahub.certificates",
    "ftahub.codesk",
    "ftahub.trace",
    "ftahub.registry",
    "ftahub.events",
    "ftahub.content",
    "ftahub.stats",
    "ftahub.markets",
    "ftahub.logistics",
    "ftahub.support",
]

MIDDLEWARE = [
    "ftahub.core.middleware.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "ftahub.core.middleware.ContentSecurityPolicyMiddleware",
    "ftahub.core.ratelimit.RateLimitMiddleware",
    "ftahub.core.middleware.BodyLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ftahub.core.middleware.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "ftahub.core.pagecache.PageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "ftahub.urls"
WSGI_APPLICATION = "ftahub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ftahub.core.context_processors.hub",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'ftahub.sqlite3'}",
        conn_max_age=int(os.environ.get("FTAHUB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; the timeout waits for a busy writer instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
# locks an account after repeated failures, on every sign-in path (ftahub/accounts/signin.py)
AUTHENTICATION_BACKENDS = ["ftahub.accounts.signin.LockoutBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "ftahub_language"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
# the largest request body any address takes unless its app declares more (``HubApp.body_limits``): the hub's
# uploads are at most 10 MB (EPCIS documents, C/O documents); the statistics import declares its own 200 MB
FTAHUB_MAX_REQUEST_BYTES = 12 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Security: strict by default in production; FTAHUB_HTTPS=0 only for a plain-HTTP demo on loopback.
HTTPS = env_bool("FTAHUB_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
BEHIND_PROXY = env_bool("FTAHUB_BEHIND_PROXY", False)
# the TLS-terminating proxy whose X-Forwarded-Proto/-For ``ftahub serve`` believes (its address as Waitress sees it)
FTAHUB_TRUSTED_PROXY = os.environ.get("FTAHUB_TRUSTED_PROXY", "127.0.0.1")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
# Rate limits on sign-in, C/O verification and EPCIS capture (ftahub.core.ratelimit); off only for tests.
FTAHUB_RATE_LIMITS = env_bool("FTAHUB_RATE_LIMITS", True)
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ftahub@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("FTAHUB_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

NINJA_PAGINATION_PER_PAGE = 50

# Rate-limit windows, sign-in failure counts and the anonymous page cache live in Django's cache: Redis (shared by
# every process and machine serving the hub) when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
# Without Redis the cache is a folder under var/, shared by the server's worker processes on this machine (a count
# kept in one process's memory would let each worker grant its own sign-in attempts).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                      "KEY_PREFIX": "ftahub"}} if REDIS_URL else {
    "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(VAR_DIR / "cache"),
                "OPTIONS": {"MAX_ENTRIES": 20000, "CULL_FREQUENCY": 4}}}
