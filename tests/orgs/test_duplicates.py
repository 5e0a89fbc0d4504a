"""One document, one source record: the loader and the model refuse a second
record with the same web address, DOI, ISBN or UN document symbol."""

import json

import pytest
from django.core.exceptions import ValidationError

from loader.loader import LoadError, load
from orgs.duplicates import (
    identifiers,
    normal_doi,
    normal_isbn,
    normal_un_symbol,
    normal_url,
)
from orgs.models import Source
from tests.conftest import fixture_paths
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db


def source_record(slug, **fields):
    return {
        "model": "orgs.source",
        "fields": {
            "slug": slug,
            "status": "published",
            "kind": "web-page",
            "title": slug,
            **fields,
        },
    }


def write(tmp_path, *records):
    path = tmp_path / "sources.json"
    path.write_text(json.dumps(list(records)), encoding="utf-8")
    return [path]


def refusal(paths):
    with pytest.raises(LoadError) as error:
        load(paths)
    return str(error.value)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("https://www.iom.int/news/a-page", "http://iom.int/news/a-page/"),
        ("https://iom.int/news/a-page?utm_source=x&fbclid=abc", "https://iom.int/news/a-page"),
        ("https://IOM.int/news/a-page#top", "https://iom.int/news/a-page"),
    ],
)
def test_addresses_differing_only_in_what_does_not_change_the_page_are_the_same(first, second):
    assert normal_url(first) == normal_url(second)


def test_addresses_of_different_pages_or_queries_stay_different():
    assert normal_url("https://iom.int/news/a") != normal_url("https://iom.int/news/b")
    assert normal_url("https://iom.int/?page=1") != normal_url("https://iom.int/?page=2")


def test_identifiers_are_compared_in_their_normal_form():
    assert normal_doi("https://doi.org/10.1080/ABC") == normal_doi("10.1080/abc")
    assert normal_isbn("0-306-40615-2") == normal_isbn("978-0-306-40615-7")
    assert normal_un_symbol("a/res/47/4") == normal_un_symbol("A/RES/47/4")


def test_the_loader_refuses_two_sources_with_one_address_and_names_both(tmp_path):
    paths = write(
        tmp_path,
        source_record("first-copy", url="https://www.iom.int/news/a-page"),
        source_record("second-copy", url="http://iom.int/news/a-page/?utm_medium=email"),
    )

    message = refusal(paths)

    assert "record 2 (orgs.source 'second-copy')" in message
    assert "the same web address (iom.int/news/a-page)" in message
    assert "record 1 (orgs.source 'first-copy')" in message
    assert not Source.objects.filter(slug__in=["first-copy", "second-copy"]).exists()


@pytest.mark.parametrize(
    ("field", "first", "second", "name"),
    [
        ("doi", "10.1080/00076791.2025.2558764", "10.1080/00076791.2025.2558764", "DOI"),
        ("isbn", "978-1-349-11058-2", "9781349110582", "ISBN"),
        ("un_symbol", "A/RES/73/195", "A/RES/73/195", "UN document symbol"),
    ],
)
def test_the_loader_refuses_two_sources_with_one_identifier(tmp_path, field, first, second, name):
    paths = write(
        tmp_path,
        source_record("first-copy", **{field: first}),
        source_record("second-copy", **{field: second}),
    )

    message = refusal(paths)

    assert f"the same {name}" in message
    assert "'first-copy'" in message
    assert "'second-copy'" in message


def test_the_loader_accepts_distinct_documents_with_alike_titles(tmp_path):
    paths = write(
        tmp_path,
        source_record("constitution-text", title="Constitution", url="https://iom.int/text"),
        source_record("constitution-page", title="Constitution", url="https://iom.int/about"),
    )

    load(paths)

    assert Source.objects.filter(slug__startswith="constitution-").count() == 2


def test_the_seed_has_no_two_sources_for_one_document():
    seen = {}
    for path in fixture_paths():
        for record in json.loads(path.read_text("utf-8")):
            if record["model"] != "orgs.source":
                continue
            for identifier in identifiers(record["fields"]):
                assert identifier not in seen, (record["fields"]["slug"], seen[identifier])
                seen[identifier] = record["fields"]["slug"]


def test_a_source_duplicating_a_stored_one_is_refused_naming_it():
    stored = SourceFactory(slug="stored-page", title="A page", url="https://iom.int/news/x")
    copy = SourceFactory.build(slug="new-page", title="Same page", url="http://www.iom.int/news/x/")

    with pytest.raises(ValidationError) as error:
        copy.full_clean()

    message = error.value.message_dict["url"][0]
    assert f"“{stored}” (key stored-page)" in message
    assert "one document is one source" in message


def test_a_source_may_be_saved_again_with_its_own_address():
    stored = SourceFactory(url="https://iom.int/news/x", doi="10.1234/abc")
    stored.title = "Retitled"

    stored.full_clean()


def test_an_isbn_written_two_ways_is_one_book():
    SourceFactory(slug="book", kind=Source.Kind.BOOK, isbn="978-1-349-11058-2")
    chapter = SourceFactory.build(slug="chapter", kind=Source.Kind.CHAPTER, isbn="9781349110582")

    with pytest.raises(ValidationError) as error:
        chapter.full_clean()

    assert "isbn" in error.value.message_dict
