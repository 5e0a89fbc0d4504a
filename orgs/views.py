from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from editorial.content import Status, citations_prefetch
from editorial.preview import render_entry
from editorial.translation import translated

from . import charts
from .footnotes import Footnotes
from .models import Fact, FactCitation, NameEra, Office, Organization, Person, Source, Term

SOURCES_PER_PAGE = 50


def subject_organization():
    return get_object_or_404(Organization.objects.published(), slug=settings.IOMSITE_ORGANIZATION)


def organization_detail(request, slug):
    organization = get_object_or_404(
        Organization.objects.visible_to(request.user).for_overview(), slug=slug
    )
    return render_entry(
        request,
        "orgs/organization_detail.html",
        {"organization": organization, "footnotes": Footnotes()},
        organization,
    )


def name_era_list(request):
    organization = subject_organization()
    eras = list(NameEra.objects.published().filter(organization=organization).with_citations())
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
        "orgs/name_era_list.html",
        {
            "organization": organization,
            "eras": eras,
            "chart": chart,
            "footnotes": Footnotes(),
        },
    )


def with_translations(*fields):
    """The fields and their French and Spanish columns, for ``only()``."""
    return [f"{field}{suffix}" for field in fields for suffix in ("", "_fr", "_es")]


def name_era_detail(request, slug):
    era = get_object_or_404(
        NameEra.objects.visible_to(request.user).with_citations().select_related("organization"),
        slug=slug,
    )
    siblings = list(
        NameEra.objects.published()
        .filter(organization=era.organization)
        .only("slug", "start", "end", *with_translations("name", "acronym"))
    )
    keys = [e.pk for e in siblings]
    # A previewed draft is not among the published eras: no previous and next.
    position = keys.index(era.pk) if era.pk in keys else None
    return render_entry(
        request,
        "orgs/name_era_detail.html",
        {
            "era": era,
            "previous": siblings[position - 1] if position else None,
            "next": siblings[position + 1]
            if position is not None and position + 1 < len(siblings)
            else None,
            "footnotes": Footnotes(),
        },
        era,
    )


def leaders(request):
    organization = subject_organization()
    terms = list(
        Term.objects.published()
        .filter(organization=organization)
        .filter(Q(role__in=Term.HEAD_ROLES) | Q(current=True))
        .select_related("person")
        .with_citations()
    )
    heads = [t for t in terms if t.is_head]
    deputies = [t for t in terms if t.role == Term.Role.DEPUTY_DIRECTOR_GENERAL and t.current]
    ambassadors = [t for t in terms if t.role == Term.Role.GOODWILL_AMBASSADOR and t.current]
    chart = charts.timeline(
        [
            charts.Span(
                term.person.name,
                term.start,
                term.end,
                term.person.get_absolute_url(),
                term.current,
                term.in_office_on,
                term.in_office_until,
            )
            for term in heads
        ],
        rows=True,
    )
    current_name = (
        NameEra.objects.published()
        .filter(organization=organization, end__isnull=True)
        .with_citations()
        .first()
    )
    return render(
        request,
        "orgs/leaders.html",
        {
            "organization": organization,
            "heads": heads,
            "last_director": last_known_director(heads),
            "current_name": current_name,
            "unknown_starts": [t for t in heads if t.start is None],
            "unknown_ends": [t for t in heads if t.end is None and not t.current],
            "deputies": deputies,
            "ambassadors": ambassadors,
            "chart": chart,
            "footnotes": Footnotes(),
        },
    )


def last_known_director(heads):
    """(term, date): the last date a source shows a head titled Director, or None."""
    dated = [
        (date, term)
        for term in heads
        if term.role == Term.Role.DIRECTOR
        for date in (term.end, term.in_office_until, term.in_office_on)
        if date is not None
    ]
    if not dated:
        return None
    date, term = max(dated, key=lambda pair: pair[0].latest())
    return term, date


def person_detail(request, slug):
    person = get_object_or_404(
        Person.objects.visible_to(request.user)
        .with_citations()
        .prefetch_related(
            Prefetch(
                "terms",
                queryset=Term.objects.published()
                .select_related("organization")
                .prefetch_related(citations_prefetch(Term)),
            )
        ),
        slug=slug,
    )
    return render_entry(
        request, "orgs/person_detail.html", {"person": person, "footnotes": Footnotes()}, person
    )


