"""Production settings: refuse to start without a secret key; ``ftahub check --deploy`` is clean."""

import os
import subprocess
import sys

import pytest

PRODUCTION = {
    "FTAHUB_DEBUG": "0",
    "SECRET_KEY": "x7Gm2pQ9vL4rT8wZ1kN6bY3hJ5dF0sA-cE_uI9oP2qW4eR6tY8",
    "ALLOWED_HOSTS": "hub.example.gov.vn",
}


def run_cli(*args, env_extra):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "FTAHUB_DEBUG", "FTAHUB_HTTPS"}}
    env.update(env_extra)
    return subprocess.run([sys.executable, "-m", "ftahub", *args], capture_output=True, text=True, env=env,
                          timeout=120)


@pytest.mark.slow
def test_check_deploy_is_clean_with_production_settings():
    result = run_cli("check", "--deploy", "--fail-level", "WARNING", env_extra=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.slow
def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = run_cli("check", env_extra=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.slow
def test_the_console_script_lists_the_hubs_own_commands():
    result = run_cli("help", env_extra={})
    assert result.returncode == 0
    for command in ("load-reference", "load-demo", "fetch-data", "serve", "migrate"):
        assert command in result.stdout
