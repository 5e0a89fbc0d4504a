"""Production serving: the deploy checks, gunicorn's settings, and the real
stack (bin/deploy, gunicorn, WhiteNoise) on a free loopback port with the
production settings."""

import gzip
import json
import os
import runpy
import subprocess
import time

import pytest

from tests.servers import BASE_DIR, PYTHON, free_port, manage, production_environment, serving

ONE_YEAR = "max-age=31536000; includeSubDomains; preload"


# Settings


def test_check_deploy_reports_no_issue_with_the_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_environment())

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_a_missing_production_setting_stops_the_app_server_naming_it(missing):
    """The app server never falls back to the development settings."""
    env = production_environment()
    del env[missing]

    result = subprocess.run(
        [PYTHON, "-c", "import iomsite.wsgi"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{missing} must be set when DJANGO_DEBUG is off" in result.stderr


def test_the_redis_timeout_comes_from_the_environment():
    env = production_environment(REDIS_URL="redis://cache.internal:6379/0", REDIS_TIMEOUT="0.3")
    assert read_settings("s.CACHES['default']['OPTIONS']", env) == {
        "socket_connect_timeout": 0.3,
        "socket_timeout": 0.3,
    }


def test_a_redis_timeout_that_is_not_a_number_of_seconds_stops_start_up_naming_it():
    env = production_environment(REDIS_URL="redis://cache.internal:6379/0", REDIS_TIMEOUT="soon")

    result = manage("check", env=env)

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "manage.py: REDIS_TIMEOUT must be a number of seconds above 0, not 'soon'."
    ]


def test_turning_the_https_redirect_off_is_explicit_and_still_passes_the_deploy_check():
    env = production_environment(DJANGO_SECURE_SSL_REDIRECT="0")
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr
    # The one warning about it is silenced on purpose, and says so.
    assert "System check identified no issues (1 silenced)." in result.stdout


def read_settings(code, env):
    script = f"from django.conf import settings as s; import json; print(json.dumps({code}))"
    result = subprocess.run(
        [PYTHON, "-c", f"import django; django.setup(); {script}"],
        cwd=BASE_DIR,
        env={**env, "DJANGO_SETTINGS_MODULE": "iomsite.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_tls_proxy_switch_trusts_x_forwarded_proto_only_when_set():
    code = "[s.SECURE_SSL_REDIRECT, s.SECURE_PROXY_SSL_HEADER]"
    assert read_settings(code, production_environment()) == [True, None]
    assert read_settings(code, production_environment(DJANGO_BEHIND_TLS_PROXY="1")) == [
        True,
        ["HTTP_X_FORWARDED_PROTO", "https"],
    ]


def test_the_policy_is_enforced_in_production_and_only_reported_in_development():
    code = "[bool(s.SECURE_CSP), bool(s.SECURE_CSP_REPORT_ONLY)]"
    assert read_settings(code, production_environment()) == [True, False]
    # Django's debug error pages need their inline styles and scripts.
    assert read_settings(code, production_environment(DJANGO_DEBUG="1")) == [False, True]


def test_the_admin_path_and_static_root_come_from_the_environment(tmp_path):
    env = production_environment(
        DJANGO_ADMIN_PATH="/editors-desk/", DJANGO_STATIC_ROOT=str(tmp_path)
    )
    assert read_settings("[s.ADMIN_PATH, str(s.STATIC_ROOT)]", env) == [
        "editors-desk/",
        str(tmp_path),
    ]


def test_the_admin_is_served_under_the_path_set_in_the_environment():
    env = production_environment(DJANGO_ADMIN_PATH="/editors-desk/")
    code = (
        "[__import__('django.urls').urls.reverse('admin:login'),"
        " __import__('django.urls').urls.resolve('/editors-desk/login/').view_name]"
    )
    assert read_settings(code, env) == ["/editors-desk/login/", "admin:login"]


# gunicorn.conf.py


def gunicorn_settings(**env):
    saved = os.environ.copy()
    try:
        for name in ("GUNICORN_BIND", "WEB_CONCURRENCY", "GUNICORN_THREADS"):
            os.environ.pop(name, None)
        os.environ.update(env)
        return runpy.run_path(str(BASE_DIR / "gunicorn.conf.py"))
    finally:
        os.environ.clear()
        os.environ.update(saved)


def test_gunicorn_defaults():
    config = gunicorn_settings()

    assert config["bind"] == "127.0.0.1:8000"
    assert config["workers"] == min(2 * os.cpu_count() + 1, 12)
    assert config["threads"] == 2
    assert config["accesslog"] == "-"
    assert config["errorlog"] == "-"
    assert config["timeout"] == 30
    assert config["graceful_timeout"] == 30
    assert config["control_socket_disable"] is True
    if os.path.isdir("/dev/shm"):
        assert config["worker_tmp_dir"] == "/dev/shm"


def test_gunicorn_takes_bind_workers_and_threads_from_the_environment():
    config = gunicorn_settings(
        GUNICORN_BIND="0.0.0.0:9000", WEB_CONCURRENCY="5", GUNICORN_THREADS="4"
    )
    assert (config["bind"], config["workers"], config["threads"]) == ("0.0.0.0:9000", 5, 4)


def test_make_serve_runs_the_production_stack_on_loopback_over_plain_http():
    result = subprocess.run(
        ["make", "-n", "serve"], cwd=BASE_DIR, capture_output=True, text=True, timeout=60
    )
    commands = result.stdout
    assert "unset DJANGO_DEBUG" in commands
    assert "DJANGO_SECRET_KEY=" in commands and ".dev-secret-key" in commands
    assert "DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost" in commands
    assert "DJANGO_SECURE_SSL_REDIRECT=0" in commands
    assert "GUNICORN_BIND=127.0.0.1:8000" in commands
    assert "bin/deploy" in commands


# The real stack


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    """bin/deploy run twice, as a release would: once without serving, then in
    full, ending in gunicorn. A fresh SQLite database and static folder."""
    folder = tmp_path_factory.mktemp("deployed")
    port = free_port()
    env = production_environment(
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        DJANGO_STATIC_ROOT=str(folder / "static"),
        DJANGO_BEHIND_TLS_PROXY="1",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="2",
        GUNICORN_THREADS="2",
    )
    prepare = subprocess.run(
        ["bin/deploy", "--no-serve"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert prepare.returncode == 0, prepare.stdout[-3000:] + prepare.stderr[-3000:]

    # Stops gunicorn (or whatever step bin/deploy had reached), always.
    with serving(["bin/deploy"], env, folder, port) as server:
        server.prepare_output = prepare.stdout
        yield server


def test_deploy_prepares_everything_and_a_second_run_changes_nothing(deployed):
    first = deployed.prepare_output
    assert "System check identified no issues (0 silenced)." in first
    assert "created" in first

    second = (deployed.folder / "stdout.log").read_text()
    assert "System check identified no issues (0 silenced)." in second
    assert "No migrations to apply." in second
    assert "0 static files copied" in second
    assert "0 changes." in second


def assert_security_headers(headers):
    assert headers["Strict-Transport-Security"] == ONE_YEAR
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp


def test_the_overview_page_is_served_with_every_security_header(deployed):
    status, headers, body = deployed.get("/")

    assert status == 200
    assert "International Organization for Migration" in body.decode()
    assert_security_headers(headers)


def test_the_admin_login_page_is_served_with_every_security_header(deployed):
    status, headers, _ = deployed.get("/admin/login/")

    assert status == 200
    assert_security_headers(headers)
    cookie = headers["Set-Cookie"]
    assert "csrftoken=" in cookie and "Secure" in cookie and "HttpOnly" in cookie


def test_plain_http_is_redirected_to_https(deployed):
    status, headers, _ = deployed.get("/names/", tls=False)

    assert status == 301
    assert headers["Location"] == "https://iom.example.org/names/"


def test_healthz_answers_over_plain_http_and_is_never_cached(deployed):
    status, headers, body = deployed.get("/healthz", tls=False)

    assert status == 200
    assert json.loads(body) == {"status": "ok", "database": "ok", "cache": "not configured"}
    assert "no-store" in headers["Cache-Control"]


def stylesheet_url(deployed):
    html = deployed.get("/")[2].decode()
    start = html.index('href="/static/css/site.') + len('href="')
    return html[start : html.index('"', start)]


def test_the_stylesheet_has_a_hashed_name_and_is_cached_for_ten_years(deployed):
    url = stylesheet_url(deployed)
    assert len(url.split(".")) == 3  # site.<hash>.css

    status, headers, body = deployed.get(url)

    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert headers["Cache-Control"] == "max-age=315360000, public, immutable"
    assert b".site-header" in body


def test_the_stylesheet_is_sent_compressed_to_browsers_that_accept_it(deployed):
    url = stylesheet_url(deployed)
    plain = deployed.get(url)[2]

    status, headers, body = deployed.get(url, **{"Accept-Encoding": "gzip"})

    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in headers["Vary"]
    assert len(body) < len(plain)
    assert gzip.decompress(body) == plain


def test_a_file_without_a_hash_in_its_name_is_cached_briefly(deployed):
    status, headers, _ = deployed.get("/static/css/site.css")

    assert status == 200
    assert headers["Cache-Control"] == "max-age=600, public"


def test_access_log_goes_to_stdout_and_stderr_holds_only_json(deployed):
    deployed.get("/sources/")
    time.sleep(0.5)

    assert "GET /sources/ HTTP/1.1" in (deployed.folder / "stdout.log").read_text()
    stderr = (deployed.folder / "stderr.log").read_text()
    served = stderr.split("deploy: starting gunicorn\n", 1)[1]
    entries = [json.loads(line) for line in served.splitlines()]
    assert any(e["logger"] == "gunicorn.error" and "Listening at" in e["message"] for e in entries)
