"""Fresh databases with the seed (and generated content), and gunicorn serving them."""

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from .options import PYTHON, ROOT, SETTINGS_MODULE

# Databases


class Database:
    def __init__(self, name, url_for, drop):
        self.name, self.url_for, self.drop = name, url_for, drop


def databases(options):
    found = [
        Database(
            "sqlite",
            lambda tag: f"sqlite:///{tempfile.gettempdir()}/iomsite-bench-{tag}.sqlite3",
            _drop_sqlite,
        )
    ]
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")) and not options.sqlite_only:
        found.append(Database("postgresql", lambda tag: _postgres_url(url, tag), _drop_postgres))
    return found


def _postgres_url(url, tag):
    base, _, _name = url.rpartition("/")
    return f"{base}/iomsite_bench_{tag}"


def _drop_sqlite(url):
    Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)


def _psql(url, sql):
    base, _, _name = url.rpartition("/")
    admin = f"{base}/postgres"
    subprocess.run(["psql", admin, "-q", "-c", sql], check=True, stdout=subprocess.DEVNULL)


def _drop_postgres(url):
    name = url.rpartition("/")[2]
    _psql(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Site:
    def __init__(self, env, static_root):
        self.env, self.static_root = env, static_root
        self.measurements = {}

    def stylesheet_path(self):
        manifest = json.loads((self.static_root / "staticfiles.json").read_text())
        return "/static/" + manifest["paths"]["css/site.css"]


@contextlib.contextmanager
def prepared_site(database, multiple, options):
    tag = f"{os.getpid()}_{database.name}_{multiple}"
    url = database.url_for(tag)
    static_root = Path(tempfile.mkdtemp(prefix="iomsite-bench-static-"))
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_ROOT": str(static_root),
        "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
    }
    env.pop("DJANGO_DEBUG", None)
    database.drop(url)
    try:
        if database.name == "postgresql":
            _psql(url, f'CREATE DATABASE "{url.rpartition("/")[2]}"')
        step(f"{database.name} {multiple}×: migrate, load the seed", env, "migrate", "--noinput")
        step(None, env, "load_content")
        step(None, env, "collectstatic", "--noinput")
        if multiple > 1:
            step(
                f"{database.name} {multiple}×: generate content",
                env,
                "generate_content",
                "--multiple",
                str(multiple),
            )
        site = Site(env, static_root)
        uncached = {**env, "IOMSITE_PAGE_CACHE": "0"}
        measured = json.loads(
            manage(uncached, "measure_pages", *options.pages).stdout.strip().splitlines()[-1]
        )
        site.measurements = {"pages": measured["pages"], "css_bytes": measured["css_bytes"]}
        yield site
    finally:
        database.drop(url)
        shutil.rmtree(static_root, ignore_errors=True)


def manage(env, *arguments):
    return subprocess.run(
        [PYTHON, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )


def step(message, env, *arguments):
    if message:
        print(f"== {message}", flush=True)
    manage(env, *arguments)


# Serving and load


class Server:
    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"


@contextlib.contextmanager
def gunicorn(site, *, cache, workers):
    port = free_port()
    env = {
        **site.env,
        "IOMSITE_PAGE_CACHE": "1" if cache else "0",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_ACCESS_LOG": "",
    }
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "iomsite.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    server = Server(port)
    try:
        wait_until_up(server, process)
        yield server
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(server, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn stopped during start-up")
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(server.base + "/healthz", timeout=2) as response,
        ):
            if response.status == 200:
                return
        time.sleep(0.2)
    raise SystemExit("gunicorn did not answer /healthz in time")
