"""Setting up on a fresh clone: management commands need no variable locally
(and stop in one line naming a missing production setting when production is
asked for), `make run` takes a port, `make test` installs the HTML checker's pinned tools
itself, and every command the README gives exists."""

import os
import re
import shutil
import subprocess

import pytest
from django.core.management import get_commands

from tests.servers import BASE_DIR, manage, production_environment

MAKE = shutil.which("make") or "/usr/bin/make"
README = (BASE_DIR / "README.md").read_text()


def developer_environment():
    """A developer's shell on a fresh clone: no Django, app server or CI variable."""
    return {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "GUNICORN_", "IOMSITE_"))
        and name not in ("DATABASE_URL", "REDIS_URL", "WEB_CONCURRENCY", "PORT", "CI")
    }


def make(*arguments, env=None, cwd=BASE_DIR):
    return subprocess.run(
        [MAKE, *arguments],
        cwd=cwd,
        env=env or developer_environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )


# Management commands


def test_management_commands_run_locally_without_any_variable():
    result = manage("check", env=developer_environment())

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_create_user_as_the_readme_gives_it_starts_without_any_variable():
    result = manage("create_user", "--help", env=developer_environment())

    assert result.returncode == 0, result.stderr
    assert "--role ROLE" in result.stdout


@pytest.mark.parametrize(
    ("missing", "hint"),
    [
        ("DJANGO_SECRET_KEY", "a long random string"),
        ("DJANGO_ALLOWED_HOSTS", "comma-separated host names"),
    ],
)
def test_a_missing_production_setting_stops_manage_py_in_one_line_naming_it(missing, hint):
    env = production_environment(DJANGO_DEBUG="0")
    del env[missing]

    result = manage("check", env=env)

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"manage.py: {missing} must be set when DJANGO_DEBUG is off ({hint})."
    ]


def test_a_deploy_without_a_secret_key_stops_naming_it():
    """bin/deploy asks manage.py for the production settings, set or not."""
    env = production_environment()
    del env["DJANGO_SECRET_KEY"]

    result = subprocess.run(
        ["bin/deploy", "--no-serve"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "manage.py: DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off" in result.stderr
    assert "Traceback" not in result.stderr


# make run and make test


def test_make_run_serves_on_port_8000_or_the_one_given():
    assert "runserver 127.0.0.1:8000" in make("-n", "run").stdout
    assert "runserver 127.0.0.1:8001" in make("-n", "run", "PORT=8001").stdout
    assert "GUNICORN_BIND=127.0.0.1:8001" in make("-n", "serve", "PORT=8001").stdout


def test_make_test_installs_the_node_tools_first():
    commands = make("-n", "test").stdout

    assert commands.index("npm ci") < commands.index(".venv/bin/pytest")


def project_copy(folder):
    """What the node-tools target reads, in a folder of its own."""
    for name in ("Makefile", "package.json", "package-lock.json"):
        shutil.copy2(BASE_DIR / name, folder / name)
    return folder


def fake_npm(folder):
    """An npm that notes how it was called and installs nothing but npm's own record."""
    bin_folder = folder / "bin"
    bin_folder.mkdir()
    npm = bin_folder / "npm"
    npm.write_text(
        "#!/bin/sh\n"
        'echo "$*" >> npm-calls.log\n'
        "mkdir -p node_modules && touch node_modules/.package-lock.json\n"
    )
    npm.chmod(0o755)
    return bin_folder


def npm_calls(folder):
    log = folder / "npm-calls.log"
    return log.read_text().splitlines() if log.exists() else []


def test_the_node_tools_are_installed_when_missing_or_older_than_the_lock_file(tmp_path):
    project = project_copy(tmp_path)
    env = {**developer_environment(), "PATH": f"{fake_npm(tmp_path)}:/usr/bin:/bin"}

    make("node-tools", env=env, cwd=project)
    make("node-tools", env=env, cwd=project)  # up to date: nothing to do
    installed = (project / "node_modules" / ".package-lock.json").stat().st_mtime
    os.utime(project / "package-lock.json", (installed + 10, installed + 10))
    make("node-tools", env=env, cwd=project)

    assert npm_calls(project) == ["ci --no-audit --no-fund"] * 2


def test_without_node_the_html_check_is_skipped_saying_so(tmp_path):
    project = project_copy(tmp_path)
    no_node = tmp_path / "empty"
    no_node.mkdir()

    result = make("node-tools", env={**developer_environment(), "PATH": str(no_node)}, cwd=project)

    assert result.returncode == 0, result.stderr
    assert (
        "npm not found: the HTML check (tests/iomsite/test_html_validity.py) will be skipped"
        in result.stdout
    )
    assert not (project / "node_modules").exists()


# The README


def code_in_readme():
    spans = re.findall(r"`([^`\n]+)`", README)
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    return spans + [line for block in blocks for line in block.splitlines()]


def test_the_readme_runs_manage_py_with_the_virtual_environments_python():
    """On a fresh clone, `python` has no Django: `.venv/bin/python` does."""
    bare = [code for code in code_in_readme() if re.search(r"(?<![/\w])python manage\.py", code)]
    assert not bare


def test_every_management_command_in_the_readme_exists():
    named = {m for code in code_in_readme() for m in re.findall(r"manage\.py (\w+)", code)}
    named.discard("COMMAND")

    assert named, "the README names no management command"
    assert named <= set(get_commands()), named - set(get_commands())


def test_every_make_target_in_the_readme_exists():
    named = {m for code in code_in_readme() for m in re.findall(r"^make (\w[\w-]*)", code)}
    phony = re.search(r"^\.PHONY: (.*)$", (BASE_DIR / "Makefile").read_text(), re.M)[1].split()

    assert named, "the README names no make target"
    assert named <= set(phony), named - set(phony)
