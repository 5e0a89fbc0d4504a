from collections import defaultdict

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from . import charts
from .content import citations_prefetch
from .footnotes import Footnotes
from .models import Fact, NameEra, Office, Organization, Person, Source, Term

SOURCES_PER_PAGE = 100


def subject_organization():
    return get_object_or_404(Organization.objects.published(), slug=settings.IOMSITE_ORGANIZATION)


def organization_detail(request, slug):
    organization = get_object_or_404(Organization.objects.published().for_overview(), slug=slug)
    return render(
        request,
        "orgs/organization_detail.html",
        {"organization": organization, "footnotes": Footnotes()},
    )


def name_era_list(request):
    organization = subject_organization()
    eras = list(NameEra.objects.published().filter(organization=organization).with_citations())
    axis, band_list = charts.bands(
        [
            charts.Span(era.acronym, era.start, era.end, era.get_absolute_url(), era.is_current)
            for era in eras
        ]
    )
    return render(
        request,
        "orgs/name_era_list.html",
        {
            "organization": organization,
            "eras": eras,
            "axis": axis,
            "bands": band_list,
            "footnotes": Footnotes(),
        },
    )


def name_era_detail(request, slug):
    era = get_object_or_404(
        NameEra.objects.published().with_citations().select_related("organization"), slug=slug
    )
    siblings = list(
        NameEra.objects.published()
        .filter(organization=era.organization)
        .only("slug", "name", "acronym", "start", "end")
    )
    position = [e.pk for e in siblings].index(era.pk)
    return render(
        request,
        "orgs/name_era_detail.html",
        {
            "era": era,
            "previous": siblings[position - 1] if position > 0 else None,
            "next": siblings[position + 1] if position + 1 < len(siblings) else None,
            "footnotes": Footnotes(),
        },
    )


def leaders(request):
    organization = subject_organization()
    terms = list(
        Term.objects.published()
        .filter(organization=organization)
        .select_related("person")
        .with_citations()
    )
    directors = [t for t in terms if t.role == Term.Role.DIRECTOR_GENERAL]
    deputies = [t for t in terms if t.role == Term.Role.DEPUTY_DIRECTOR_GENERAL and t.current]
    ambassadors = [t for t in terms if t.role == Term.Role.GOODWILL_AMBASSADOR and t.current]
    axis, band_list = charts.bands(
        [
            charts.Span(
                term.person.name,
                term.start or (None if term.end else term.in_office_on),
                term.end,
                term.person.get_absolute_url(),
                term.current,
            )
            for term in directors
        ],
        rows=True,
    )
    return render(
        request,
        "orgs/leaders.html",
        {
            "organization": organization,
            "directors": directors,
            "deputies": deputies,
            "ambassadors": ambassadors,
            "axis": axis,
            "bands": band_list,
            "chart_height": 24 * len(band_list) + 30,
            "footnotes": Footnotes(),
        },
    )


def person_detail(request, slug):
    person = get_object_or_404(
        Person.objects.published()
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
    return render(request, "orgs/person_detail.html", {"person": person, "footnotes": Footnotes()})


def structure(request):
    organization = subject_organization()
    offices = list(Office.objects.published().filter(organization=organization).with_citations())
    facts = Fact.objects.published().filter(organization=organization).with_citations()
    return render(
        request,
        "orgs/structure.html",
        {
            "organization": organization,
            "offices": offices,
            "figures": figures_by_kind(facts),
            "footnotes": Footnotes(),
        },
    )


class FigureTable:
    """One kind of figure over time: a row per point in time, the preferred value
    first and the values other sources give beside it."""

    def __init__(self, kind, label, facts):
        self.kind = kind
        self.label = label
        by_time = defaultdict(list)
        for fact in facts:
            by_time[fact.at.isoformat()].append(fact)
        self.rows = []
        for _, values in sorted(by_time.items(), key=lambda item: values_date(item[1])):
            values.sort(key=lambda fact: RANK_ORDER[fact.rank])
            self.rows.append((values[0], values[1:]))
        self.chart = charts.series(
            [main for main, _ in self.rows if main.rank != Fact.Rank.DEPRECATED]
        )

    @property
    def anchor(self):
        return f"figures-{self.kind}"


RANK_ORDER = {Fact.Rank.PREFERRED: 0, Fact.Rank.NORMAL: 1, Fact.Rank.DEPRECATED: 2}


def values_date(values):
    return values[0].at.earliest()


def figures_by_kind(facts):
    grouped = defaultdict(list)
    for fact in facts:
        grouped[fact.kind].append(fact)
    return [
        FigureTable(kind, label, grouped[kind])
        for kind, label in Fact.Kind.choices
        if grouped[kind]
    ]


def source_list(request):
    sources = Source.objects.published().order_by("authors", "title")
    page = Paginator(sources, SOURCES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "orgs/source_list.html", {"page": page, "sources": page.object_list})


def source_detail(request, slug):
    source = get_object_or_404(Source.objects.published(), slug=slug)
    return render(
        request,
        "orgs/source_detail.html",
        {"source": source, "citations": source.published_citations()},
    )
