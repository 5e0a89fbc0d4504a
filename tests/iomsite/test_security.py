"""Security rules: response headers and the Content Security Policy, cookies,
the admin login throttle, escaping of everything editors type, web-only links,
and a 500 page that reveals nothing."""

import html
import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import CharField, F, Value
from django.db.models.functions import Cast, Concat
from django.test import Client, override_settings
from django.urls import reverse

from critiques.models import Critic, Criticism, Quotation, Topic
from iomsite.security import client_ip
from orgs.citations import CitationBase
from orgs.models import Fact, NameEra, Office, Organization, Person, SeeAlso, Source, Term
from tests.iomsite.test_site_pages import PAGES
from timeline.models import Event

pytestmark = pytest.mark.django_db

BASE_DIR = settings.BASE_DIR


def public_page_urls():
    """The public pages as tests/test_site_pages.py lists them, less the two
    that are not HTML."""
    return [url for url in PAGES if url not in ("/sitemap.xml", "/robots.txt")]


# Headers


EXPECTED_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def policy(response):
    directives = [d.strip() for d in response["Content-Security-Policy"].split(";")]
    return dict(d.split(" ", 1) for d in directives if d)


@pytest.fixture
def production_headers(settings):
    """What production sends: HSTS only on secure requests (as behind TLS)."""
    settings.SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True


@pytest.mark.parametrize("url", ["/", "/criticisms/", "admin-login"])
def test_every_security_header_is_sent(client, production_headers, url):
    if url == "admin-login":
        url = reverse("admin:login")
    response = client.get(url, secure=True)

    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert policy(response) == EXPECTED_CSP


def test_production_settings_turn_on_hsts_and_secure_cookies():
    """The values the test settings inherit from iomsite/settings.py with debug off."""
    assert settings.SECURE_HSTS_SECONDS == 31_536_000
    assert settings.SECURE_HSTS_INCLUDE_SUBDOMAINS is True
    assert settings.SESSION_COOKIE_SECURE is True
    assert settings.CSRF_COOKIE_SECURE is True
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.CSRF_COOKIE_HTTPONLY is True


def test_the_policy_allows_no_inline_code_and_no_other_origin(client):
    header = client.get("/")["Content-Security-Policy"]
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header
    assert "http" not in header and "*" not in header


def test_templates_have_no_inline_script_style_or_event_handler():
    """What the policy would block: style attributes, <style>, executable <script>
    and on...= handlers. A JSON-LD data block is data, not code."""
    folders = [BASE_DIR / "templates", *BASE_DIR.glob("*/templates")]
    offences = []
    for template in (path for folder in folders for path in folder.rglob("*.html")):
        text = template.read_text()
        for pattern in (
            r"\sstyle\s*=",
            r"<style",
            r"<script(?![^>]*type=\"application/ld\+json\")",
            r"\son[a-z]+\s*=",
        ):
            offences += [f"{template}: {m.group(0)}" for m in re.finditer(pattern, text)]
    assert offences == []


def test_session_and_csrf_cookies_are_secure_and_http_only(client):
    User.objects.create_user("cookie-editor", password="a-long-test-password-9", is_staff=True)
    login = reverse("admin:login")

    csrf = client.get(login).cookies[settings.CSRF_COOKIE_NAME]
    response = client.post(
        login, {"username": "cookie-editor", "password": "a-long-test-password-9"}
    )
    session = response.cookies[settings.SESSION_COOKIE_NAME]

    for cookie in (csrf, session):
        assert cookie["secure"] is True, cookie.key
        assert cookie["httponly"] is True, cookie.key
        assert cookie["samesite"] == "Lax", cookie.key


def test_a_form_without_its_csrf_token_gets_the_sites_403_page_with_no_inline_style():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("admin:login"), {"username": "a", "password": "b"})

    assert response.status_code == 403
    assert "Form not accepted" in response.text
    assert "<style" not in response.text


# Login throttle


PASSWORD = "a-long-test-password-1"


@pytest.fixture
def editor():
    return User.objects.create_user("editor", password=PASSWORD, is_staff=True)


