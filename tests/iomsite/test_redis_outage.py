"""Redis stops under load: readers still get every page, the balancer keeps the server.

gunicorn (two workers) serves the production settings with REDIS_URL pointing
at a redis-server of the test's own, on a free port. A bounded loop of requests
over several pages runs while the test stops that Redis: no response may be a
5xx, /healthz answers 200 naming the cache degraded, and pages keep coming.
Started again, Redis caches pages again and /healthz says ok.

It needs the redis-server program (the machine's shared Redis is never used).
Without it the test is skipped, saying so; in CI (``CI`` set) it fails.
"""

import contextlib
import json
import subprocess
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.redis_server import own_redis
from tests.servers import (
    BASE_DIR,
    GUNICORN,
    PYTHON,
    free_port,
    manage,
    production_environment,
    serving,
    stop,
)

PAGES = ["/", "/history/", "/names/", "/leaders/", "/criticisms/", "/sources/"]
REQUESTS = 300
READERS = 4  # requests in flight at once
STOP_AFTER = 80  # requests answered before Redis is stopped


@pytest.fixture
def site_on_own_redis(tmp_path):
    """A fresh SQLite database with the seed, and gunicorn (two workers) caching
    pages in the test's own Redis: (server, Redis)."""
    with own_redis(tmp_path) as redis, contextlib.ExitStack() as cleanup:
        env = production_environment(
            DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
            REDIS_URL=redis.url(),
            REDIS_TIMEOUT="0.25",
            IOMSITE_PAGE_CACHE="1",
            DJANGO_STATIC_ROOT=str(tmp_path / "static"),
            DJANGO_SECURE_SSL_REDIRECT="0",
            WEB_CONCURRENCY="2",
            GUNICORN_THREADS="2",
            GUNICORN_ACCESS_LOG="",
        )
        collect = subprocess.Popen(
            [PYTHON, "manage.py", "collectstatic", "--noinput"],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        cleanup.callback(stop, collect)
        prepared = manage("shell", "--no-imports", "-c", PREPARE, env=env)
        assert prepared.returncode == 0, prepared.stderr[-3000:]
        output = collect.communicate(timeout=120)[0]
        assert collect.returncode == 0, f"collectstatic failed:\n{output[-3000:]}"
        env["GUNICORN_BIND"] = f"127.0.0.1:{(port := free_port())}"
        server = cleanup.enter_context(serving(GUNICORN, env, tmp_path / "gunicorn", port))
        yield server, redis


PREPARE = """
from django.core.management import call_command

call_command("migrate", interactive=False, verbosity=0)
call_command("load_content", verbosity=0)
"""


class Load:
    """REQUESTS requests over PAGES, READERS at a time, each answer tallied."""

    def __init__(self, server):
        self.server = server
        self.answers = Counter()  # (status, X-Page-Cache) → count
        self.answered = 0
        self.lock = threading.Lock()

    def request(self, number):
        status, headers, _ = self.server.get(PAGES[number % len(PAGES)])
        with self.lock:
            self.answers[status, headers.get("X-Page-Cache")] += 1
            self.answered += 1

    def start(self):
        self.pool = ThreadPoolExecutor(READERS)
        self.futures = [self.pool.submit(self.request, n) for n in range(REQUESTS)]

    def wait_for(self, answered, timeout=300):
        deadline = time.monotonic() + timeout
        while self.answered < answered and time.monotonic() < deadline:
            time.sleep(0.05)
        assert self.answered >= answered, f"only {self.answered} answers in {timeout} s"

    def finish(self):
        for future in self.futures:
            future.result(timeout=300)  # a request that failed outright fails the test
        self.pool.shutdown()


def health(server):
    status, _, body = server.get("/healthz")
    return status, json.loads(body)


def served_from_cache_again(server, timeout=30):
    """Whether a page is served from the cache again within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        statuses = [server.get("/names/")[1]["X-Page-Cache"] for _ in range(2)]
        if statuses[-1] == "hit":
            return True
        time.sleep(0.2)
    return False


def test_pages_keep_coming_while_redis_is_stopped_and_are_cached_again_when_it_returns(
    site_on_own_redis,
):
    server, redis = site_on_own_redis
    assert health(server) == (200, {"status": "ok", "database": "ok", "cache": "ok"})
    load = Load(server)
    load.start()

    load.wait_for(STOP_AFTER)
    redis.stop()
    load.wait_for(STOP_AFTER + 40)
    status, during = health(server)
    load.finish()

    statuses = Counter(status for (status, _), count in load.answers.items() for _ in range(count))
    assert statuses == {200: REQUESTS}, load.answers
    assert status == 200
    assert during["status"] == during["cache"] == "degraded", during
    assert during["cache_problem"] == "refused or unreachable"
    served = Counter({cached: count for (_, cached), count in load.answers.items()})
    assert served["hit"] > 0 and served["unavailable"] > 0, served

    redis.start()
    assert served_from_cache_again(server), server.log()
    assert health(server) == (200, {"status": "ok", "database": "ok", "cache": "ok"})
    log = [json.loads(line) for line in server.log(last=10**7).splitlines()]
    outages = [e for e in log if e["message"].startswith("Page cache unavailable")]
    returns = [e for e in log if e["message"].startswith("Page cache answering again")]
    assert 1 <= len(outages) <= 2, outages  # once for each worker that saw it, at most
    assert 1 <= len(returns) <= 2, returns
