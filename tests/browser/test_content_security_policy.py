"""The Content Security Policy in a real browser: the public pages and the
editors' admin work under it with no violation reported (no inline script or
style, nothing loaded from another origin)."""

from django.contrib.auth.models import User
from django.urls import reverse

from orgs.models import Fact
from tests.iomsite.test_site_pages import PAGES

PASSWORD = "correct-horse-battery-staple-7"


def collect_violations(page):
    """Every CSP report Chromium writes to the console, as it happens."""
    violations = []

    def on_console(message):
        if "Content Security Policy" in message.text:
            violations.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    return violations


def test_public_pages_load_with_no_policy_violation(page):
    violations = collect_violations(page)
    for url in PAGES:
        if url in ("/sitemap.xml", "/robots.txt"):
            continue
        response = page.goto(url)
        assert "script-src 'self'" in response.headers["content-security-policy"], url
        # The site's stylesheet was allowed and loaded.
        assert page.evaluate("document.styleSheets[0].cssRules.length") > 10, url
    assert violations == []

    # The watch works: an inline style added to the page is refused and reported.
    with page.expect_console_message(lambda m: "Content Security Policy" in m.text):
        page.evaluate(
            """document.body.insertAdjacentHTML("beforeend", '<p style="color: red">x</p>')"""
        )
    assert len(violations) == 1


def test_the_admin_works_under_the_policy(page):
    User.objects.create_superuser("csp-editor", "csp@example.org", PASSWORD)
    fact = Fact.objects.order_by("pk").first()
    violations = collect_violations(page)

    page.goto(reverse("admin:login"))
    page.get_by_label("Username").fill("csp-editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(reverse("admin:index"))

    page.goto(reverse("admin:orgs_fact_changelist"))
    page.goto(reverse("admin:orgs_fact_add"))
    page.goto(reverse("admin:orgs_fact_change", args=[fact.pk]))
    # The admin's scripts run: the organization autocomplete opens its search box
    # and "Add another" adds a citation row.
    page.locator(".select2-selection").first.click()
    page.locator(".select2-search__field").fill("Inter")
    page.locator(".select2-results__option").first.wait_for()
    page.keyboard.press("Escape")
    rows = page.locator(".dynamic-citations")
    before = rows.count()
    page.locator(".add-row a").first.click()
    assert rows.count() == before + 1
    page.goto(reverse("admin:orgs_fact_history", args=[fact.pk]))

    assert violations == []
