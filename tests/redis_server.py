"""A redis-server of the test's own on a free loopback port, which the test may stop,
pause or fill: the machine's shared Redis is never touched. Without the
redis-server program the test is skipped, saying so; in CI (``CI`` set) it fails."""

import contextlib
import os
import shutil
import signal
import subprocess
import time

import pytest

from tests.servers import free_port, in_ci, stop

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def require_redis_server():
    if os.access(REDIS_SERVER, os.X_OK):
        return
    reason = (
        "This test needs the redis-server program, which is not installed "
        "(`apt-get install -y redis-server`); it starts its own on a free port."
    )
    if in_ci():
        pytest.fail(f"{reason} (CI is set, so this fails instead of being skipped.)")
    pytest.skip(reason)


class RedisServer:
    def __init__(self, folder):
        self.folder = folder
        self.port = free_port()
        self.process = None
        self.paused = False

    def url(self, database=0):
        return f"redis://127.0.0.1:{self.port}/{database}"

    def client(self):
        import redis

        return redis.Redis(port=self.port, socket_connect_timeout=5, socket_timeout=5)

    def start(self, timeout=30):
        """Start it, empty and keeping nothing on disk, and wait until it answers."""
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                *("--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", str(self.folder)),
                *("--logfile", str(self.folder / "redis.log")),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while True:
            with contextlib.suppress(Exception):
                if self.client().ping():
                    return
            if self.process.poll() is not None or time.monotonic() > deadline:
                log = (self.folder / "redis.log").read_text()[-2000:]
                pytest.fail(f"redis-server did not start on port {self.port}:\n{log}")
            time.sleep(0.05)

    def stop(self):
        self.resume()
        stop(self.process)

    def pause(self):
        """Stop it answering while it keeps its port and its data: a Redis that hangs."""
        os.kill(self.process.pid, signal.SIGSTOP)
        self.paused = True

    def resume(self):
        if self.paused:
            os.kill(self.process.pid, signal.SIGCONT)
            self.paused = False


@contextlib.contextmanager
def own_redis(folder):
    """A running RedisServer, stopped afterwards whatever happened."""
    require_redis_server()
    server = RedisServer(folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()
