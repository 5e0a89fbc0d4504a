"""Reading the API in tests."""

import re
from html import unescape

SITEMAP_LOCATION = re.compile(r"<loc>http://testserver(.*?)</loc>")


def every_item(client, kind, filters=None):
    """Every entry of a kind, through the API's pages."""
    url = f"/api/v1/{kind}/"
    params = {"page_size": 200, **(filters or {})}
    items = []
    while url:
        answer = client.get(url, params)
        assert answer.status_code == 200, answer.content[:300]
        body = answer.json()
        items += body["results"]
        url, params = body["next"], None
    return items


def sitemap_paths(client):
    return [unescape(path) for path in SITEMAP_LOCATION.findall(client.get("/sitemap.xml").text)]


def relative(url):
    return url.removeprefix("http://testserver")
