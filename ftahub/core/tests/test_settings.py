"""Production settings: refuse to start without a secret key; ``ftahub check --deploy`` is clean."""

import json
import os
import subprocess
import sys

import pytest

PRODUCTION = {
    "FTAHUB_DEBUG": "0",
    "SECRET_KEY": "x7Gm2pQ9vL4rT8wZ1kN6bY3hJ5dF0sA-cE_uI9oP2qW4eR6tY8",
    "ALLOWED_HOSTS": "hub.example.gov.vn",
    "FTAHUB_BEHIND_PROXY": "1",
    "FTAHUB_TRUSTED_PROXY": "10.0.0.2",
}


def run_cli(*args, env_extra):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "FTAHUB_DEBUG", "FTAHUB_HTTPS", "FTAHUB_DEMO"}}
    env.update(env_extra)
    return subprocess.run([sys.executable, "-m", "ftahub", *args], capture_output=True, text=True, env=env,
                          timeout=120)


@pytest.mark.slow
def test_check_deploy_is_clean_with_production_settings():
    result = run_cli("check", "--deploy", "--fail-level", "WARNING", env_extra=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("change, says", [
    ({"FTAHUB_BEHIND_PROXY": "0"}, "ftahub.W001"),
    ({"FTAHUB_HTTPS": "0"}, "ftahub.W002"),
    ({"FTAHUB_TRUSTED_PROXY": "*"}, "ftahub.E003"),
])
def test_check_deploy_says_when_the_proxy_layout_is_wrong(change, says):
    result = run_cli("check", "--deploy", "--fail-level", "WARNING", env_extra={**PRODUCTION, **change})
    assert result.returncode != 0
    assert says in result.stdout + result.stderr


@pytest.mark.slow
def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = run_cli("check", env_extra={**env, "FTAHUB_VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
    assert not (tmp_path / "secret_key").exists()


@pytest.mark.slow
def test_debug_is_off_unless_asked_for_and_the_key_file_make_run_writes_is_used(tmp_path):
    """With no FTAHUB_DEBUG a hub runs as in production: debug off, HTTPS on, the key from ``var/secret_key``."""
    (tmp_path / "secret_key").write_text("k" * 60 + "\n")
    result = run_cli("shell", "-c", READ, env_extra={"FTAHUB_VAR_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    read = json.loads(result.stdout.strip().splitlines()[-1])
    assert (read["DEBUG"], read["HTTPS"], read["FTAHUB_DEMO"], read["SECRET_KEY"]) == (False, True, False, "k" * 60)


@pytest.mark.slow
def test_the_console_script_lists_the_hubs_own_commands():
    result = run_cli("help", env_extra={})
    assert result.returncode == 0
    for command in ("load-reference", "load-demo", "fetch-data", "serve", "migrate"):
        assert command in result.stdout


READ = """
import json
from django.conf import settings as s
print(json.dumps({"DATABASE": s.DATABASES["default"]["NAME"], "CONN_MAX_AGE": s.DATABASES["default"]["CONN_MAX_AGE"],
    "SECRET_KEY": s.SECRET_KEY, "ALLOWED_HOSTS": s.ALLOWED_HOSTS, "CSRF_TRUSTED_ORIGINS": s.CSRF_TRUSTED_ORIGINS,
    "DEBUG": s.DEBUG, "FTAHUB_DEMO": s.FTAHUB_DEMO, "HTTPS": s.HTTPS, "BEHIND_PROXY": s.BEHIND_PROXY,
    "FTAHUB_TRUSTED_PROXY": s.FTAHUB_TRUSTED_PROXY,
    "FTAHUB_DATA_DIR": str(s.FTAHUB_DATA_DIR), "VAR_DIR": str(s.VAR_DIR),
    "FTAHUB_WORKING_HOURS": s.FTAHUB_WORKING_HOURS, "FTAHUB_HOLIDAYS": s.FTAHUB_HOLIDAYS,
    "FTAHUB_ECOSYS_ADAPTER": s.FTAHUB_ECOSYS_ADAPTER, "FTAHUB_LOG_ORIGIN": s.FTAHUB_LOG_ORIGIN,
    "FTAHUB_WORKER": s.FTAHUB_WORKER, "FTAHUB_RATE_LIMITS": s.FTAHUB_RATE_LIMITS,
    "FTAHUB_SERVER": s.FTAHUB_SERVER, "FTAHUB_WORKERS": s.FTAHUB_WORKERS, "EMAIL_HOST": s.EMAIL_HOST,
    "EMAIL_PORT": s.EMAIL_PORT, "EMAIL_HOST_USER": s.EMAIL_HOST_USER, "EMAIL_HOST_PASSWORD": s.EMAIL_HOST_PASSWORD,
    "EMAIL_USE_TLS": s.EMAIL_USE_TLS, "DEFAULT_FROM_EMAIL": s.DEFAULT_FROM_EMAIL,
    "LOG_LEVEL": s.LOGGING["root"]["level"], "CACHE": s.CACHES["default"].get("LOCATION", "")}))
"""


@pytest.mark.slow
def test_every_documented_environment_variable_is_read(tmp_path):
    """Each variable the settings document (``ENVIRONMENT``) changes the setting it names."""
    from ftahub import settings

    given = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}", "FTAHUB_CONN_MAX_AGE": "7",
        "SECRET_KEY": "k" * 60, "ALLOWED_HOSTS": "hub.example.gov.vn", "CSRF_TRUSTED_ORIGINS": "https://hub.example.gov.vn",
        "FTAHUB_DEBUG": "1", "FTAHUB_DEMO": "0", "FTAHUB_HTTPS": "1", "FTAHUB_BEHIND_PROXY": "1",
        "FTAHUB_TRUSTED_PROXY": "10.0.0.1",
        "FTAHUB_DATA_DIR": str(tmp_path / "data"), "FTAHUB_VAR_DIR": str(tmp_path / "var"),
        "FTAHUB_WORKING_HOURS": "07:30-11:30,13:00-16:30", "FTAHUB_HOLIDAYS": "2027-02-06",
        "FTAHUB_ECOSYS_ADAPTER": "x.Adapter", "FTAHUB_LOG_ORIGIN": "hub.example.gov.vn/log", "FTAHUB_WORKER": "0",
        "FTAHUB_RATE_LIMITS": "0", "FTAHUB_SERVER": "waitress", "FTAHUB_WORKERS": "3", "EMAIL_HOST": "smtp.example.gov.vn", "EMAIL_PORT": "2525", "EMAIL_HOST_USER": "u",
        "EMAIL_HOST_PASSWORD": "p", "EMAIL_USE_TLS": "0", "DEFAULT_FROM_EMAIL": "hub@example.gov.vn",
        "FTAHUB_LOG_LEVEL": "WARNING", "REDIS_URL": "redis://127.0.0.1:6379/3",
    }
    assert sorted(given) == sorted(settings.ENVIRONMENT)
    result = run_cli("shell", "-c", READ, env_extra=given)
    assert result.returncode == 0, result.stderr
    read = json.loads(result.stdout.strip().splitlines()[-1])
    assert read == {
        "DATABASE": str(tmp_path / "x.sqlite3"), "CONN_MAX_AGE": 0,  # SQLite keeps no connection between requests
        "SECRET_KEY": "k" * 60, "ALLOWED_HOSTS": ["hub.example.gov.vn"],
        "CSRF_TRUSTED_ORIGINS": ["https://hub.example.gov.vn"], "DEBUG": True, "FTAHUB_DEMO": False, "HTTPS": True,
        "BEHIND_PROXY": True, "FTAHUB_TRUSTED_PROXY": "10.0.0.1", "FTAHUB_DATA_DIR": str(tmp_path / "data"),
        "VAR_DIR": str(tmp_path / "var"),
        "FTAHUB_WORKING_HOURS": "07:30-11:30,13:00-16:30", "FTAHUB_HOLIDAYS": "2027-02-06",
        "FTAHUB_ECOSYS_ADAPTER": "x.Adapter", "FTAHUB_LOG_ORIGIN": "hub.example.gov.vn/log", "FTAHUB_WORKER": False,
        "FTAHUB_RATE_LIMITS": False, "FTAHUB_SERVER": "waitress", "FTAHUB_WORKERS": 3,
        "EMAIL_HOST": "smtp.example.gov.vn", "EMAIL_PORT": 2525,
        "EMAIL_HOST_USER": "u", "EMAIL_HOST_PASSWORD": "p", "EMAIL_USE_TLS": False,
        "DEFAULT_FROM_EMAIL": "hub@example.gov.vn", "LOG_LEVEL": "WARNING",
        "CACHE": "redis://127.0.0.1:6379/3",
    }


@pytest.mark.slow
def test_the_conn_max_age_variable_reaches_postgresql_connections():
    result = run_cli("shell", "-c", "from django.conf import settings; "
                     "print(settings.DATABASES['default']['CONN_MAX_AGE'])",
                     env_extra={"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test", "FTAHUB_CONN_MAX_AGE": "7"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "7"
