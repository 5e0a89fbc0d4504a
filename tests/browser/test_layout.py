"""Every public page fits a phone's and a tablet's screen, as Chromium lays it out.

Each page is loaded once and measured at each width (the viewport is resized,
so the media queries apply as on a device of that width). One test for all
the pages, so that the seed is reloaded once; a failure lists every problem.
"""

import re
from urllib.parse import urlsplit

import pytest

from orgs.models import Fact
from tests.iomsite.test_html_validity import CHECKED_PAGES

WIDTHS = (320, 390, 768)
# Pages not in the checked list: each list and each kind of figure.
MORE_PAGES = [
    "/names/",
    "/structure/country-offices/",
    *(f"/structure/figures/{kind}/" for kind in Fact.Kind.values),
]

SIDEWAYS_SCROLLERS = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.scrollWidth > e.clientWidth + 1
          && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
  .map(e => ({
    html: e.outerHTML.slice(0, 120),
    focusable: e.tabIndex === 0,
    region: e.getAttribute('role') === 'region'
      && !!(e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')),
  }))"""


def public_pages(page):
    """The checked pages, more lists, and every address in the sitemap."""
    sitemap = page.request.get("/sitemap.xml").text()
    listed = [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    html = [url for url, status in CHECKED_PAGES.items() if status == 200]
    return list(dict.fromkeys([*html, *MORE_PAGES, *listed]))


def test_no_public_page_is_wider_than_the_screen(page):
    """Nor does anything scroll sideways inside a page but a named region a
    keyboard can reach (a wide table)."""
    problems = []
    pages = public_pages(page)
    assert len(pages) > 100
    for url in pages:
        assert page.goto(url).status == 200, url
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > page.evaluate("window.innerWidth"):
                problems.append(f"{url} at {width} px: {scroll_width} px wide")
            problems.extend(
                f"{url} at {width} px: scrolls sideways, not a named focusable region: {s['html']}"
                for s in page.evaluate(SIDEWAYS_SCROLLERS)
                if not (s["focusable"] and s["region"])
            )
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_the_leaders_table_scrolls_on_a_phone_with_its_notes_readable(page):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/leaders/")
    region = page.get_by_role("region", name="Heads of the organization in order")
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")
    notes = page.locator("td.text").first
    assert notes.evaluate("e => e.getBoundingClientRect().width") >= 200


def test_topic_tags_are_boxes_with_barely_rounded_corners(page):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/criticisms/criticism-2003-pacific-solution/")
    tags = page.locator(".tags li")
    assert tags.count() > 1
    for radius in tags.evaluate_all("items => items.map(i => getComputedStyle(i).borderRadius)"):
        assert float(radius.removesuffix("px")) <= 6
