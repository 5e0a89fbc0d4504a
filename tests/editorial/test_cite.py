"""Cite this page: every entry page and permanent link offers APA, Chicago and MLA
text and BibTeX and RIS files naming the site, the entry, the revision's date,
its permanent link and the day it was read."""

import re
from datetime import UTC, datetime
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from editorial import permalinks
from editorial.content import Status
from orgs.models import Person
from tests import factories
from tests.editorial.history_helpers import save

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BIBTEX_SPECIAL = set("&%$#_{}~^\\")


def parse_bibtex(text):
    """One BibTeX entry, read strictly: ``@type{key,`` then ``name = {value}``
    fields, one a line, with balanced braces and LaTeX's special characters
    escaped (except in ``url``); (type, key, {name: value})."""
    head = re.match(r"@(\w+)\{([A-Za-z0-9-]+),\n", text)
    assert head, text
    fields = {}
    lines = text[head.end() :].split("\n")
    assert lines[-2:] == ["}", ""], text
    for line in lines[:-2]:
        match = re.fullmatch(r"  ([a-z]+) = \{(.*)\},?", line)
        assert match, line
        name, value = match.groups()
        depth = 0
        for index, char in enumerate(value):
            escaped = index > 0 and value[index - 1] == "\\"
            if char == "{" and not escaped:
                depth += 1
            elif char == "}" and not escaped:
                depth -= 1
                assert depth >= 0, line
            elif char in BIBTEX_SPECIAL - set("{}\\") and name != "url":
                assert escaped, line
        assert depth == 0, line
        fields[name] = value
    return head.group(1), head.group(2), fields


def dated(entry, when):
    """Date the entry's published history rows ``when`` (as if published then)."""
    entry.history.filter(status=Status.PUBLISHED).update(history_date=when)


def cite_block(html):
    start = html.index('<details class="cite-page"')
    return html[start : html.index("</details>", start)]


def test_an_entry_page_cites_its_revision_in_three_styles(client):
    person = Person.objects.get(slug="amy-e-pope")
    dated(person, datetime(2024, 3, 12, 9, 30, tzinfo=UTC))
    history_id, _date = permalinks.latest_published(person)
    today = timezone.localdate()

    block = cite_block(client.get("/people/amy-e-pope/").text)

    link = f"http://testserver/changes/orgs/person/amy-e-pope/{history_id}/"
    assert "<summary>Cite this page</summary>" in block
    assert (
        f"Amy E. Pope. (2024, March 12). In <i>IOM reference</i>. "
        f"Retrieved {today:%B} {today.day}, {today.year}, from {link}"
    ) in block
    assert "“Amy E. Pope.” IOM reference. Last modified March 12, 2024. Accessed " in block
    assert f"“Amy E. Pope.” <i>IOM reference</i>, 12 Mar. 2024, {link}. Accessed " in block
    assert f'href="{link}"' in block


def test_the_bibtex_file_parses_and_names_the_revision(client):
    person = Person.objects.get(slug="amy-e-pope")
    dated(person, datetime(2024, 3, 12, tzinfo=UTC))
    history_id, _date = permalinks.latest_published(person)

    response = client.get(f"/changes/orgs/person/amy-e-pope/{history_id}/cite.bib")

    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    kind, key, fields = parse_bibtex(response.text)
    assert kind == "misc"
    assert key == f"iomreference-orgs-person-amy-e-pope-{history_id}"
    assert fields["title"] == "Amy E. Pope"
    assert fields["year"] == "2024"
    assert fields["date"] == "2024-03-12"
    assert fields["url"] == f"http://testserver/changes/orgs/person/amy-e-pope/{history_id}/"
    assert fields["urldate"] == timezone.localdate().isoformat()
    assert "IOM reference" in fields["organization"]


def test_the_bibtex_file_escapes_what_bibtex_reads_as_markup(client):
    person = factories.PersonFactory(slug="special-name", name="R&D_Team {50%} #1 ~ $x^2\\")

    history_id, _date = permalinks.latest_published(person)
    text = client.get(f"/changes/orgs/person/special-name/{history_id}/cite.bib").text

    _kind, _key, fields = parse_bibtex(text)
    assert fields["title"] == (
        r"R\&D\_Team \{50\%\} \#1 \textasciitilde{} \$x\textasciicircum{}2\textbackslash{}"
    )


def test_the_ris_file_is_one_record_from_ty_to_er(client):
    person = Person.objects.get(slug="amy-e-pope")
    dated(person, datetime(2024, 3, 12, tzinfo=UTC))
    history_id, _date = permalinks.latest_published(person)

    response = client.get(f"/changes/orgs/person/amy-e-pope/{history_id}/cite.ris")

    lines = response.text.split("\r\n")
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    assert lines[0] == "TY  - ELEC"
    assert lines[-2:] == ["ER  - ", ""]
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines[:-1])
    assert "TI  - Amy E. Pope" in lines
    assert "DA  - 2024/03/12/" in lines
    assert f"UR  - http://testserver/changes/orgs/person/amy-e-pope/{history_id}/" in lines


def test_a_permanent_link_cites_that_revision_not_the_current_one(client):
    person = factories.PersonFactory(slug="renamed-person", name="Old Name")
    first = person.history.get()
    type(first).objects.filter(pk=first.pk).update(history_date=datetime(2020, 5, 7, tzinfo=UTC))
    save(person, "Renamed", name="New Name")

    block = cite_block(client.get(f"/changes/orgs/person/renamed-person/{first.history_id}/").text)

    assert "“Old Name.” <i>IOM reference</i>, 7 May 2020, " in block
    assert f"/changes/orgs/person/renamed-person/{first.history_id}/" in block
    assert "New Name" not in block


def test_every_entry_page_in_the_sitemap_shows_a_cite_block(client):
    sitemap = ElementTree.fromstring(client.get("/sitemap.xml").content)
    pages = [loc.text.removeprefix("http://testserver") for loc in sitemap.iter(f"{SITEMAP}loc")]
    # An entry's page has a key below its section ("/people/amy-e-pope/"), or is the
    # overview ("/"), in each language.
    english = [re.sub(r"^/(fr|es)(?=/)", "", page) for page in pages]
    entry_pages = [
        page
        for page, path in zip(pages, english, strict=True)
        if path.count("/") > 2 or path == "/"
    ]
    assert len(entry_pages) > 50

    for page in entry_pages:
        html = client.get(page).text
        assert '<details class="cite-page"' in html, page
        assert re.search(r'href="(/fr|/es)?/changes/[^"]+/\d+/cite\.bib"', html), page


def test_a_staff_preview_of_a_draft_offers_no_citation(admin_client):
    factories.PersonFactory(slug="draft-person", status=Status.DRAFT)

    html = admin_client.get("/people/draft-person/").text

    assert "Preview: this entry is not published." in html
    assert "cite-page" not in html
