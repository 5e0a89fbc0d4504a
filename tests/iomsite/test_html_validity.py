"""Every public page is valid HTML, as the Nu HTML Checker (vnu.jar) reads it.

The pages are rendered with the test client, written to a temporary folder and
checked in one run of the checker. It needs Java and ``node_modules/vnu-jar``,
which ``make test`` installs (``npm ci``) when Node.js is here; without them the
test is skipped, saying so, except in CI.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings

from tests.iomsite.test_site_pages import PAGES

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def missing():
    """What the checker lacks on this machine, or None."""
    lacking = []
    if shutil.which("java") is None:
        lacking.append("Java (`apt-get install -y default-jre-headless`)")
    if not VNU_JAR.is_file():
        lacking.append(
            "node_modules/vnu-jar (install Node.js 18.16 or newer: `make test` then runs "
            "`npm ci`, which installs it)"
        )
    if lacking:
        return "HTML validation needs " + " and ".join(lacking) + "; then run `make test`."
    return None


def in_ci():
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


pytestmark = [
    pytest.mark.django_db,
    # Outside CI, skipped before any database is set up; in CI, the test fails.
    pytest.mark.skipif(bool(missing()) and not in_ci(), reason=str(missing())),
]

# Every public page with the status it answers with: the pages of test_site_pages
# (those that are not HTML are left out when they are fetched), plus states a
# reader can reach that those do not show.
ENGLISH_PAGES = {
    **{url: 200 for url in PAGES if url not in ("/sitemap.xml", "/robots.txt")},
    "/search/": 200,
    "/search/?q=zzyzzyva": 200,
    "/search/?q=Vitorrino": 200,  # "Did you mean …"
    "/history/?era=era-icem": 200,
    "/no-such-page/": 404,
}
# And each of them in French and Spanish.
# Pages with one address in no language prefix (the API's documentation).
ONE_ADDRESS_PAGES = {"/api/"}
CHECKED_PAGES = {
    **ENGLISH_PAGES,
    **{
        f"/{language}{url}": status
        for language in ("fr", "es")
        for url, status in ENGLISH_PAGES.items()
        if url not in ONE_ADDRESS_PAGES
    },
}


def file_name(url):
    """A readable file name for a page: "/history/?era=era-icem" → "history_era-era-icem.html"."""
    parts = urlsplit(url)
    name = re.sub(r"[^A-Za-z0-9-]+", "_", unquote(parts.path + "_" + parts.query)).strip("_")
    return f"{name or 'home'}.html"


def vnu_command():
    """The checker's command line; fails saying what is missing (only reached in CI)."""
    if reason := missing():
        pytest.fail(reason, pytrace=False)
    return [shutil.which("java"), "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


def vnu_errors(command, pages):
    """Check the files in one run; return each error as "url line N: message"."""
    result = subprocess.run(
        [*command, *map(str, pages)], capture_output=True, text=True, timeout=600
    )
    try:
        messages = json.loads(result.stderr)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"The HTML checker did not answer in JSON:\n{result.stderr}{result.stdout}")
    urls = {path.name: url for path, url in pages.items()}
    return [
        f"{urls.get(Path(m.get('url', '')).name, m.get('url'))} "
        f"line {m.get('lastLine', '?')}: {m['message']}"
        + (f"\n    {' '.join(m['extract'].split())}" if m.get("extract") else "")
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]


def test_every_public_page_is_valid_html(client, tmp_path):
    command = vnu_command()
    pages = {}
    for url, status in CHECKED_PAGES.items():
        response = client.get(url)
        assert response.status_code == status, url
        if not response["Content-Type"].startswith("text/html"):
            continue  # a feed, say: not a page
        path = tmp_path / file_name(url)
        path.write_bytes(response.content)
        pages[path] = url

    errors = vnu_errors(command, pages)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)
