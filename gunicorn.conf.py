"""Gunicorn settings for iomsite (`gunicorn -c gunicorn.conf.py iomsite.wsgi`).

Each value can be changed from the environment:

GUNICORN_BIND               address to listen on (default 127.0.0.1:8000; 0.0.0.0:8000
                            to take traffic from a load balancer on another host)
WEB_CONCURRENCY             worker processes (default 2 * cores + 1, at most 12)
GUNICORN_THREADS            threads per worker (default 2)
GUNICORN_TIMEOUT            seconds a request may take before its worker is restarted (30)
GUNICORN_GRACEFUL_TIMEOUT   seconds running requests get to finish on a restart or stop (30)
GUNICORN_MAX_REQUESTS       requests a worker serves before it is replaced (default 20000)
GUNICORN_ACCESS_LOG         "-" (default) logs requests to stdout; empty turns it off
FORWARDED_ALLOW_IPS         read by gunicorn itself: addresses whose X-Forwarded-* headers
                            it trusts (default 127.0.0.1,::1)
"""

import multiprocessing
import os


def _number(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


bind = os.environ.get("GUNICORN_BIND", "").strip() or "127.0.0.1:8000"
workers = _number("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 12))
threads = _number("GUNICORN_THREADS", 2)
timeout = _number("GUNICORN_TIMEOUT", 30)
graceful_timeout = _number("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = 5

# Restart each worker now and then, staggered, so a slow leak cannot grow for ever;
# not too often, as a restarting worker delays the requests waiting for it.
max_requests = _number("GUNICORN_MAX_REQUESTS", 20000)
max_requests_jitter = max_requests // 10

# Access log on stdout (the usual combined format). Gunicorn's own messages go to
# stderr as JSON lines, like the application's (iomsite.logging.JSONFormatter).
# GUNICORN_ACCESS_LOG= (empty) switches the access log off, as the benchmark does.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "iomsite.logging.JSONFormatter"},
        "access": {"format": "%(message)s"},
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        },
        "stdout": {
            "class": "logging.StreamHandler",
            "formatter": "access",
            "stream": "ext://sys.stdout",
        },
    },
    "root": {"level": "INFO", "handlers": ["stderr"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["stderr"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
    },
}

# No runtime control socket: it is not used, and several instances on one host
# would all claim the same default path.
control_socket_disable = True

# Workers' heartbeat files in memory: a slow or full disk cannot stall them.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"
