"""Running the real production stack from tests: manage.py commands and gunicorn
(or bin/deploy) in subprocesses, with the production settings, on free loopback
ports, always stopped afterwards."""

import contextlib
import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = settings.BASE_DIR
PYTHON = sys.executable
# The gunicorn installed next to this Python, as bin/deploy starts it.
GUNICORN = [str(Path(PYTHON).parent / "gunicorn"), "-c", "gunicorn.conf.py", "iomsite.wsgi"]
HOST = "iom.example.org"


def in_ci():
    """Whether this is a CI run, where a missing service fails a test instead of skipping it."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def production_environment(**extra):
    """The environment of a production server: this one's, less every setting
    the test run made, plus a long random secret key and the allowed hosts."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "GUNICORN_"))
        and name not in ("DATABASE_URL", "REDIS_URL", "WEB_CONCURRENCY")
    }
    env["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
    env["DJANGO_ALLOWED_HOSTS"] = f"{HOST},127.0.0.1"
    env.update(extra)
    return env


def manage(*args, env, timeout=120):
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """One server on a loopback port, addressed as the load balancer would."""

    def __init__(self, port, folder=None):
        self.port = port
        self.folder = folder  # holds stdout.log and stderr.log

    def request(self, method, path, body=None, tls=True, **headers):
        """A request as the load balancer passes it on (after TLS, unless tls=False):
        (status, headers, body)."""
        if tls:
            headers["X-Forwarded-Proto"] = "https"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers={"Host": HOST, **headers})
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()

    def get(self, path, tls=True, **headers):
        return self.request("GET", path, tls=tls, **headers)

    def log(self, name="stderr.log", last=3000):
        path = self.folder / name
        return path.read_text()[-last:] if path.exists() else ""


def stop(*processes):
    """Stop the processes and everything they started (each leads its own session):
    all are asked at once, then waited for, then killed if they linger."""
    running = [process for process in processes if process.poll() is None]
    for process in running:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
    for process in running:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@contextlib.contextmanager
def running(command, env, folder, port):
    """Start ``command`` (gunicorn, or bin/deploy ending in it), which is to serve
    on ``port``; yield its Server at once; stop it, always. Its output goes to
    stdout.log and stderr.log in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    server = Server(port, folder)
    with (
        open(folder / "stdout.log", "w") as stdout,
        open(folder / "stderr.log", "w") as stderr,
    ):
        server.process = subprocess.Popen(
            command, cwd=BASE_DIR, env=env, stdout=stdout, stderr=stderr, start_new_session=True
        )
        try:
            yield server
        finally:
            stop(server.process)


def wait_until_serving(server, timeout=180):
    """Wait until the server answers /healthz; fail, with its log, if it stops or never does."""
    what = server.process.args[0]
    deadline = time.monotonic() + timeout
    while True:
        if server.process.poll() is not None:
            pytest.fail(f"{what} stopped:\n{server.log()}")
        with contextlib.suppress(OSError):
            if server.get("/healthz", tls=False)[0] == 200:
                return
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not answer on port {server.port}:\n{server.log()}")
        time.sleep(0.2)


@contextlib.contextmanager
def serving(command, env, folder, port, timeout=180):
    """``running``, once the server answers."""
    with running(command, env, folder, port) as server:
        wait_until_serving(server, timeout)
        yield server
