import json

from django.contrib.staticfiles import finders
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


class Command(BaseCommand):
    help = (
        "Request pages in-process and print, as JSON, each one's status, number of SQL "
        "queries and HTML size, with the stylesheet's size."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Site paths, e.g. / /history/")

    def handle(self, *args, paths, **options):
        client = Client(HTTP_HOST="127.0.0.1")
        pages = {}
        for path in paths:
            client.get(path)  # warm up: first-request work is not the page's cost
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            pages[path] = {
                "status": response.status_code,
                "queries": len(queries),
                "html_bytes": len(response.content),
            }
        stylesheet = finders.find("css/site.css")
        with open(stylesheet, "rb") as css:
            css_bytes = len(css.read())
        self.stdout.write(json.dumps({"pages": pages, "css_bytes": css_bytes}))
