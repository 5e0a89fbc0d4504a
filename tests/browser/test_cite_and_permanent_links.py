"""A reader cites an entry and opens a past version of it: the cite block opens
without script and fits a phone, the permanent link shows its banner, and both
pass axe-core's rules with the citations showing."""

import pytest

from tests.browser.test_accessibility import AXE_OPTIONS, describe

WIDTHS = (320, 390, 1280)


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_reader_opens_the_citations_and_follows_the_permanent_link(page):
    from axe_playwright_python.sync_playwright import Axe  # present, or the test is skipped

    axe = Axe()
    page.goto("/people/amy-e-pope/")
    apa = page.locator("details.cite-page dd").first
    assert not apa.is_visible()
    page.locator("details.cite-page summary").click()
    assert "IOM reference" in apa.inner_text()
    permanent_link = page.locator("details.cite-page p.meta a").get_attribute("href")

    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        if not fits(page):
            problems.append(f"entry page wider than {width} px with the citations open")
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    problems += [describe("entry page", v) for v in violations]

    page.goto(permanent_link)
    assert "You are reading the version of" in page.locator(".revision-banner").inner_text()
    page.locator("details.cite-page summary").click()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        if not fits(page):
            problems.append(f"permanent link wider than {width} px")
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    problems += [describe("permanent link", v) for v in violations]
    page.get_by_role("link", name="See the current version").click()
    assert page.url.endswith("/people/amy-e-pope/")

    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
