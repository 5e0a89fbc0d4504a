"""CSV and JSON downloads of the site's tables: the entries a page lists, all of
them, with the API's representation (the CSV flattened from it, so the two never
disagree). Each table may be filtered with its page's filters."""

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from critiques.models import Criticism
from orgs.models import Fact, Source, Term
from timeline.models import Event

from .http import ApiError, read_only
from .licence import licence
from .listing import filtered
from .representation import absolute, represent
from .resources import Resource, resource_for


@dataclass(frozen=True)
class Table:
    """A download: its name in the address, its title, the page it mirrors and
    which entries of a resource it holds."""

    name: str
    title: Any
    page: str
    page_args: tuple
    resource: Resource
    narrow: Any = None  # the page's own selection: a function of the entries

    def entries(self):
        entries = self.resource.entries()
        return self.narrow(entries) if self.narrow else entries

    @property
    def page_url(self):
        return reverse(self.page, args=self.page_args)

    @property
    def csv_url(self):
        return reverse("api:download-csv", args=[self.name])

    @property
    def json_url(self):
        return reverse("api:download-json", args=[self.name])


def subject(entries):
    return entries.filter(organization__slug=settings.IOMSITE_ORGANIZATION)


def leaders(entries):
    """As the leaders page: every head, and the deputies and ambassadors in office."""
    return subject(entries).filter(Q(role__in=Term.HEAD_ROLES) | Q(current=True))


def figures_of(kind):
    return lambda entries: subject(entries).filter(kind=kind).order_by("-at", "rank", "pk")


def tables():
    found = [
        Table(
            f"figures-{kind}",
            label,
            "orgs:figures",
            (kind,),
            resource_for(Fact),
            figures_of(kind),
        )
        for kind, label in Fact.Kind.choices
    ]
    found += [
        Table("leaders", _("Leaders"), "orgs:leaders", (), resource_for(Term), leaders),
        Table(
            "timeline",
            _("History and timeline"),
            "timeline:list",
            (),
            resource_for(Event),
            lambda entries: entries.main_accounts(),
        ),
        Table("criticisms", _("Criticisms"), "critiques:list", (), resource_for(Criticism)),
        Table("sources", _("Sources"), "orgs:sources", (), resource_for(Source)),
    ]
    return found


def table_named(name):
    for table in tables():
        if table.name == name:
            return table
    raise ApiError(_("There is no download “%(name)s”.") % {"name": name[:100]}, status=404)


def rows(request, table):
    entries = filtered(request, table.resource, table.entries(), allowed_extra=())
    return [represent(request, table.resource, entry) for entry in entries]


@read_only
def download(request, name, format):
    table = table_named(name)
    items = rows(request, table)
    if format == "json":
        body = {
            "title": str(table.title),
            "page": absolute(request, table.page_url),
            "count": len(items),
            "results": items,
            "license": licence(),
        }
        response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    else:
        response = HttpResponse(
            csv_text(table.resource, items), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="iom-{table.name}.{format}"'
    return response


def columns(resource):
    """The CSV's header: each field, a date as its ISO prefix and its precision,
    a reference as its key and name, a closed list as its code and label."""
    found = ["key", "label"]
    for field in resource.fields:
        found.append(field.name)
        if field.is_date:
            found.append(f"{field.name}_precision")
        elif field.is_reference:
            found.append(f"{field.name}_name")
        elif field.has_choices:
            found.append(f"{field.name}_label")
    if resource.cites:
        found += ["sources", "citations"]
    return [*found, "url"]


def flatten(resource, item):
    row = {"key": item["key"], "label": item["label"], "url": item["links"]["html"]}
    for field in resource.fields:
        value = item[field.name]
        if field.is_date:
            row[field.name] = value["date"] if value else ""
            row[f"{field.name}_precision"] = value["precision"] if value else ""
        elif field.is_reference:
            row[field.name] = value["key"] if value else ""
            row[f"{field.name}_name"] = value["name"] if value else ""
        elif field.is_list:
            row[field.name] = "; ".join(linked["key"] for linked in value)
        elif isinstance(value, list | dict):
            row[field.name] = json.dumps(value, ensure_ascii=False)
        else:
            row[field.name] = "" if value is None else value
        if field.has_choices:
            row[f"{field.name}_label"] = item[f"{field.name}_label"]
    if resource.cites:
        cited = item["citations"]
        row["sources"] = "; ".join(c["source"]["key"] for c in cited)
        row["citations"] = "; ".join(
            ", ".join(filter(None, [c["source"]["name"], c["locator"]])) for c in cited
        )
    return row


def csv_text(resource, items):
    """UTF-8 CSV with a header row; Python's csv module and spreadsheets read it."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns(resource), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(flatten(resource, item) for item in items)
    return out.getvalue()
