"""The language switcher in a real browser: on a phone's screen, it takes the
reader to the same page in the language chosen, and says which is current."""

import re

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # then these tests are skipped at collection: see conftest.py
    expect = None


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_the_switcher_fits_the_screen_and_keeps_the_reader_on_the_person(page, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("/people/amy-e-pope/")
    switcher = page.get_by_role("navigation", name="Language")
    links = switcher.get_by_role("link")
    expect(links).to_have_count(3)
    for index in range(3):
        box = links.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, index
        assert box["height"] >= 24 and box["width"] >= 24, index  # WCAG 2.5.8
    expect(switcher.get_by_role("link", name="English")).to_have_attribute("aria-current", "true")

    switcher.get_by_role("link", name="Español").click()
    expect(page).to_have_url(re.compile(r"/es/people/amy-e-pope/$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text("Amy E. Pope")
    # The switcher's name is Spanish now: found by its class.
    current = page.locator("nav.language-switcher").get_by_role("link", name="Español")
    expect(current).to_have_attribute("aria-current", "true")
    expect(current).to_have_attribute("lang", "es")


def test_a_spanish_reader_stays_on_the_person_searches_in_spanish_and_opens_a_result(page):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/people/antonio-vitorino/")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
    expect(page).to_have_url(re.compile(r"/es/people/antonio-vitorino/$"))

    search_box = page.locator("#site-search")
    search_box.fill("migración")
    search_box.press("Enter")
    expect(page).to_have_url(re.compile(r"/es/search/\?q=migraci"))
    expect(page.locator("main mark").first).to_be_visible()

    search_box = page.locator("#search-page-query")
    search_box.fill("Organización Internacional para las Migraciones")
    search_box.press("Enter")
    results = page.locator("main ol a, main ul a").filter(has_text="Migraciones")
    expect(results.first).to_be_visible()
    results.first.click()

    expect(page).to_have_url(re.compile(r"/es/"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Organización Internacional")
