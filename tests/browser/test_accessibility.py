"""Every public page passes axe-core's WCAG 2.2 AA and best-practice rules, as
rendered by Chromium with the site's stylesheet (so colour contrast is checked too),
on a desktop screen and on a phone.

One test for all the pages, so that the seed is reloaded once; a failure lists
every violation of every page.
"""

import pytest

from tests.iomsite.test_html_validity import CHECKED_PAGES

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


# A desktop and a phone: the phone sees the narrow drawing of each chart and
# tables that scroll sideways.
WIDTHS = (1280, 390)


def describe(url, violation):
    """One violation, readably: the rule, what it asks, and each element that fails it."""
    lines = [
        f"{url}: {violation['id']} ({violation['impact']}): {violation['help']}",
        f"  {violation['helpUrl']}",
    ]
    for node in violation["nodes"]:
        lines.append(f"  - {' '.join(map(str, node['target']))}: {node['html'][:200]}")
        summary = node.get("failureSummary") or ""
        lines.extend(f"      {line.strip()}" for line in summary.splitlines() if line.strip())
    return "\n".join(lines)


def test_every_public_page_has_no_accessibility_violations(page):
    from axe_playwright_python.sync_playwright import Axe  # present, or the test is skipped

    axe = Axe()

    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for url, status in CHECKED_PAGES.items():
            response = page.goto(url)
            assert response.status == status, url
            if not response.headers["content-type"].startswith("text/html"):
                continue  # a feed, say: not a page
            results = axe.run(page, options=AXE_OPTIONS)
            problems.extend(
                f"{width} px: " + describe(url, v) for v in results.response["violations"]
            )

    if problems:
        pytest.fail(
            f"{len(problems)} accessibility violations:\n\n" + "\n\n".join(problems),
            pytrace=False,
        )