def structure(request):
    organization = subject_organization()
    offices = Office.objects.published().filter(organization=organization)
    main_offices = sorted(
        offices.exclude(kind=Office.Kind.COUNTRY).with_citations(),
        key=lambda office: (OFFICE_ORDER[office.kind], office.city),
    )
    facts = Fact.objects.published().filter(organization=organization)
    years, totals = facts.recent_years(per_kind=FIGURE_YEARS)
    return render(
        request,
        "orgs/structure.html",
        {
            "organization": organization,
            "offices": main_offices,
            "country_offices": offices.filter(kind=Office.Kind.COUNTRY).count(),
            "figures": figures_by_kind(facts.in_years(years).with_citations(), totals),
            "years_per_kind": FIGURE_YEARS,
            "footnotes": Footnotes(),
        },
    )


def country_office_list(request):
    organization = subject_organization()
    offices = (
        Office.objects.published()
        .filter(organization=organization, kind=Office.Kind.COUNTRY)
        .order_by("country", "city")
        .with_citations()
    )
    page = Paginator(offices, OFFICES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "orgs/country_office_list.html",
        {
            "organization": organization,
            "page": page,
            "offices": page.object_list,
            "footnotes": Footnotes(),
        },
    )


def figure_list(request, kind):
    if kind not in Fact.Kind.values:
        raise Http404(_("There is no such kind of figure."))
    organization = subject_organization()
    facts = (
        Fact.objects.published()
        .filter(organization=organization, kind=kind)
        .order_by("-at", "rank", "pk")
        .with_citations()
    )
    page = Paginator(facts, FIGURES_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "organization": organization,
        "label": Fact.Kind(kind).label,
        "kind": kind,
        "page": page,
        "facts": page.object_list,
        "footnotes": Footnotes(),
    }
    previewed = _previewed_figure(request, organization, kind)
    if previewed is None:
        return render(request, "orgs/figure_list.html", context)
    return render_entry(
        request, "orgs/figure_list.html", {**context, "previewed": previewed}, previewed
    )


def _previewed_figure(request, organization, kind):
    """The unpublished figure staff asked to preview (``?preview=<key>``), with all
    its citations (its sources are published along with it), or None."""
    key = request.GET.get("preview")
    if not key or not request.user.is_authenticated:
        return None
    return (
        Fact.objects.visible_to(request.user)
        .exclude(status=Status.PUBLISHED)
        .filter(organization=organization, kind=kind, slug=key)
        .prefetch_related(Prefetch("citations", FactCitation.objects.select_related("source")))
        .first()
    )


# The structure page charts each kind's most recent years (one value a year,
# at most a few others beside it); every figure is on the kind's own page.
FIGURE_YEARS = 12
OTHER_VALUES_SHOWN = 2
FIGURES_PER_PAGE = 50
OFFICES_PER_PAGE = 50
OFFICE_ORDER = {kind: position for position, kind in enumerate(Office.Kind.values)}
RANK_ORDER = {Fact.Rank.PREFERRED: 0, Fact.Rank.NORMAL: 1, Fact.Rank.DEPRECATED: 2}


@dataclass
class FigureRow:
    main: Fact
    others: list
    more: int


class FigureTable:
    """One kind of figure over time: a row per year, the preferred (else latest)
    value first and what other sources give for that year beside it."""

    def __init__(self, kind, label, facts, total):
        self.kind = kind
        self.label = label
        self.total = total
        by_year = defaultdict(list)
        for fact in facts:
            by_year[fact.at.year].append(fact)
        self.rows = []
        for year in sorted(by_year):
            values = sorted(by_year[year], key=_main_first)
            others = values[1:]
            self.rows.append(
                FigureRow(values[0], others[:OTHER_VALUES_SHOWN], len(others[OTHER_VALUES_SHOWN:]))
            )
        self.chart = charts.series(
            [row.main for row in self.rows if row.main.rank != Fact.Rank.DEPRECATED]
        )

    @property
    def anchor(self):
        return f"figures-{self.kind}"

    @property
    def shown(self):
        return sum(1 + len(row.others) for row in self.rows)


def _main_first(fact):
    """Preferred before normal before deprecated; then the latest in the year."""
    return (RANK_ORDER[fact.rank], [-ord(c) for c in fact.at.isoformat()])


def figures_by_kind(facts, totals):
    grouped = defaultdict(list)
    for fact in facts:
        grouped[fact.kind].append(fact)
    return [
        FigureTable(kind, label, grouped[kind], totals[kind])
        for kind, label in Fact.Kind.choices
        if grouped[kind]
    ]


def source_list(request):
    sources = Source.objects.published().order_by("authors", "title")
    page = Paginator(sources, SOURCES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "orgs/source_list.html", {"page": page, "sources": page.object_list})


def source_detail(request, slug):
    source = get_object_or_404(Source.objects.visible_to(request.user), slug=slug)
    return render_entry(
        request,
        "orgs/source_detail.html",
        {"source": source, "citations": source.published_citations()},
        source,
    )
