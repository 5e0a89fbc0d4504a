from django.conf import settings
from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.utils import translation

from critiques.models import Criticism
from editorial.preview import render_entry
from orgs.footnotes import Footnotes
from orgs.models import Fact, Office
from timeline.models import Event

from . import counts, worldmap
from .filters import StateFilter, decade_choices, with_first_year
from .models import State
from .table import row_for, sorted_rows


def sourced_counts():
    """The sourced member-state counts of the organization, oldest first, with
    their citations (two queries); disputed values are left out."""
    return list(
        Fact.objects.published()
        .filter(organization__slug=settings.IOMSITE_ORGANIZATION, kind=Fact.Kind.MEMBER_STATES)
        .exclude(rank=Fact.Rank.DEPRECATED)
        .with_citations()
        .order_by("at", "pk")
    )


def member_list(request):
    """Every state the site holds: map, table, filters and the count over time.

    A filter, order or colouring that is not on offer gets the page back with the
    problem explained and status 400. The chart and the sourced comparison always
    count every state, whatever the filters.
    """
    everyone = list(State.objects.published().with_spells())
    filterset = StateFilter(request.GET, queryset=with_first_year(State.objects.published()))
    valid = filterset.is_valid()
    rows = []
    if valid:
        chosen = set(filterset.qs.values_list("pk", flat=True))
        rows = sorted_rows(
            [row_for(state) for state in everyone if state.pk in chosen],
            filterset.choice("sort", "name"),
        )
    facts = sourced_counts()
    colouring = filterset.choice("colour", "status") if valid else "status"
    return render(
        request,
        "members/member_list.html",
        {
            "filterset": filterset,
            "form": filterset.form,
            "is_filtered": filterset.is_filtered,
            "rows": rows,
            "sort": filterset.choice("sort", "name") if valid else "name",
            "colouring": colouring,
            "decades": decade_choices(),
            "map": worldmap.world_map(rows, colouring) if valid else None,
            "chart": counts.chart(everyone, facts),
            "comparisons": counts.comparisons(everyone, facts),
            "footnotes": Footnotes(),
        },
        status=200 if valid else 400,
    )


def state_detail(request, slug):
    state = get_object_or_404(State.objects.visible_to(request.user).with_spells(), slug=slug)
    # Other records name a state in English, whatever language the reader uses.
    with translation.override("en"):
        name = state.name
    mentions = Q(title__icontains=name) | Q(summary__icontains=name)
    return render_entry(
        request,
        "members/state_detail.html",
        {
            "state": state,
            "row": row_for(state),
            "spells": state.spell_list(),
            "offices": list(Office.objects.published().filter(country__iexact=name)),
            "events": list(Event.objects.published().filter(mentions).order_by("start", "pk")),
            "criticisms": list(
                Criticism.objects.published().filter(mentions).order_by("-date", "pk")
            ),
            "footnotes": Footnotes(),
        },
        state,
    )
