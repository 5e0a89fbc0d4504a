"""Logs: one JSON object per line, and an error logged once to stderr."""

import json
import logging
import sys

from iomsite.logging import JSONFormatter
from tests.servers import manage, production_environment


def make_record(message, exc_info=None, **extra):
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, message, (), exc_info)
    record.__dict__.update(extra)
    return record


def test_log_records_are_formatted_as_one_json_object_per_line():
    try:
        raise ValueError("bad value\non two lines")
    except ValueError:
        record = make_record("Internal Server Error: %s", exc_info=sys.exc_info())
    record.args = ("/names/",)
    record.status_code = 500

    line = JSONFormatter().format(record)

    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "django.request"
    assert entry["message"] == "Internal Server Error: /names/"
    assert entry["status_code"] == 500
    assert entry["time"].endswith("+00:00")
    assert "Traceback" in entry["exception"]
    assert "ValueError: bad value\non two lines" in entry["exception"]


def test_a_record_without_an_exception_has_no_exception_key():
    entry = json.loads(JSONFormatter().format(make_record("all well")))
    assert set(entry) == {"time", "level", "logger", "message"}


def test_an_error_is_logged_once_to_stderr_as_json_with_or_without_debug():
    """Django's default handlers are gone: each record goes out once, as JSON."""
    code = (
        "import logging\n"
        "try:\n"
        "    1 / 0\n"
        "except ZeroDivisionError:\n"
        "    logging.getLogger('django.request').exception('Internal Server Error: /x/')\n"
        "logging.getLogger('iomsite').warning('a warning')\n"
    )
    for debug in ("", "1"):
        result = manage("shell", "-c", code, env=production_environment(DJANGO_DEBUG=debug))

        assert result.returncode == 0, result.stderr
        lines = result.stderr.strip().splitlines()
        entries = [json.loads(line) for line in lines]
        assert [(e["logger"], e["level"]) for e in entries] == [
            ("django.request", "ERROR"),
            ("iomsite", "WARNING"),
        ], debug
        assert "ZeroDivisionError" in entries[0]["exception"]
