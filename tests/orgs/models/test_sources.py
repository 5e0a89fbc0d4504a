"""The rules of sources: safe web addresses, DOIs, ISBNs and UN document
symbols, how a source is shown and linked, and the citations it lists."""

import pytest
from django.core.exceptions import ValidationError

from critiques.models import Critic
from editorial.content import Status
from orgs.fields import WebURLField
from orgs.models import (
    Organization,
    SeeAlso,
    Source,
    doi_validator,
    un_symbol_validator,
    validate_isbn,
)
from tests import factories
from tests.orgs.models.validation import WEB_ADDRESS_MESSAGE, date, errors, refused

pytestmark = pytest.mark.django_db


# Source: web addresses


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://x",
        "ftp://ftp.example.org/report.pdf",
        "file:///etc/passwd",
    ],
)
def test_a_source_refuses_a_web_address_a_browser_cannot_safely_open(url):
    source = factories.SourceFactory.build(slug="orgs-test-unsafe-url", url=url)

    assert errors(source) == {"url": [WEB_ADDRESS_MESSAGE]}


@pytest.mark.parametrize("url", ["http://example.org/report", "https://www.iom.int/wmr"])
def test_a_source_accepts_an_http_or_https_address(url):
    source = factories.SourceFactory.build(slug="orgs-test-web-url", url=url)

    assert errors(source) == {}


@pytest.mark.parametrize(
    ("model", "field_name"),
    [(Source, "url"), (Organization, "website"), (SeeAlso, "url"), (Critic, "website")],
)
def test_every_web_address_field_refuses_javascript(model, field_name):
    field = model._meta.get_field(field_name)

    assert isinstance(field, WebURLField)
    assert refused(lambda value: field.clean(value, None), "javascript:alert(1)") == [
        WEB_ADDRESS_MESSAGE
    ]


def test_the_web_address_form_field_refuses_javascript():
    form_field = Source._meta.get_field("url").formfield()

    with pytest.raises(ValidationError):
        form_field.clean("javascript:alert(1)")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://ftp.example.org/report.pdf"])
def test_the_web_address_form_field_explains_the_refusal_once(url):
    form_field = Source._meta.get_field("url").formfield()

    with pytest.raises(ValidationError) as error:
        form_field.clean(url)

    assert error.value.messages == [WEB_ADDRESS_MESSAGE]


def test_the_web_address_form_field_assumes_https_when_no_scheme_is_typed():
    form_field = Source._meta.get_field("url").formfield()

    assert form_field.clean("www.iom.int") == "https://www.iom.int"


# Source: identifiers


@pytest.mark.parametrize("doi", ["10.1234/abc", "10.1093/ijrl/eeu035", "10.1007/978-1-349-11058-2"])
def test_a_doi_is_accepted(doi):
    doi_validator(doi)


@pytest.mark.parametrize("doi", ["https://doi.org/10.1234/abc", "10.12/abc", "doi:10.1234/abc"])
def test_a_doi_with_a_prefix_or_a_short_registrant_is_refused(doi):
    assert refused(doi_validator, doi) == [
        "A DOI looks like 10.1234/abc (without https://doi.org/)."
    ]


@pytest.mark.parametrize(
    "isbn",
    ["978-1-349-11058-2", "9781349110582", "978 1 349 11058 2", "0-306-40615-2", "0-8044-2957-X"],
)
def test_an_isbn_with_a_correct_check_digit_is_accepted(isbn):
    validate_isbn(isbn)


@pytest.mark.parametrize(
    "isbn", ["978-1-349-11058-3", "0-306-40615-3", "978-1-349-1105", "X-306-40615-2", "isbn"]
)
def test_an_isbn_with_a_wrong_check_digit_or_length_is_refused(isbn):
    assert refused(validate_isbn, isbn) == [
        f"“{isbn}” is not a valid ISBN-10 or ISBN-13 (check the digits)."
    ]


def test_full_clean_refuses_a_source_with_a_bad_isbn():
    source = factories.SourceFactory.build(slug="orgs-test-isbn", isbn="978-1-349-11058-3")

    assert errors(source) == {
        "isbn": ["“978-1-349-11058-3” is not a valid ISBN-10 or ISBN-13 (check the digits)."]
    }


@pytest.mark.parametrize("symbol", ["A/RES/47/4", "E/CN.4/2005/1", "S/RES/2334(2016)", "A/73/L.66"])
def test_a_un_document_symbol_is_accepted(symbol):
    un_symbol_validator(symbol)


@pytest.mark.parametrize("symbol", ["hello", "a/res/47/4", "A/", "A RES 47 4"])
def test_text_that_is_not_a_un_document_symbol_is_refused(symbol):
    assert refused(un_symbol_validator, symbol) == ["A UN document symbol looks like A/RES/47/4."]


# Source: shown and linked


def test_a_source_is_shown_by_first_author_family_name_year_and_title():
    source = Source(
        authors="Koch, Anne; Ghosh, Bimal", published=date("2014"), title="The politics"
    )

    assert str(source) == "Koch (2014). The politics"


def test_an_organization_as_author_is_shown_whole():
    source = Source(
        authors="International Organization for Migration", published=date("2022"), title="WMR"
    )

    assert str(source) == "International Organization for Migration (2022). WMR"


def test_a_source_without_author_or_date_is_shown_by_title_and_no_date():
    assert str(Source(title="Constitution", published=None)) == "Constitution (n.d.)"


def test_a_source_links_to_its_page():
    assert Source(slug="koch-2014").get_absolute_url() == "/sources/koch-2014/"


def test_a_source_lists_only_the_citations_of_published_claims_across_apps():
    source = factories.SourceFactory(slug="orgs-test-cited-source")
    fact = factories.FactFactory(cites=[source])
    event = factories.EventFactory(cites=[source])
    factories.PersonFactory(status=Status.DRAFT, cites=[source])

    claims = {citation.claim for citation in source.published_citations()}

    assert claims == {fact, event}
