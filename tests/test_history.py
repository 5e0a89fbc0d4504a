"""Revision history: what is recorded, the editors' history/compare/revert pages in
the admin, and the public history page of each entry."""

import re

import pytest
from django import forms
from django.apps import apps
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from editorial.content import Content, Status
from loader.loader import read_records
from orgs.citations import CitationBase
from orgs.models import Person, PersonCitation, Source
from tests.conftest import fixture_paths
from tests.factories import (
    EventFactory,
    OrganizationFactory,
    PersonCitationFactory,
    PersonFactory,
    SourceFactory,
    UserFactory,
)
from timeline.models import Event, EventCitation

pytestmark = pytest.mark.django_db

# The public history page of one seed entry, and the queries it makes: the entry,
# the count of its published changes, the page of them, the sources added.
PERSON_HISTORY = "/changes/orgs/person/amy-e-pope/"
PERSON_HISTORY_QUERIES = 4


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def save(entry, reason, user=None, **values):
    for name, value in values.items():
        setattr(entry, name, value)
    entry._change_reason = reason
    if user is not None:
        entry._history_user = user
    entry.save()
    return entry


def latest_row(entry):
    return entry.history.order_by("-history_date", "-history_id").first()


def form_data(response):
    """What the admin change form on the page posts when submitted unchanged."""
    data = {}

    def add(form):
        for name, field in form.fields.items():
            if field.disabled:
                continue
            bound = form[name]
            value = bound.value()
            if isinstance(field.widget, forms.CheckboxInput):
                if value:
                    data[bound.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[bound.html_name] = [str(item) for item in value]
            else:
                data[bound.html_name] = "" if value is None else str(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[management[name].html_name] = str(management[name].value())
        for form in inline.formset.forms:
            add(form)
    return data


def post_change_form(client, entry, summary, change):
    """Open the entry's admin form, let ``change(data, formsets)`` edit what it
    posts, and post it with an edit summary."""
    url = admin_url(type(entry), "change", entry.pk)
    page = client.get(url)
    data = form_data(page)
    data["edit_summary"] = summary
    formsets = {
        inline.formset.model: inline.formset for inline in page.context["inline_admin_formsets"]
    }
    change(data, formsets)
    return client.post(url, data)


def reviewer():
    return UserFactory(is_staff=True, is_superuser=True)


def editor():
    """Staff who may edit people and their citations, but not publish or revert."""
    user = UserFactory(is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="orgs",
            codename__in=[
                f"{action}_{model}"
                for action in ("view", "add", "change")
                for model in ("person", "personcitation", "pendingchange")
            ],
        )
    )
    return user


# What is recorded


def test_a_field_change_records_a_history_row_with_its_summary():
    person = PersonFactory(nationality="Swiss")

    save(person, "Nationality from the 2023 press release", nationality="Portuguese")

    row = latest_row(person)
    assert (row.history_type, row.nationality) == ("~", "Portuguese")
    assert row.history_change_reason == "Nationality from the 2023 press release"


def test_a_citation_added_inline_in_the_admin_records_a_citation_history_row(admin_client):
    person = PersonFactory()
    source = SourceFactory()

    def add_citation(data, formsets):
        prefix = formsets[PersonCitation].prefix
        index = int(data[f"{prefix}-TOTAL_FORMS"]) - 1  # the blank extra row
        data[f"{prefix}-{index}-source"] = str(source.pk)
        data[f"{prefix}-{index}-locator"] = "p. 12"

    response = post_change_form(admin_client, person, "Added the UN press release", add_citation)

    assert response.status_code == 302
    citation = person.citations.get(source=source)
    row = PersonCitation.history.get(id=citation.pk)
    assert (row.history_type, row.claim_id, row.locator) == ("+", person.pk, "p. 12")


def test_a_citation_removed_inline_in_the_admin_records_a_deletion_row(admin_client):
    person = PersonFactory(cites=[SourceFactory(), SourceFactory()])
    doomed = person.citations.first()

    def remove_citation(data, formsets):
        prefix = formsets[PersonCitation].prefix
        index = next(
            i for i, form in enumerate(formsets[PersonCitation].forms) if form.instance == doomed
        )
        data[f"{prefix}-{index}-DELETE"] = "on"

    response = post_change_form(admin_client, person, "The blog is not a source", remove_citation)

    assert response.status_code == 302
    assert not person.citations.filter(pk=doomed.pk).exists()
    row = PersonCitation.history.filter(id=doomed.pk).order_by("-history_date").first()
    assert row.history_type == "-"


def test_a_many_to_many_change_records_a_history_row_with_the_new_links():
    event = EventFactory()
    person = PersonFactory()

    event._change_reason = "Named the Director General"
    event.people.add(person)

    row = latest_row(event)
    assert row.history_type == "~"
    assert [link.person_id for link in row.people.all()] == [person.pk]


def test_every_record_the_loader_saved_has_a_creation_row():
    seed_models = {record.model for record in read_records(fixture_paths())}
    tracked = [model for model in seed_models if issubclass(model, Content | CitationBase)]
    assert {Person, PersonCitation, Event, EventCitation, Source} <= set(tracked)
    for model in tracked:
        created = set(model.history.filter(history_type="+").values_list("id", flat=True))
        stored = set(model.objects.values_list("pk", flat=True))
        assert stored and stored <= created, model._meta.label


# The editors' history page


def test_admin_history_page_shows_what_each_version_changed(admin_client):
    person = PersonFactory(nationality="Swiss")
    save(person, "Correction", nationality="Portuguese")

    html = admin_client.get(admin_url(Person, "history", person.pk)).text

    assert "<strong>Nationality:</strong> Swiss &rarr; Portuguese" in html
    assert "Correction" in html
    assert html.count('type="radio" name="old"') == person.history.count()


@pytest.mark.parametrize(
    "model_factory", [PersonFactory, OrganizationFactory], ids=["person", "organization"]
)
def test_admin_history_page_makes_the_same_queries_with_2000_versions(admin_client, model_factory):
    entry = model_factory()
    url = admin_url(type(entry), "history", entry.pk)
    admin_client.get(url)  # the session and permissions are read once

    def queries(**params):
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(url, params).status_code == 200
        return len(captured)

    few = queries()
    type(entry).history.bulk_history_create([entry] * 2000, update=True)

    assert queries() == few
    assert queries(p=41) == few


# Compare two versions


def test_comparing_two_versions_shows_each_changed_field_with_old_and_new_value(admin_client):
    person = PersonFactory(nationality="Swiss", summary="A diplomat from Geneva.")
    first = latest_row(person)
    save(person, "One", nationality="Portuguese")
    save(person, "Two", summary="A diplomat and lawyer from Geneva.")
    last = latest_row(person)

    response = admin_client.get(
        admin_url(Person, "history_compare", person.pk),
        {"old": first.history_id, "new": last.history_id},
    )

    rows = re.findall(
        r'<th scope="row">(.*?)</th>\s*<td class="history-old">(.*?)</td>\s*'
        r'<td class="history-new">(.*?)</td>',
        response.text,
        re.S,
    )
    assert [label for label, _, _ in rows] == ["Nationality", "Summary"]
    assert rows[0][1:] == ("Swiss", "Portuguese")
    assert "<ins>and lawyer</ins>" in rows[1][2]


def test_comparing_shows_the_citations_added_and_removed_between_versions(admin_client):
    old_source = SourceFactory(title="Old Annual Report")
    new_source = SourceFactory(title="New Annual Report")
    person = PersonFactory(cites=[old_source])
    first = latest_row(person)
    save(person, "Better source", nationality="Portuguese")
    person.citations.get().delete()
    person.citations.create(source=new_source)
    second = latest_row(person)

    html = admin_client.get(
        admin_url(Person, "history_compare", person.pk),
        {"old": first.history_id, "new": second.history_id},
    ).text

    assert re.search(r"Added:</strong> [^<]*New Annual Report", html)
    assert re.search(r"Removed:</strong> [^<]*Old Annual Report", html)


def test_comparing_without_two_versions_goes_back_to_the_history(admin_client):
    person = PersonFactory()

    response = admin_client.get(admin_url(Person, "history_compare", person.pk), {"old": "x"})

    assert response.status_code == 302
    assert response.url == admin_url(Person, "history", person.pk)


# Revert


def revert_url(entry, version):
    return admin_url(type(entry), "history_revert", entry.pk, version.history_id)


def test_reverting_restores_fields_and_citations_as_a_new_change_with_the_summary(client):
    original_source = SourceFactory()
    person = PersonFactory(nationality="Swiss", cites=[original_source])
    [original_citation] = person.citations.all()
    version = latest_row(person)
    save(person, "Vandalism", nationality="Martian")
    person.citations.get().delete()
    person.citations.create(source=SourceFactory())
    rows_before = person.history.count()
    client.force_login(reviewer())

    response = client.post(revert_url(person, version), {"summary": "Undo vandalism"})

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.nationality == "Swiss"
    assert [(c.pk, c.source_id) for c in person.citations.all()] == [
        (original_citation.pk, original_source.pk)
    ]
    assert person.history.count() == rows_before + 1
    row = latest_row(person)
    assert row.history_change_reason.startswith("Reverted to the version of ")
    assert row.history_change_reason.endswith(": Undo vandalism")
    assert row.nationality == "Swiss"


def test_reverting_restores_many_to_many_links(client):
    first, second = PersonFactory(), PersonFactory()
    event = EventFactory(people=[first])
    version = latest_row(event)
    event.people.set([second])
    client.force_login(reviewer())

    client.post(revert_url(event, version), {"summary": "Wrong person"})

    assert list(event.people.all()) == [first]
    assert [link.person_id for link in latest_row(event).people.all()] == [first.pk]


def test_reverting_by_a_user_with_the_publish_permission_is_allowed(client):
    permission = Permission.objects.filter(
        content_type__app_label="editorial", codename="publish_content"
    ).first()
    if permission is None:
        pytest.skip("editorial.publish_content does not exist yet")
    user = editor()
    user.user_permissions.add(permission)
    person = PersonFactory(nationality="Swiss")
    version = latest_row(person)
    save(person, "Oops", nationality="Martian")
    client.force_login(user)

    response = client.post(revert_url(person, version), {"summary": "Undo"})

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.nationality == "Swiss"


def test_reverting_without_a_summary_is_refused_with_a_clear_message(client):
    person = PersonFactory(nationality="Swiss")
    version = latest_row(person)
    save(person, "Oops", nationality="Martian")
    rows_before = person.history.count()
    client.force_login(reviewer())

    response = client.post(revert_url(person, version), {"summary": "  "})

    assert response.status_code == 200
    assert "Give an edit summary: say why you are reverting to this version." in response.text
    person.refresh_from_db()
    assert person.nationality == "Martian"
    assert person.history.count() == rows_before


def test_an_editor_sees_no_revert_button_and_cannot_revert(client):
    person = PersonFactory(nationality="Swiss")
    version = latest_row(person)
    save(person, "Oops", nationality="Martian")
    client.force_login(editor())

    history = client.get(admin_url(Person, "history", person.pk))
    version_page = client.get(admin_url(Person, "simple_history", person.pk, version.history_id))
    refused = client.post(revert_url(person, version), {"summary": "Undo"})

    assert history.status_code == 200
    assert "/revert/" not in history.text
    assert version_page.status_code == 200
    assert "/revert/" not in version_page.text
    assert 'name="_save"' not in version_page.text
    assert refused.status_code == 403
    person.refresh_from_db()
    assert person.nationality == "Martian"


def test_the_version_page_offers_the_revert_page_instead_of_saving_without_a_summary(admin_client):
    person = PersonFactory(nationality="Swiss")
    version = latest_row(person)
    save(person, "Oops", nationality="Martian")
    url = admin_url(Person, "simple_history", person.pk, version.history_id)

    page = admin_client.get(url)
    posted = admin_client.post(url, {"nationality": "Swiss"})

    assert revert_url(person, version) in page.text
    assert 'name="_save"' not in page.text
    assert posted.status_code == 405
    person.refresh_from_db()
    assert person.nationality == "Martian"


# The public history page


def test_each_entry_page_links_to_its_history_page(client):
    pages = {
        "/": "/changes/orgs/organization/iom/",
        "/people/amy-e-pope/": "/changes/orgs/person/amy-e-pope/",
        "/names/era-icem/": "/changes/orgs/nameera/era-icem/",
        "/history/event-1989-renamed-iom/": "/changes/timeline/event/event-1989-renamed-iom/",
        "/criticisms/criticism-2003-pacific-solution/": (
            "/changes/critiques/criticism/criticism-2003-pacific-solution/"
        ),
        "/criticisms/critics/human-rights-watch/": "/changes/critiques/critic/human-rights-watch/",
        "/sources/wikipedia-iom/": "/changes/orgs/source/wikipedia-iom/",
        "/organizations/unhcr/": "/changes/orgs/organization/unhcr/",
    }
    for page, history in pages.items():
        assert f'href="{history}"' in client.get(page).text, page
        assert client.get(history).status_code == 200, history


def test_public_history_lists_only_published_changes_with_summaries_and_no_user(client):
    user = UserFactory(username="quietly-editing", email="secret.editor@example.org")
    person = PersonFactory(slug="history-test-person", born="1950")
    save(person, "Unpublished while checking the birth year", user, status=Status.DRAFT)
    save(person, "Secret draft note", user, born="1951")
    save(person, "Birth year from the official biography", user, status=Status.PUBLISHED)

    html = client.get("/changes/orgs/person/history-test-person/").text

    assert "Birth year from the official biography" in html
    assert "Secret draft note" not in html
    assert "Unpublished while checking" not in html
    assert "secret.editor@example.org" not in html
    assert "quietly-editing" not in html
    newest = html[html.index('<li id="change-') :]
    newest = newest[: newest.index("</li>")]
    assert re.search(r"<dt>Changed</dt>\s*<dd>Born</dd>", newest)


def test_public_history_names_the_sources_added_in_each_change(client):
    person = PersonFactory(
        slug="history-sources-person", cites=[SourceFactory(title="First Report")]
    )
    save(person, "Added the Council resolution", nationality="Portuguese")
    person.citations.create(source=SourceFactory(title="Council Resolution 1234"))

    html = client.get("/changes/orgs/person/history-sources-person/").text

    changes = re.findall(r'<li id="change-person-\d+">(.*?)</li>\n', html, re.S)
    assert "Added the Council resolution" in changes[0]
    assert "Council Resolution 1234" in changes[0]
    assert "First Report" not in changes[0]
    assert "First Report" in changes[1]


def test_public_history_of_an_unpublished_entry_is_not_found(client):
    PersonFactory(slug="draft-person", status=Status.DRAFT, cites=[])

    assert client.get("/changes/orgs/person/draft-person/").status_code == 404
    assert client.get("/changes/orgs/term/draft-person/").status_code == 404
    assert client.get("/changes/orgs/person/amy-e-pope/?page=99").status_code == 404


def test_public_history_is_paginated_twenty_changes_a_page(client):
    person = Person.objects.get(slug="amy-e-pope")
    Person.history.bulk_history_create([person] * 25, update=True, default_change_reason="Tidy")
    published = person.history.filter(status=Status.PUBLISHED).count()

    first = client.get(PERSON_HISTORY).text
    second = client.get(PERSON_HISTORY, {"page": 2}).text

    assert first.count('<li id="change-') == 20
    assert second.count('<li id="change-') == published - 20
    assert 'rel="next"' in first


def test_public_history_query_count_is_pinned_and_does_not_grow_with_history(client):
    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    person = Person.objects.get(slug="amy-e-pope")
    event = Event.objects.get(slug="event-1989-renamed-iom")
    event_history = "/changes/timeline/event/event-1989-renamed-iom/"
    before = {PERSON_HISTORY: queries(PERSON_HISTORY), event_history: queries(event_history)}
    Person.history.bulk_history_create([person] * 500, update=True, default_change_reason="Tidy")
    Event.history.bulk_history_create([event] * 500, update=True, default_change_reason="Tidy")
    PersonCitationFactory.create_batch(3, claim=person)

    after = {PERSON_HISTORY: queries(PERSON_HISTORY), event_history: queries(event_history)}

    assert before[PERSON_HISTORY] == PERSON_HISTORY_QUERIES
    assert after == before


def test_a_change_records_who_made_it_and_when():
    user = UserFactory()
    person = PersonFactory()
    before = timezone.now()

    save(person, "Corrected the nationality", user, nationality="Portuguese")

    row = latest_row(person)
    assert row.history_user == user
    assert before <= row.history_date <= timezone.now()


def test_public_history_dates_each_change(client):
    person = PersonFactory(slug="dated-history-person")
    save(person, "Birth year from the official biography", born="1951")
    row = latest_row(person)

    html = client.get("/changes/orgs/person/dated-history-person/").text

    stamp = timezone.localtime(row.history_date)
    assert f'<time datetime="{stamp:%Y-%m-%dT%H:%M:%S%z}">' in html
    assert f"{stamp.day} {stamp:%B %Y}" in html


@pytest.mark.parametrize(
    "model",
    [m for m in apps.get_models() if issubclass(m, (Content, CitationBase))],
    ids=lambda m: m._meta.label,
)
def test_each_history_table_is_indexed_for_an_entrys_history_and_by_date(model):
    table = model.history.model._meta.db_table
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    indexed = {tuple(c["columns"]) for c in constraints.values() if c["index"] or c["unique"]}
    assert ("id",) in indexed
    assert ("history_date",) in indexed


@pytest.mark.parametrize("model", [Source, PersonCitation], ids=lambda m: m._meta.label)
def test_updating_one_history_tables_change_reasons_leaves_the_others_alone(model):
    history = model.history.model
    others = {
        other: list(other.history.values_list("history_change_reason", flat=True))
        for other in (Person, Event, EventCitation)
    }

    history.objects.update(history_change_reason="Retold")

    assert set(history.objects.values_list("history_change_reason", flat=True)) == {"Retold"}
    for other, reasons in others.items():
        assert list(other.history.values_list("history_change_reason", flat=True)) == reasons
