"""Two app servers, one database, one cache: what one publishes, the other serves at once.

Two real gunicorn instances run with the production settings on one PostgreSQL
database and one Redis server, as behind a load balancer. A reviewer publishes a
change through instance A; the very next read through instance B, whose copy of
the page sits in the shared cache, shows it.

It needs PostgreSQL on 127.0.0.1:5432 (user postgres, no password) and Redis on
127.0.0.1:6379. Without them it is skipped, saying so; in CI (``CI`` set) it fails.
"""

import contextlib
import fcntl
import os
import pickle
import re
import secrets
import subprocess
import tempfile
import time
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.servers import (
    BASE_DIR,
    GUNICORN,
    HOST,
    PYTHON,
    free_port,
    in_ci,
    manage,
    production_environment,
    running,
    stop,
    wait_until_serving,
)

POSTGRES = "postgresql://postgres@127.0.0.1:5432"
# A database number of its own, emptied before and after: nothing else's keys are touched.
REDIS_URL = "redis://127.0.0.1:6379/13"
# Runs on one machine share that Redis database: they take turns.
LOCK = Path(tempfile.gettempdir()) / "iomsite-test-two-instances.lock"

PERSON = "/people/amy-e-pope/"
OLD_TEXT = "She is the first woman to lead IOM."
NEW_TEXT = f"Summary published through instance A, check {secrets.token_hex(4)}."
MARK = b"<!-- served from the shared cache -->"


# The services


def connect_postgres():
    import psycopg

    return psycopg.connect(f"{POSTGRES}/postgres", autocommit=True, connect_timeout=3)


def connect_redis():
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3, socket_timeout=10)
    client.ping()
    return client


def require(name, connect, how):
    try:
        return connect()
    except Exception as error:  # any failure to answer: refused, timed out, login refused
        problem = " ".join(f"{type(error).__name__}: {error}".split())[:300]
    reason = f"This test needs {name}, which did not answer ({problem}). {how}"
    if in_ci():
        pytest.fail(f"{reason} (CI is set, so this fails instead of being skipped.)")
    pytest.skip(reason)


@contextlib.contextmanager
def taking_turns(timeout=120):
    with open(LOCK, "w") as lock:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    pytest.fail(f"Another run held {LOCK} for {timeout} s.")
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture
def services():
    """(PostgreSQL connection, Redis client) once both answer; else skip, or fail in CI."""
    postgres = require(
        "PostgreSQL on 127.0.0.1:5432 (user postgres, trust authentication)",
        connect_postgres,
        "Start one there, e.g. `apt-get install postgresql` with `host all postgres "
        "127.0.0.1/32 trust` in pg_hba.conf.",
    )
    try:
        redis = require(
            "Redis on 127.0.0.1:6379",
            connect_redis,
            "Start one there, e.g. `apt-get install redis-server`, or `redis-server --daemonize "
            "yes`.",
        )
        try:
            yield postgres, redis
        finally:
            redis.close()
    finally:
        postgres.close()


PASSWORD = "IOMSITE_PASSWORD"  # read by create_user --no-input
PREPARE = """
from django.core.management import call_command

call_command("migrate", interactive=False)
call_command("load_content")
call_command("create_user", "reviewer", role="reviewer", interactive=False)
"""


@pytest.fixture
def two_instances(services, tmp_path):
    """A fresh database with the seed and a reviewer, an empty Redis database, and
    gunicorn serving both on two free ports: (A, B, Redis client, password).
    Everything is stopped, dropped and emptied afterwards, whatever happened."""
    postgres, redis = services
    database = f"iomsite_two_{os.getpid()}"
    password = secrets.token_urlsafe(16)
    env = production_environment(
        DATABASE_URL=f"{POSTGRES}/{database}",
        REDIS_URL=REDIS_URL,
        IOMSITE_PAGE_CACHE="1",
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_BEHIND_TLS_PROXY="1",
        # One worker each: two separate processes are what the test is about.
        WEB_CONCURRENCY="1",
        GUNICORN_THREADS="2",
    )

    def drop():
        postgres.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    with taking_turns(), contextlib.ExitStack() as cleanup:
        redis.flushdb()
        cleanup.callback(redis.flushdb)
        drop()
        postgres.execute(f'CREATE DATABASE "{database}"')
        cleanup.callback(drop)  # last: after the servers below are stopped
        # A throwaway database need not wait for the disk at each commit. Committed
        # rows are still visible to every other connection at once.
        postgres.execute(f'ALTER DATABASE "{database}" SET synchronous_commit = off')

        # Static files need no database: collected meanwhile, in a process of their own.
        collect = cleanup.enter_context(
            subprocess.Popen(
                [PYTHON, "manage.py", "collectstatic", "--noinput"],
                cwd=BASE_DIR,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                start_new_session=True,
            )
        )
        cleanup.callback(stop, collect)
        # The release step, in one process to start Django once.
        prepared = manage("shell", "--no-imports", "-c", PREPARE, env={**env, PASSWORD: password})
        assert prepared.returncode == 0, prepared.stdout[-2000:] + prepared.stderr[-3000:]
        output = collect.communicate(timeout=120)[0]
        assert collect.returncode == 0, f"collectstatic failed:\n{output[-3000:]}"

        # Both instances start together.
        servers = []
        ports = set()
        while len(ports) < 2:
            ports.add(free_port())
        for name, port in zip(("a", "b"), sorted(ports), strict=True):
            instance_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
            servers.append(
                cleanup.enter_context(running(GUNICORN, instance_env, tmp_path / name, port))
            )
        cleanup.callback(stop, *(server.process for server in servers))  # both at once
        for server in servers:
            wait_until_serving(server)
        yield *servers, redis, password


