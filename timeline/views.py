from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from editorial.preview import render_entry
from editorial.translation import translated
from orgs import charts
from orgs.footnotes import Footnotes

from .filters import EventFilter, decade_choices, subject_name_eras
from .models import Event

EVENTS_PER_PAGE = 25


def event_list(request):
    event_filter = EventFilter(
        request.GET,
        queryset=Event.objects.published().main_accounts().for_listing(),
        request=request,
    )
    # Filters that cannot be applied show their error and no events (status 400,
    # as on the criticisms list), rather than a list the reader would take for the
    # filtered one.
    valid = event_filter.is_valid()
    events = event_filter.qs if valid else Event.objects.none()
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    eras = list(subject_name_eras())
    chart = charts.timeline(
        [
            charts.Span(
                translated(era, "acronym"),
                era.start,
                era.end,
                era.get_absolute_url(),
                era.is_current,
            )
            for era in eras
        ]
    )
    return render(
        request,
        "timeline/event_list.html",
        {
            "filter": event_filter,
            "form": event_filter.form,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "events": page.object_list,
            "eras": eras,
            "chart": chart,
            "footnotes": Footnotes(),
        },
        status=200 if valid else 400,
    )


def event_detail(request, slug):
    event = get_object_or_404(Event.objects.visible_to(request.user).for_detail(), slug=slug)
    decades = dict(decade_choices())
    decade = event.decade
    return render_entry(
        request,
        "timeline/event_detail.html",
        {
            "event": event,
            # The decade filter's value and label, when the filter offers that decade.
            "decade": (decade, decades[decade]) if decade in decades else None,
            "footnotes": Footnotes(),
        },
        event,
    )
