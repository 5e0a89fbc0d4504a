"""Reading a list request: its filters and its page, every wrong value named.

A parameter the list does not know, a filter value not on offer or a page that
is not a positive whole number is a 400 naming the parameter; a page past the
last one is a 404. Nothing reaches the database unchecked.
"""

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from .http import ApiError

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
PAGING = ("page", "page_size")


def check_parameters(request, allowed):
    for name in request.GET:
        if name not in allowed:
            raise ApiError(
                _("Unknown parameter “%(name)s”; this list takes: %(allowed)s.")
                % {"name": name[:100], "allowed": ", ".join(sorted(allowed))},
                parameter=name[:100],
            )


def filtered(request, resource, entries, allowed_extra=PAGING):
    """The entries the request's filters select (the same filters as the page)."""
    filterset = resource.filterset_class()(request.GET, queryset=entries)
    check_parameters(request, {*filterset.filters, *allowed_extra})
    if not filterset.is_valid():
        name, errors = next(iter(filterset.errors.items()))
        raise ApiError(
            _("Parameter “%(name)s”: %(problem)s") % {"name": name, "problem": " ".join(errors)},
            parameter=name,
        )
    return filterset.qs


def whole_number(request, name, default, largest):
    text = request.GET.get(name)
    if text in (None, ""):
        return default
    if not (text.isascii() and text.isdigit()) or len(text) > 9 or not 1 <= int(text) <= largest:
        raise ApiError(
            _("Parameter “%(name)s” must be a whole number from 1 to %(largest)s.")
            % {"name": name, "largest": largest},
            parameter=name,
        )
    return int(text)


def page_of(request, entries):
    """The requested page of entries (``page``, ``page_size``)."""
    size = whole_number(request, "page_size", PAGE_SIZE, MAX_PAGE_SIZE)
    number = whole_number(request, "page", 1, 10**9)
    paginator = Paginator(entries, size)
    if number > max(paginator.num_pages, 1):
        raise ApiError(
            _("There is no page %(number)s: the last page is %(last)s.")
            % {"number": number, "last": paginator.num_pages},
            parameter="page",
            status=404,
        )
    return paginator.page(number)