def log_in(client, username, password, address="127.0.0.2"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def is_logged_in(response):
    return response.status_code == 302 and response.url == reverse("admin:index")


def test_a_correct_password_logs_in(client, editor):
    assert is_logged_in(log_in(client, "editor", PASSWORD))


def test_after_five_wrong_passwords_for_a_user_even_the_right_one_is_refused(client, editor):
    for _ in range(4):
        response = log_in(client, "editor", "wrong")
        assert response.status_code == 200  # the form again, with its error
        assert "Please enter the correct username and password" in response.text

    fifth = log_in(client, "editor", "wrong")
    refused = log_in(client, "editor", PASSWORD)

    for response in (fifth, refused):
        assert response.status_code == 429
        assert response["Retry-After"] == "900"
        assert "Too many failed logins for this user name or from this address" in response.text
        assert "for the next 15 minutes" in response.text
    assert "_auth_user_id" not in client.session


def test_the_lock_on_a_user_holds_from_every_address(client, editor):
    for number in range(5):
        log_in(client, "editor", "wrong", address=f"127.0.0.{10 + number}")

    assert log_in(client, "editor", PASSWORD, address="127.0.0.99").status_code == 429


def test_five_failures_from_one_address_lock_that_address_whatever_the_user(client, editor):
    for number in range(5):
        log_in(client, f"guess-{number}", "wrong", address="127.0.0.3")

    assert log_in(client, "editor", PASSWORD, address="127.0.0.3").status_code == 429
    # The same editor from elsewhere is not affected.
    assert is_logged_in(log_in(Client(), "editor", PASSWORD, address="127.0.0.4"))


def test_logins_are_allowed_again_after_fifteen_minutes(client, editor):
    for _ in range(5):
        log_in(client, "editor", "wrong")
    assert log_in(client, "editor", PASSWORD).status_code == 429

    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=15, seconds=1))

    assert is_logged_in(log_in(client, "editor", PASSWORD))


def test_successful_logins_do_not_count_towards_the_limit(editor):
    for _ in range(8):
        assert is_logged_in(log_in(Client(), "editor", PASSWORD))
    for _ in range(4):
        log_in(Client(), "editor", "wrong")
    assert is_logged_in(log_in(Client(), "editor", PASSWORD))


def test_force_login_used_by_the_other_admin_tests_is_not_throttled(client, editor):
    for _ in range(5):
        log_in(Client(), "editor", "wrong")
    client.force_login(editor)
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_client_address_is_remote_addr_unless_behind_the_tls_proxy(rf):
    request = rf.get("/", REMOTE_ADDR="127.0.0.5", HTTP_X_FORWARDED_FOR="6.6.6.6, 127.0.0.8")
    assert client_ip(request) == "127.0.0.5"
    with override_settings(BEHIND_TLS_PROXY=True):
        # The balancer appends the address it saw; what came before is the client's say.
        assert client_ip(request) == "127.0.0.8"
        assert client_ip(rf.get("/", REMOTE_ADDR="127.0.0.5")) == "127.0.0.5"


def test_the_admin_lives_under_the_configured_path():
    assert reverse("admin:index") == "/" + settings.ADMIN_PATH


# Everything an editor types is escaped


PAYLOADS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)")
LONG_PAYLOAD = " ".join(PAYLOADS)
SHORT_PAYLOAD = '"><s>'

# Every text field editors fill in that a public page shows (choice fields,
# keys, dates and the validated DOI/ISBN/UN-symbol fields cannot hold markup).
TEXT_FIELDS = {
    Organization: ["name", "acronym", "summary", "mandate", "structure"],
    Person: ["name", "native_name", "native_name_language", "nationality", "summary"],
    Term: ["portfolio", "note"],
    Event: ["title", "summary", "rank_reason"],
    Criticism: ["title", "summary", "response"],
    Quotation: ["text", "locator"],
    Critic: ["name", "description"],
    Topic: ["name"],
    Source: [
        "title", "authors", "editors", "container", "publisher", "volume", "issue", "pages", "note",
    ],
    Fact: ["note", "rank_reason"],
    Office: ["name", "city", "country", "summary"],
    NameEra: ["name", "acronym", "summary"],
    SeeAlso: ["title", "description"],
}  # fmt: skip
CITATION_FIELDS = ["locator", "quotation"]


def citation_models():
    return [model for model in apps.get_models() if issubclass(model, CitationBase)]


