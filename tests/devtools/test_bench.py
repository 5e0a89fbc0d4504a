"""The benchmark harness reads wrk's report, keeps the median of its rounds and
judges the goals from the numbers; `measure_pages` measures each page in-process."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from devtools.bench import load, report

WRK_REPORT = """Running 3s test @ http://127.0.0.1:8000/
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    30.12ms   10.01ms 120.00ms   80.00%
  Latency Distribution
     50%   28.50ms
     75%   33.00ms
     90%   40.00ms
     99%    1.20s
  6021 requests in 3.00s, 150.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:   2007.00
Transfer/sec:     50.00MB
"""


def test_wrk_report_is_read_with_latencies_in_milliseconds_and_every_error_counted():
    assert load.parse_wrk(WRK_REPORT) == {
        "requests_per_second": 2007.0,
        "p50_ms": 28.5,
        "p99_ms": 1200.0,
        "errors": 7,
    }


def test_rounds_keep_the_median_of_each_measure_and_add_up_errors():
    rounds = [
        {"requests_per_second": 900.0, "p50_ms": 60.0, "p99_ms": 300.0, "errors": 0},
        {"requests_per_second": 2000.0, "p50_ms": 30.0, "p99_ms": 90.0, "errors": 1},
        {"requests_per_second": 1800.0, "p50_ms": 35.0, "p99_ms": 80.0, "errors": 2},
    ]

    assert load.median_result(rounds) == {
        "requests_per_second": 1800.0,
        "p50_ms": 35.0,
        "p99_ms": 90.0,
        "errors": 3,
        "rounds": [900.0, 2000.0, 1800.0],
    }


def run(multiple, page_rps, page_ms, queries=5):
    result = {"requests_per_second": page_rps, "p50_ms": 10.0, "p99_ms": 50.0, "errors": 0}
    return {
        "database": "sqlite",
        "multiple": multiple,
        "pages": {"/history/": {"queries": queries, "html_bytes": 1000, "median_ms": page_ms}},
        "uncached": {"/history/": result},
    }


def test_sizes_are_compared_on_queries_throughput_and_time_to_serve():
    lines = report.compare_sizes([run(1, 100.0, 10.0), run(100, 40.0, 15.0)])

    assert lines == [
        "sqlite /history/: 100× vs 1×: same queries; uncached throughput 2.50× lower: NOT met; "
        "one request 1.50× slower: met"
    ]


def test_more_queries_at_scale_fail_the_size_comparison():
    lines = report.compare_sizes([run(1, 100.0, 10.0), run(100, 100.0, 10.0, queries=6)])

    assert "queries 5 → 6" in lines[0]
    assert "met" not in lines[0].replace("NOT met", "")


@pytest.mark.django_db
def test_measure_pages_prints_status_queries_size_and_time_of_each_page(settings):
    # As the harness runs it: the page cache off, so the page's own work is measured.
    settings.IOMSITE_PAGE_CACHE = False
    out = StringIO()

    call_command("measure_pages", "/", "/no-such-page/", stdout=out)

    measured = json.loads(out.getvalue())
    assert measured["pages"]["/"]["status"] == 200
    assert measured["pages"]["/"]["queries"] == 17  # + its citation's revision, + member states
    assert measured["pages"]["/"]["html_bytes"] > 10_000
    assert measured["pages"]["/"]["median_ms"] > 0
    assert measured["pages"]["/no-such-page/"]["status"] == 404
    assert measured["css_bytes"] > 1000
