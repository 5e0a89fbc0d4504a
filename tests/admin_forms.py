"""Helpers for tests that post admin forms the way a browser would."""

from django import forms
from django.urls import reverse


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _form_values(form):
    data = {}
    for name, field in form.fields.items():
        bound = form[name]
        value = bound.value()
        if isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
            continue
        if isinstance(field, (forms.MultipleChoiceField, forms.ModelMultipleChoiceField)):
            data[bound.html_name] = [str(v) for v in value or []]
            continue
        if value is None:
            value = ""
        if isinstance(value, (list, tuple)):
            data[bound.html_name] = [str(v) for v in value]
        else:
            data[bound.html_name] = str(value)
    return data


def form_data(response):
    """What the form on an admin add or change page would post unchanged: the
    main form, every inline formset (with its management form) and the hidden
    version fields."""
    data = _form_values(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_form_values(formset.management_form))
        for form in formset.forms:
            data.update(_form_values(form))
    return data


def change_form_data(client, entry, **changes):
    """GET the entry's change form as ``client``, then return its data with ``changes``."""
    response = client.get(admin_url(type(entry), "change", entry.pk))
    assert response.status_code == 200, response.status_code
    return {**form_data(response), **changes}


def changelist_tokens(client, model, search=""):
    """{pk: token} from the hidden version inputs of the model's change list
    (searched for ``search``, so that the entries wanted are on the page)."""
    response = client.get(admin_url(model, "changelist"), {"q": search} if search else {})
    assert response.status_code == 200
    tokens = {}
    for obj in response.context["cl"].result_list:
        tokens[obj.pk] = f"{obj.version}.{getattr(obj, 'workflow_revision', None) or 0}"
        assert f'name="_version-{obj.pk}" value="{tokens[obj.pk]}"' in response.text
    return tokens


def action_data(action, entries, tokens):
    return {
        "action": action,
        "index": "0",
        "_selected_action": [str(e.pk) for e in entries],
        **{f"_version-{e.pk}": tokens[e.pk] for e in entries},
    }


def queue_post(client, name, entry, token, **data):
    """Post to a review queue view (``admin:review_publish``...) about ``entry``."""
    from django.contrib.contenttypes.models import ContentType

    return client.post(
        reverse(name),
        {
            "content_type": ContentType.objects.get_for_model(entry).pk,
            "object_id": entry.pk,
            "token": token,
            **data,
        },
    )


def current_token(entry):
    """The token a page loaded now would carry for ``entry``."""
    from editorial import workflow

    entry.refresh_from_db()
    return workflow.token_of(entry, workflow.pending_for(entry))
