"""Helpers of the revision history tests: saving with a change reason, the
latest history row, posting an admin change form, and the two kinds of staff."""

from django import forms
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.factories import UserFactory


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
