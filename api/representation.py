"""An entry as JSON: its values, dates at their precision, references, citations and links.

One representation serves the API, the JSON downloads and (flattened) the CSV
downloads, so the three never disagree. Values come from the entry as loaded by
``Resource.entries()``: representing a page of entries makes no query.
"""

from decimal import Decimal
from functools import cache

from django.urls import reverse

from editorial.content import Content, Status
from editorial.public import history_url

from .resources import resource_for


def date_value(value):
    """A partial date: its ISO prefix ("1958-05") and its precision ("month")."""
    if value is None:
        return None
    return {"date": value.isoformat(), "precision": str(value.precision)}


def absolute(request, url):
    return request.build_absolute_uri(url) if url else None


@cache
def list_path(kind):
    return reverse("api:list", args=[kind])


def api_url(request, resource, key):
    # A key is a slug: safe to append to the list's address, without a reverse()
    # for each of the hundreds of links in a page of entries.
    return absolute(request, f"{list_path(resource.kind)}{key}/")


def reference(request, field, related):
    """A linked entry: its key, its name, its page and its API address.
    An entry readers may not see (a draft) is left out, as on the pages."""
    if related is None:
        return None
    if isinstance(related, Content) and related.status != Status.PUBLISHED:
        return None
    found = {"key": related.natural_key()[0], "name": str(related)}
    target = field.target
    if target is not None:
        found["url"] = absolute(request, related.get_absolute_url())
        found["api"] = api_url(request, target, related.slug)
    return found


def field_value(request, entry, field):
    if field.is_list:
        return [reference(request, field, related) for related in getattr(entry, field.name).all()]
    if field.is_reference:
        return reference(request, field, getattr(entry, field.name))
    value = getattr(entry, field.name)
    if field.is_date:
        return date_value(value)
    if isinstance(value, Decimal):
        # Exact, as a string: amounts reach billions with cents.
        return f"{value:.{field.model_field.decimal_places}f}"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def citation(request, cited):
    source = cited.source
    return {
        "source": {
            "key": source.slug,
            "name": str(source),
            "url": absolute(request, source.get_absolute_url()),
            "api": api_url(request, resource_for(type(source)), source.slug),
            "web_address": source.url or None,
        },
        "supports": cited.supports or None,
        "locator": cited.locator,
        "quotation": cited.quotation,
    }


def represent(request, resource, entry):
    """The entry as the API gives it."""
    found = {"key": entry.slug, "label": str(entry)}
    for field in resource.fields:
        found[field.name] = field_value(request, entry, field)
        if field.has_choices:
            found[f"{field.name}_label"] = str(getattr(entry, f"get_{field.name}_display")())
    if resource.cites:
        found["citations"] = [citation(request, cited) for cited in entry.citations.all()]
    found["links"] = {
        "html": absolute(request, entry.get_absolute_url()),
        "api": api_url(request, resource, entry.slug),
        "history": absolute(request, history_url(entry)),
    }
    return found
