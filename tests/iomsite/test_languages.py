"""The site in English, French and Spanish: one address per page and language,
a switcher that keeps the reader on the same page, and alternates that name
every version of a page to search engines."""

import json
import re
from urllib.parse import urlencode, urlsplit
from xml.etree import ElementTree

import feedparser
import pytest
from django.utils import translation

from tests.iomsite.test_hostile_input import (
    NASTY_VALUES,
    PARAMETERS,
    URLS,
    assert_handled,
    split,
)
from tests.iomsite.test_site_pages import MACHINE_ADDRESSES, PAGES

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr", "es")
READER_PAGES = [url for url in PAGES if url not in MACHINE_ADDRESSES]
SITEMAP_NAMESPACES = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def in_language(url, language):
    return url if language == "en" else f"/{language}{url}"


def html_lang(html):
    return re.search(r'<html lang="([^"]+)"', html).group(1)


def alternates(html):
    """hreflang -> address, from the head's <link rel="alternate"> elements."""
    head = html[: html.index("</head>")]
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', head))


def switcher_links(html):
    """(hreflang, lang, href, current) for each link of the language switcher."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return [
        (hreflang, lang, href.replace("&amp;", "&"), bool(current))
        for href, hreflang, lang, current in re.findall(
            r'<a href="([^"]+)" hreflang="(\w+)" lang="(\w+)"( aria-current="true")?>', nav
        )
    ]


def sitemap_urls(client):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    return root.findall("s:url", SITEMAP_NAMESPACES)


@pytest.mark.parametrize("language", ["fr", "es"])
@pytest.mark.parametrize("url", READER_PAGES)
def test_every_reader_page_answers_in_french_and_spanish_with_its_language(client, url, language):
    response = client.get(in_language(url, language))
    assert response.status_code == 200
    assert html_lang(response.text) == language
    assert response["Content-Language"] == language


def test_every_page_in_the_sitemap_answers_in_the_language_of_its_address(client):
    addresses = [url.find("s:loc", SITEMAP_NAMESPACES).text for url in sitemap_urls(client)]
    assert addresses
    for address in addresses:
        path = urlsplit(address).path
        response = client.get(path)
        assert response.status_code == 200, path
        prefix = path.split("/")[1]
        assert html_lang(response.text) == (prefix if prefix in ("fr", "es") else "en"), path


def test_an_unprefixed_address_is_english_whatever_the_browser_asks(client):
    response = client.get("/leaders/", headers={"accept-language": "fr,es;q=0.8"})
    assert html_lang(response.text) == "en"
    assert "Accept-Language" not in response.get("Vary", "")


def test_an_unknown_language_prefix_is_not_found(client):
    for path in ("/de/", "/de/leaders/", "/fr/fr/", "/en/leaders/", "/fr/admin/"):
        assert client.get(path).status_code == 404, path


def test_machine_addresses_have_no_language_versions(client):
    for path in ("/fr/sitemap.xml", "/es/robots.txt", "/fr/healthz"):
        assert client.get(path).status_code == 404, path


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_switcher_keeps_the_reader_on_the_same_person(client, language):
    html = client.get(in_language("/people/amy-e-pope/", language)).text
    assert switcher_links(html) == [
        ("en", "en", "/people/amy-e-pope/", language == "en"),
        ("fr", "fr", "/fr/people/amy-e-pope/", language == "fr"),
        ("es", "es", "/es/people/amy-e-pope/", language == "es"),
    ]


def test_the_switcher_keeps_the_query_string_of_a_filtered_list(client):
    html = client.get("/fr/history/?decade=1990&page=1").text
    links = {hreflang: href for hreflang, _lang, href, _current in switcher_links(html)}
    assert links["en"] == "/history/?decade=1990&page=1"
    assert links["es"] == "/es/history/?decade=1990&page=1"


@pytest.mark.parametrize("url", READER_PAGES)
def test_switcher_links_lead_to_the_same_page_in_each_language(client, url):
    html = client.get(in_language(url, "es")).text
    for hreflang, _lang, href, _current in switcher_links(html):
        answer = client.get(href)
        assert answer.status_code == 200, href
        assert html_lang(answer.text) == hreflang, href


def test_a_missing_page_offers_each_language_home_page_and_no_alternates(client):
    response = client.get("/fr/no-such-page/")
    assert response.status_code == 404
    assert html_lang(response.text) == "fr"
    assert [href for _h, _l, href, _c in switcher_links(response.text)] == ["/", "/fr/", "/es/"]
    assert alternates(response.text) == {}


@pytest.mark.parametrize("url", READER_PAGES)
def test_each_page_names_its_versions_and_they_name_it_back(client, url):
    english = alternates(client.get(url).text)
    assert set(english) == {"en", "fr", "es", "x-default"}
    assert english["x-default"] == english["en"] == f"http://testserver{url.split('?')[0]}"
    for language in ("fr", "es"):
        version = client.get(urlsplit(english[language]).path).text
        assert alternates(version) == english, language


@pytest.mark.parametrize("language", LANGUAGES)
def test_canonical_address_and_open_graph_locale_are_the_language_s(client, language):
    html = client.get(in_language("/names/", language)).text
    canonical = f"http://testserver{in_language('/names/', language)}"
    assert f'<link rel="canonical" href="{canonical}">' in html
    locales = {"en": "en_GB", "fr": "fr_FR", "es": "es_ES"}
    assert f'<meta property="og:locale" content="{locales[language]}">' in html
    others = set(re.findall(r'<meta property="og:locale:alternate" content="(\w+)">', html))
    assert others == {locale for code, locale in locales.items() if code != language}


@pytest.mark.parametrize("language", LANGUAGES)
def test_structured_data_names_the_page_s_language(client, language):
    html = client.get(in_language("/", language)).text
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["inLanguage"] == language
    assert data["url"] == f"http://testserver{in_language('/', language)}"


def test_the_sitemap_lists_each_page_in_each_language_with_its_alternates(client):
    urls = sitemap_urls(client)
    locations = {url.find("s:loc", SITEMAP_NAMESPACES).text for url in urls}
    assert {
        "http://testserver/people/amy-e-pope/",
        "http://testserver/fr/people/amy-e-pope/",
        "http://testserver/es/people/amy-e-pope/",
    } <= locations
    for url in urls:
        links = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", SITEMAP_NAMESPACES)
        }
        assert set(links) == {"en", "fr", "es", "x-default"}
        assert url.find("s:loc", SITEMAP_NAMESPACES).text in links.values()
        assert links["x-default"] == links["en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_feed_with_links_in_that_language(client, language):
    page = client.get(in_language("/leaders/", language)).text
    feed_path = in_language("/updates/feed/", language)
    assert (
        f'<link rel="alternate" type="application/atom+xml" hreflang="{language}" '
        f'href="{feed_path}"'
    ) in page
    feed = feedparser.parse(client.get(feed_path).content)
    assert not feed.bozo
    assert feed.feed.language == language
    assert feed.entries
    prefix = "http://testserver" + ("/" if language == "en" else f"/{language}/")
    for entry in feed.entries:
        assert entry.link.startswith(prefix), entry.link
        if language == "en":
            assert not entry.link.startswith(("http://testserver/fr/", "http://testserver/es/"))


def test_feed_entry_ids_differ_between_languages(client):
    ids = {
        language: {e.id for e in feedparser.parse(client.get(path).content).entries}
        for language, path in (("en", "/updates/feed/"), ("fr", "/fr/updates/feed/"))
    }
    assert ids["en"] and ids["fr"]
    assert not ids["en"] & ids["fr"]


@pytest.mark.parametrize("language", ["fr", "es"])
def test_entry_history_pages_are_in_each_language(client, language):
    html = client.get(in_language("/people/amy-e-pope/", language)).text
    assert f'href="/{language}/changes/orgs/person/amy-e-pope/"' in html


@pytest.mark.parametrize("language", ["fr", "es"])
@pytest.mark.parametrize("url", URLS)
def test_french_and_spanish_pages_take_every_nasty_value(client, url, language):
    path, query = split(url)
    for start in range(0, len(NASTY_VALUES), len(PARAMETERS)):
        extra = [
            (name, NASTY_VALUES[(start + i) % len(NASTY_VALUES)])
            for i, name in enumerate([*PARAMETERS, "unknown"])
        ]
        full = f"{in_language(path, language)}?{urlencode(query + extra)}"
        response = client.get(full)
        assert_handled(response, full)
        if response["Content-Type"].startswith("text/html"):
            # The switcher repeats the query string: escaped, as everything else.
            assert "<script>alert" not in response.text, full


@pytest.mark.parametrize(
    "path",
    [
        "/fr/people/<script>alert(1)</script>/",
        "/es/sources/%C0%AE%C0%AE/",
        "/fr/%00/",
        "/es/" + "a" * 5000 + "/",
        "/fr/../../etc/passwd",
        "/xx/",
        "/fr-ca/",
        "/FR/",
    ],
)
def test_hostile_paths_under_a_language_get_the_404_page(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert_handled(response, path)


def test_robots_txt_keeps_crawlers_out_of_every_language_s_search(client):
    text = client.get("/robots.txt").text
    for path in ("/search/", "/fr/search/", "/es/search/"):
        assert f"Disallow: {path}\n" in text


def test_the_500_page_is_in_the_language_of_its_address():
    from django.template.loader import render_to_string

    with translation.override("es"):
        html = render_to_string("500.html")
    assert html_lang(html) == "es"
    assert 'href="/es/"' in html
