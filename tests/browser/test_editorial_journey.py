"""The editorial workflow end to end, in a real browser: an editor adds a figure
with a new source made in the "+" popup, a reviewer publishes it (and the source
with it), and readers see the figure with a footnote to the source."""

import re

import feedparser
import pytest
from django.conf import settings
from django.urls import reverse

from orgs.models import Fact, FactCitation, Organization, Source
from tests.browser.conftest import TIMEOUT_MS
from tests.factories import EditorFactory, ReviewerFactory

try:
    from playwright.sync_api import expect
except ImportError:  # then these tests are skipped at collection: see conftest.py
    expect = None

PASSWORD = "correct-horse-battery-staple-7"
# A made-up figure: the test only needs a value that round-trips through the form.
# Typed as people write numbers; shown the same way.
VALUE, TYPED_VALUE, SHOWN_VALUE, YEAR = "18902", "18,902", "18,902", "2023"
FACT = f"Staff, {YEAR}: {SHOWN_VALUE}"
SOURCE_TITLE = "Test annual report 2023"
SOURCE = f"{SOURCE_TITLE} ({YEAR})"
SOURCE_URL = "https://example.org/report-2023"
FACT_SUMMARY = "Added the 2023 staff figure from the 2023 annual report (test figure)."


def log_in(page, username):
    page.goto(reverse("admin:login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(re.escape(reverse("admin:index")) + "$"))


@pytest.fixture
def new_page(browser, live_server):
    """Makes a page in a new browser context: a new session, so another person."""
    contexts = []

    def make():
        context = browser.new_context(base_url=live_server.url)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def test_an_editor_adds_a_sourced_figure_a_reviewer_publishes_it_and_readers_see_it(page, new_page):
    """The issue's journey: an editor adds the 2023 staff figure, creates its source
    in the "+" popup (left a draft), cites it and submits the figure for review; a
    reviewer sees the value and the source that will be published with it, and
    publishes; readers find the figure with a footnote that opens the new source,
    in the overview and in the recent updates and feed.

    Setup: the seed's staff figures dated 2023 or later (and their citations) are
    deleted, so that the new 2023 figure is the newest and the overview shows it.
    An editor and a reviewer are created: staff users in the "Editors" and
    "Reviewers" groups, with known passwords.
    """
    later = [
        fact.pk for fact in Fact.objects.filter(kind=Fact.Kind.STAFF) if fact.at.year >= int(YEAR)
    ]
    assert later, "the seed should hold staff figures from 2023 on"
    FactCitation.objects.filter(claim__in=later).delete()
    Fact.objects.filter(pk__in=later).delete()
    editor = EditorFactory(password=PASSWORD)
    reviewer = ReviewerFactory(password=PASSWORD)
    organization = Organization.objects.get(slug=settings.IOMSITE_ORGANIZATION)

    # The editor adds the figure, and its source through the "+" popup, under the
    # site's Content Security Policy (reported on the console of any of the pages).
    violations = []
    page.context.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    log_in(page, editor.username)
    page.get_by_role("main").get_by_role("link", name="Facts", exact=True).click()
    page.get_by_role("link", name="Add fact").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add fact")
    # The site's organization is preselected in the autocomplete.
    expect(page.locator("#id_organization")).to_have_value(str(organization.pk))
    page.get_by_label("Kind:", exact=True).select_option(label="Staff")
    page.get_by_label("Value:", exact=True).fill(TYPED_VALUE)
    page.get_by_label("Unit or currency:", exact=True).select_option(label="count")
    page.get_by_label("Point in time:", exact=True).fill(YEAR)
    page.get_by_label("Rank:", exact=True).select_option(label="Preferred value")
    page.get_by_label("Reason for rank:", exact=True).fill("The latest figure; shown first.")
    expect(page.get_by_label("Key:", exact=True)).to_have_value(f"staff-{YEAR}")
    # No status to choose: the buttons say what happens.
    expect(page.get_by_label("Status:", exact=True)).to_have_count(0)
    expect(page.get_by_role("button", name="Publish")).to_have_count(0)

    citation = page.locator("#citations-0")
    with page.expect_popup() as opened:
        citation.get_by_role("link", name="Add another source").click()
    popup = opened.value
    expect(popup.get_by_role("heading", level=1)).to_have_text("Add source")
    popup.get_by_label("Kind:", exact=True).select_option(label="Report")
    popup.get_by_label("Title:", exact=True).fill(SOURCE_TITLE)
    popup.get_by_label("Publication date:", exact=True).fill(YEAR)
    popup.get_by_label("Web address:", exact=True).fill(SOURCE_URL)
    # A summary is already written: the figure's summary says why the source is new.
    expect(popup.get_by_label("Edit summary:", exact=True)).not_to_be_empty()
    expect(popup.get_by_label("Key:", exact=True)).to_have_value("test-annual-report-2023")
    with popup.expect_event("close"):
        popup.get_by_role("button", name="Save draft").click()
    source = Source.objects.get(title=SOURCE_TITLE)
    assert source.status == "draft"
    # The popup filled the citation's source.
    expect(citation.locator("select[name='citations-0-source']")).to_have_value(str(source.pk))
    expect(citation.get_by_role("combobox").first).to_contain_text(SOURCE_TITLE)
    citation.get_by_label("Locator:", exact=True).fill("p. 12")

    page.get_by_label("Edit summary:", exact=True).fill(FACT_SUMMARY)
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator("ul.messagelist li.success")).to_contain_text(
        f"The fact “{FACT}” was added successfully."
    )
    fact = Fact.objects.get(slug=f"staff-{YEAR}")
    assert (fact.status, fact.organization, fact.rank) == ("review", organization, "preferred")
    assert fact.value == int(VALUE)
    assert [c.source for c in fact.citations.all()] == [source]
    assert violations == []

    # Readers do not see it yet.
    reader = new_page()
    reader.goto("/")
    infobox = reader.get_by_role("complementary", name="At a glance")
    expect(infobox).to_be_visible()
    expect(infobox).not_to_contain_text(SHOWN_VALUE)

    # The reviewer sees the value and the source published along, then publishes.
    queue = new_page()
    log_in(queue, reviewer.username)
    queue.get_by_role("link", name=re.compile(r"^Review queue: \d+ items? waiting$")).click()
    expect(queue.get_by_role("heading", level=1)).to_have_text("Review queue")
    item = queue.get_by_role("region", name=f"Fact: {FACT}", exact=True)
    expect(item).to_contain_text(f"by {editor.username}")
    expect(item).to_contain_text(f"Edit summary: “{FACT_SUMMARY}”")
    values = item.get_by_role("table", name="What readers will see once it is published")
    expect(values.get_by_role("row", name=f"Value {SHOWN_VALUE}")).to_be_visible()
    expect(item.locator(".review-sources")).to_contain_text("Also publishes these sources:")
    expect(item.locator(".review-sources")).to_contain_text(SOURCE_TITLE)
    expect(item.locator(".review-sources")).to_contain_text(SOURCE_URL)
    # The preview link shows the figure itself.
    preview = queue.context.new_page()
    preview.goto(item.get_by_role("link", name="Preview").get_attribute("href"))
    expect(preview.locator(f"#fact-staff-{YEAR}")).to_contain_text(SHOWN_VALUE)
    preview.close()
    item.get_by_role("button", name="Publish").click()
    expect(queue.locator("ul.messagelist li.success")).to_contain_text(
        f"Published Fact “{FACT}”. Also published the sources it cites: “{SOURCE}”."
    )
    expect(queue.get_by_role("region", name=f"Fact: {FACT}", exact=True)).to_have_count(0)
    source.refresh_from_db()
    assert source.status == "published"

    # On the figure page the figure has a footnote, whose link opens the new source.
    reader.goto(reverse("orgs:figures", args=[Fact.Kind.STAFF]))
    row = reader.locator(f"#fact-staff-{YEAR}")
    expect(row).to_contain_text(SHOWN_VALUE)
    row.get_by_role("link", name=re.compile(r"^Source \d+$")).click()
    reference = reader.locator(":target")
    expect(reference).to_have_attribute("id", re.compile(r"^note-\d+$"))
    expect(reference).to_contain_text("p. 12")
    reference.get_by_role("link", name=SOURCE_TITLE, exact=True).click()
    expect(reader).to_have_url(re.compile(re.escape(source.get_absolute_url()) + "$"))
    expect(reader.get_by_role("heading", level=1)).to_contain_text(SOURCE_TITLE)
    reader.goto("/")

    # The reader now sees the figure in the overview, with its source as a footnote.
    reader.reload()
    staff = infobox.locator("dt:text-is('Staff') + dd")
    expect(staff).to_contain_text(f"{SHOWN_VALUE} (most recent figure, {YEAR})")
    staff.get_by_role("link", name=re.compile(r"^Source \d+$")).click()
    reference = reader.locator(":target")
    expect(reference).to_have_attribute("id", re.compile(r"^note-\d+$"))
    expect(reference.get_by_role("link", name=SOURCE_TITLE, exact=True)).to_have_attribute(
        "href", source.get_absolute_url()
    )
    expect(reference.get_by_role("link", name="Online")).to_have_attribute("href", SOURCE_URL)

    # ... and in the recent updates, with the editor's summary and the source added.
    reader.goto(reverse("updates"))
    change = reader.get_by_role("article").filter(
        has=reader.get_by_role("heading", name=FACT, exact=True)
    )
    expect(change).to_contain_text("Fact · Published")
    expect(change).to_contain_text(FACT_SUMMARY)
    expect(change.get_by_role("link", name=SOURCE, exact=True)).to_have_attribute(
        "href", source.get_absolute_url()
    )

    response = reader.request.get(reverse("updates-feed"))
    assert response.ok
    feed = feedparser.parse(response.body())
    assert feed.bozo == 0, feed.get("bozo_exception")
    entries = [entry for entry in feed.entries if entry.summary == FACT_SUMMARY]
    assert len(entries) == 1, [entry.summary for entry in feed.entries[:5]]
    assert FACT in entries[0].title
    assert entries[0].link.endswith(fact.get_absolute_url())
