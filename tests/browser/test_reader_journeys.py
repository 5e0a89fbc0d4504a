"""What a reader does on the site, in a real browser: one journey per test."""

import re

import timeline.views

try:
    from playwright.sync_api import expect
except ImportError:  # then these tests are skipped at collection: see conftest.py
    expect = None

ICEM = "Intergovernmental Committee for European Migration (ICEM)"


def test_a_footnote_leads_to_its_reference_and_on_to_the_source(page):
    page.goto("/")
    infobox = page.get_by_role("complementary", name="At a glance")
    expect(infobox).to_be_visible()
    expect(infobox.get_by_text("Geneva, Switzerland")).to_be_visible()

    marker = infobox.get_by_role("link", name="Source 1").first
    expect(marker).to_have_text("[1]")
    marker.click()
    expect(page).to_have_url(re.compile(r"/#note-1$"))
    reference = page.locator(":target")
    expect(reference).to_have_attribute("id", "note-1")
    expect(reference).to_be_in_viewport()

    source_link = reference.locator("cite a[href^='/sources/']")
    title = source_link.inner_text()
    source_link.click()
    expect(page).to_have_url(re.compile(r"/sources/[\w-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    citing = page.get_by_role("region", name="Statements citing this source")
    expect(citing.get_by_role("listitem").first).to_be_visible()
    # Among them, the overview the reader came from.
    expect(citing.locator('a[href="/"]').first).to_be_visible()


def test_the_timeline_filtered_by_name_shows_only_that_names_events_on_every_page(
    page, monkeypatch
):
    # Two events a page, so that the seed's few ICEM events fill more than one.
    monkeypatch.setattr(timeline.views, "EVENTS_PER_PAGE", 2)

    page.goto("/")
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="History").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("History and timeline")

    page.get_by_label("Name:", exact=True).select_option(label=ICEM)
    page.get_by_role("button", name="Show events").click()
    expect(page).to_have_url(re.compile(r"[?&]era=era-icem(&|$)"))
    events = page.get_by_role("region", name="Events")
    expect(events.get_by_text(re.compile(r"^\d+ events, showing 1 to 2$"))).to_be_visible()
    eras = events.locator("article .meta abbr")
    expect(eras).to_have_count(2)
    assert set(eras.all_inner_texts()) == {"ICEM"}

    page.get_by_role("navigation", name="Pages of events").get_by_role(
        "link", name="Next page"
    ).click()
    expect(page).to_have_url(re.compile(r"[?&]era=era-icem(&|$)"))
    expect(page).to_have_url(re.compile(r"[?&]page=2(&|$)"))
    expect(page.get_by_label("Name:", exact=True)).to_have_value("era-icem")
    expect(events.locator("article")).not_to_have_count(0)
    assert set(events.locator("article .meta abbr").all_inner_texts()) == {"ICEM"}
    assert events.locator("article").count() == events.locator("article .meta abbr").count()


def test_a_reader_searches_for_a_person_from_the_header_and_opens_their_page(page):
    page.goto("/criticisms/")
    search = page.get_by_role("search").get_by_role("searchbox", name="Search the site")
    search.fill("Pope")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=Pope$"))
    expect(page.get_by_role("status").first).to_contain_text("for “Pope”")

    page.get_by_role("main").get_by_role("link", name="Amy E. Pope", exact=True).click()
    expect(page).to_have_url(re.compile(r"/people/amy-e-pope/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Amy E. Pope")
    expect(page.get_by_role("region", name="Offices held")).to_contain_text("Director General")


def test_a_reader_opens_a_criticism_and_sees_its_quotations_and_footnotes(page):
    page.goto("/")
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Criticisms").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Criticisms")

    title = "Amnesty International and Human Rights Watch on the Pacific Solution"
    page.get_by_role("link", name=title).click()
    expect(page).to_have_url(re.compile(r"/criticisms/criticism-2003-pacific-solution/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    quotations = page.get_by_role("region", name="In the critics’ words")
    expect(quotations.locator("blockquote").first).to_contain_text("arbitrary detention")
    expect(quotations.locator("figcaption").first).to_contain_text("Human Rights Watch")

    markers = page.locator("sup.fn a")
    expect(markers.first).to_have_text("[1]")
    references = page.get_by_role("region", name="References")
    expect(references.get_by_role("listitem")).not_to_have_count(0)
    for href in set(markers.evaluate_all("links => links.map(a => a.getAttribute('href'))")):
        expect(references.locator(href)).to_have_count(1)


def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page):
    page.goto("/history/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#content$"))
    expect(page.get_by_role("main")).to_be_focused()
    # The next Tab stop is inside main, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")