def fill_with_payloads():
    """Put a payload in every field of every record; return {field label: value}."""
    values = {}
    targets = [(model, TEXT_FIELDS[model]) for model in TEXT_FIELDS]
    targets += [(model, CITATION_FIELDS) for model in citation_models()]
    for model, names in targets:
        for name in names:
            field = model._meta.get_field(name)
            number = len(values)
            label = f"{model._meta.label}.{name}"
            if field.max_length and field.max_length < len(LONG_PAYLOAD) + 12:
                value = f"{SHORT_PAYLOAD}{number:02d}"[: field.max_length]
                model.objects.update(**{name: value})
            else:
                # Ends with the record's key, for fields that must stay unique.
                value = f"{LONG_PAYLOAD} #{number:02d}-"
                model.objects.update(**{name: Concat(Value(value), Cast("pk", CharField()))})
            values[label] = value
    return values


def pages_showing_the_content():
    urls = {url for url in PAGES if not url.startswith("/search/")}
    for model in (Organization, Person, Event, Criticism, Critic, Source, NameEra):
        urls |= {record.get_absolute_url() for record in model.objects.published()}
    urls |= {
        reverse("orgs:figures", args=[kind]) for kind in Fact.objects.values_list("kind", flat=True)
    }
    urls |= {f"/criticisms/?topic={slug}" for slug in Topic.objects.values_list("slug", flat=True)}
    urls |= {"/search/?q=alert", "/search/?q=script", "/search/?q=onerror"}
    return sorted(url.split("#")[0] for url in urls)


def unescaped_payloads(text):
    found = [p for p in ("<script>alert", "<img src=x", SHORT_PAYLOAD) if p in text]
    found += re.findall(r"""(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:""", text, re.I)
    return found


def test_everything_editors_type_is_escaped_on_every_public_page(client):
    values = fill_with_payloads()
    shown = set()
    urls = pages_showing_the_content()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.text
        assert unescaped_payloads(text) == [], url
        shown |= {label for label, value in values.items() if html.escape(value) in text}

    # Every field was on some page, so every one was checked.
    assert set(values) - shown == set()


MARKUP_URL = 'https://example.org/?q="><script>alert(1)</script>'


def test_web_addresses_holding_markup_are_escaped_where_they_are_linked(client):
    """A valid http(s) address may still carry markup in its query; every link
    that shows it must keep it inside the attribute."""
    for model, name in URL_FIELDS:
        model.objects.update(**{name: MARKUP_URL})
    linked = False
    for url in pages_showing_the_content():
        text = client.get(url).text
        assert unescaped_payloads(text) == [], url
        linked |= f'href="{html.escape(MARKUP_URL)}"' in text
    assert linked


# Only web addresses


URL_FIELDS = [
    (Source, "url"),
    (Organization, "website"),
    (SeeAlso, "url"),
    (Critic, "website"),
]
BAD_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/a",
]


@pytest.mark.parametrize(("model", "name"), URL_FIELDS, ids=lambda v: getattr(v, "__name__", v))
@pytest.mark.parametrize("bad", BAD_URLS)
def test_url_fields_refuse_anything_but_http_and_https(model, name, bad):
    field = model._meta.get_field(name)
    with pytest.raises(ValidationError):
        field.clean(bad, None)
    form_field = field.formfield()
    with pytest.raises(ValidationError):
        form_field.clean(bad)


@pytest.mark.parametrize(("model", "name"), URL_FIELDS, ids=lambda v: getattr(v, "__name__", v))
def test_url_fields_accept_web_addresses(model, name):
    field = model._meta.get_field(name)
    for good in ("https://www.iom.int/", "http://example.org/a?b=c"):
        assert field.clean(good, None) == good


# The 500 page


SECRET_DETAIL = "secret-internal-detail /srv/iomsite password=hunter2"


@override_settings(ROOT_URLCONF="tests.urls_with_error", DEBUG=False)
def test_a_server_error_shows_the_500_page_and_nothing_internal(caplog):
    client = Client(raise_request_exception=False)
    response = client.get("/broken/")

    assert response.status_code == 500
    assert "Something went wrong" in response.text
    for leak in ("hunter2", "secret-internal-detail", "RuntimeError", "Traceback", "/srv/"):
        assert leak not in response.text
    # The details go to the log instead.
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.levelname == "ERROR"
    assert record.exc_info[0] is RuntimeError
