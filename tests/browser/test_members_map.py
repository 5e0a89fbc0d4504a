"""A reader finds a state on the members map or in its table and opens its page."""

import re

try:
    from playwright.sync_api import expect
except ImportError:  # then these tests are skipped at collection: see conftest.py
    expect = None


def test_clicking_a_country_on_the_map_opens_that_states_page(page):
    page.goto("/members/")
    brazil = page.get_by_role("link", name=re.compile(r"^Brazil: Member state"))
    expect(brazil).to_be_visible()

    brazil.click()

    expect(page).to_have_url(re.compile(r"/members/brazil/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Brazil")
    expect(page.get_by_role("row").filter(has_text="COW IGO v3").first).to_be_visible()


def test_a_reader_sorts_the_table_and_opens_a_state_from_a_row(page):
    page.goto("/members/?region=asia")
    table = page.locator("table.members")
    table.get_by_role("link", name="Since").click()
    expect(page).to_have_url(re.compile(r"sort=since"))

    first = table.locator("tbody tr").first.locator("th a")
    name = first.inner_text()
    first.click()

    expect(page.get_by_role("heading", level=1)).to_have_text(name)
