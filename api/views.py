"""The read API: an index of kinds, a list and a detail per kind, the OpenAPI
schema and the human documentation page.

Plain Django views rather than a framework: the resources come from the
editorial registry, the answers are small dictionaries, and the site's own
middleware already gives caching by content version, ETags and 304s, so Django
REST framework or django-ninja would add a runtime dependency and a second way
of describing every model without serving readers any faster.
"""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .downloads import tables
from .http import ApiError, read_only
from .licence import LICENSE_NAME, LICENSE_STATEMENT, LICENSE_URL, licence
from .listing import PAGE_SIZE, filtered, page_of
from .representation import absolute, represent
from .resources import resource_named, resources
from .schema import openapi_document


def resource_or_404(kind):
    resource = resource_named(kind)
    if resource is None:
        raise ApiError(
            _("There is no kind “%(kind)s” in this API.") % {"kind": kind[:100]}, status=404
        )
    return resource


@read_only
def index(request):
    return JsonResponse(
        {
            "kinds": {
                resource.kind: absolute(request, reverse("api:list", args=[resource.kind]))
                for resource in resources()
            },
            "schema": absolute(request, reverse("api:openapi")),
            "documentation": absolute(request, reverse("api:docs")),
            "license": licence(),
        }
    )


def page_link(request, number):
    if number is None:
        return None
    query = request.GET.copy()
    query["page"] = number
    return absolute(request, f"{request.path}?{urlencode(sorted(query.items()))}")


@read_only
def entry_list(request, kind):
    resource = resource_or_404(kind)
    entries = filtered(request, resource, resource.entries())
    page = page_of(request, entries)
    return JsonResponse(
        {
            "kind": resource.kind,
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "next": page_link(request, page.next_page_number() if page.has_next() else None),
            "previous": page_link(
                request, page.previous_page_number() if page.has_previous() else None
            ),
            "results": [represent(request, resource, entry) for entry in page.object_list],
            "license": licence(),
        },
        json_dumps_params={"ensure_ascii": False},
    )


@read_only
def entry_detail(request, kind, key):
    resource = resource_or_404(kind)
    unexpected = next(iter(request.GET), None)
    if unexpected is not None:
        raise ApiError(
            _("An entry takes no parameters; “%(name)s” is not one.") % {"name": unexpected[:100]},
            parameter=unexpected[:100],
        )
    entry = resource.entries().filter(slug=key).first()
    if entry is None:
        raise ApiError(
            _("There is no published %(kind)s with the key “%(key)s”.")
            % {"kind": resource.model._meta.verbose_name, "key": key[:120]},
            status=404,
        )
    return JsonResponse(
        {**represent(request, resource, entry), "license": licence()},
        json_dumps_params={"ensure_ascii": False},
    )


@read_only
def openapi(request):
    return JsonResponse(openapi_document(request), json_dumps_params={"ensure_ascii": False})


@require_safe
def docs(request):
    """The API's documentation for people: what there is, how to ask, examples."""
    listed = [
        {
            "resource": resource,
            "list": reverse("api:list", args=[resource.kind]),
            "filters": sorted(resource.filterset_class().base_filters),
        }
        for resource in resources()
    ]
    return render(
        request,
        "api/docs.html",
        {
            "resources": listed,
            "tables": tables(),
            "page_size": PAGE_SIZE,
            "license_name": LICENSE_NAME,
            "license_url": LICENSE_URL,
            "license_statement": LICENSE_STATEMENT,
        },
    )