# A browser, as far as this test needs one


class Browser:
    """Keeps the cookies itself: they are Secure, and the servers are reached over
    plain http behind a pretend TLS proxy (X-Forwarded-Proto), where a cookie jar
    would rightly keep them to itself."""

    def __init__(self):
        self.cookies = {}
        self.secure = set()

    def request(self, server, method, path, fields=None):
        headers = {}
        body = None
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if fields is not None:
            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            # What a browser sends with a form post on an https page; Django's
            # CSRF check compares it with the host.
            headers["Origin"] = f"https://{HOST}"
            headers["Referer"] = f"https://{HOST}{path}"
        status, response_headers, content = server.request(method, path, body=body, **headers)
        for line in response_headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(line).items():
                self.cookies[name] = morsel.value
                if morsel["secure"]:
                    self.secure.add(name)
        return status, response_headers, content.decode()

    def get(self, server, path):
        return self.request(server, "GET", path)

    def post(self, server, path, fields):
        return self.request(server, "POST", path, fields)


class FormFields(HTMLParser):
    """What a browser would post from the form with the given id: every enabled,
    named input, select and textarea with its current value, in page order."""

    SKIPPED_TYPES = {"submit", "button", "image", "reset", "file"}

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.fields = []
        self.select = None  # [name, multiple, options [(value, selected)]]
        self.option = None  # [attrs, text]
        self.textarea = None  # [name, text]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = attrs.get("id") == self.form_id
        if not self.in_form or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in self.SKIPPED_TYPES:
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value") or "on"))
                return
            self.fields.append((name, attrs.get("value") or ""))
        elif tag == "select" and name:
            self.select = [name, "multiple" in attrs, []]
        elif tag == "option" and self.select is not None:
            self.option = [attrs, ""]
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_data(self, data):
        if self.option is not None:
            self.option[1] += data
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "option" and self.option is not None:
            attrs, text = self.option
            self.select[2].append((attrs.get("value", text.strip()), "selected" in attrs))
            self.option = None
        elif tag == "select" and self.select is not None:
            name, multiple, options = self.select
            chosen = [value for value, selected in options if selected]
            if not chosen and not multiple and options:
                chosen = [options[0][0]]
            self.fields += [(name, value) for value in chosen]
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            # Browsers drop the newline that follows <textarea>.
            self.fields.append((name, text.removeprefix("\r").removeprefix("\n")))
            self.textarea = None


def form_fields(html, form_id):
    parser = FormFields(form_id)
    parser.feed(html)
    parser.close()
    assert parser.fields, f"No form #{form_id} on the page"
    return parser.fields


def replaced(fields, **values):
    """The fields with the given ones' values replaced (added when absent)."""
    names = {name for name, _ in fields}
    missing = set(values) - names
    return [(n, values.get(n, v)) for n, v in fields] + [(n, values[n]) for n in missing]


def errors_in(html):
    return re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S) or html[-2000:]


# The test


def test_a_change_published_through_one_instance_is_served_at_once_by_the_other(
    two_instances,
):
    a, b, redis, password = two_instances
    reader, reviewer = Browser(), Browser()

    # B renders the page and stores it in Redis, under the only page key so far.
    status, _, first = reader.get(b, PERSON)
    assert status == 200, first[-2000:]
    assert OLD_TEXT in first
    keys = redis.keys("*page:*")
    assert len(keys) == 1, keys
    content, headers = pickle.loads(redis.get(keys[0]))
    assert content.decode() == first
    # Mark the stored copy: a page carrying the mark came from Redis, not from a renderer.
    redis.set(keys[0], pickle.dumps((content + MARK, headers)), keepttl=True)
    status, _, second = reader.get(b, PERSON)
    assert (status, second) == (200, first + MARK.decode())
    assert reader.get(a, PERSON)[2] == first + MARK.decode()  # A shares it

    # The reviewer signs in through A.
    status, _, page = reviewer.get(a, "/admin/login/?next=/admin/")
    assert status == 200
    status, response, page = reviewer.post(
        a,
        "/admin/login/?next=/admin/",
        replaced(form_fields(page, "login-form"), username="reviewer", password=password),
    )
    assert status == 302 and response["Location"] == "/admin/", errors_in(page)
    # Production cookies are Secure; the session one goes back with every request.
    assert {"csrftoken", "sessionid"} <= reviewer.secure

    # The reviewer opens Amy E. Pope's change form and saves a new summary.
    status, response, page = reviewer.get(a, "/admin/orgs/person/?q=amy-e-pope")
    assert status == 200, response["Location"]
    change_url = re.search(r'href="(/admin/orgs/person/\d+/change/)', page)[1]
    status, _, page = reviewer.get(a, change_url)
    assert status == 200 and "Amy E. Pope" in page
    fields = form_fields(page, "person_form")
    assert dict(fields)["summary"].endswith(OLD_TEXT)
    assert {"base_version", "terms-TOTAL_FORMS"} <= set(dict(fields))
    status, response, page = reviewer.post(
        a,
        change_url,
        replaced(
            fields,
            summary=NEW_TEXT,
            edit_summary="Checking that every app server shows a published change at once.",
            _save="Save",
        ),
    )
    assert status == 302, errors_in(page)
    assert response["Location"].startswith("/admin/orgs/person/")

    # At once, with no retry: B serves the new text, not its marked copy.
    status, _, page = reader.get(b, PERSON)
    assert status == 200
    assert NEW_TEXT in page
    assert OLD_TEXT not in page
    assert MARK.decode() not in page
    assert reader.get(b, "/")[0] == 200
