import json
import statistics
import time

from django.contrib.staticfiles import finders
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


class Command(BaseCommand):
    help = (
        "Request pages in-process and print, as JSON, each one's status, number of SQL "
        "queries, HTML size and median time to serve (ms), with the stylesheet's size."
    )
    timed_requests = 7

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Site paths, e.g. / /history/")

    def handle(self, *args, paths, **options):
        client = Client(HTTP_HOST="127.0.0.1")
        pages = {}
        for path in paths:
            client.get(path)  # warm up: first-request work is not the page's cost
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            # Counted now: every request clears the connection's query log.
            query_count = len(queries)
            times = []
            for _ in range(self.timed_requests):
                started = time.perf_counter()
                client.get(path)
                times.append(time.perf_counter() - started)
            pages[path] = {
                "status": response.status_code,
                "queries": query_count,
                "html_bytes": len(response.content),
                # One request at a time, so less at the mercy of a busy machine
                # than the load test: a steadier measure of a page's cost.
                "median_ms": round(statistics.median(times) * 1000, 2),
            }
        stylesheet = finders.find("css/site.css")
        with open(stylesheet, "rb") as css:
            css_bytes = len(css.read())
        self.stdout.write(json.dumps({"pages": pages, "css_bytes": css_bytes}))
