from dataclasses import dataclass

from django.core.paginator import InvalidPage, Paginator
from django.shortcuts import get_object_or_404, render

from editorial.preview import render_entry
from orgs.footnotes import Footnotes

from .filters import CriticismFilter
from .models import Critic, Criticism

CRITICISMS_PER_PAGE = 20


def criticism_list(request):
    """Published criticisms, newest first, filtered and paginated.

    A filter value that is not on offer, or a page that does not exist, gets the
    page back with the problem explained and status 400, never a server error.
    """
    filterset = CriticismFilter(request.GET, queryset=Criticism.objects.published().for_listing())
    page = None
    page_missing = False
    if filterset.is_valid():
        paginator = Paginator(filterset.qs, CRITICISMS_PER_PAGE)
        try:
            page = paginator.page(request.GET.get("page") or 1)
        except InvalidPage:
            page_missing = True
    return render(
        request,
        "critiques/criticism_list.html",
        {
            "filterset": filterset,
            "form": filterset.form,
            "is_filtered": filterset.is_filtered,
            "page": page,
            "page_missing": page_missing,
            "footnotes": Footnotes(),
        },
        status=400 if page is None else 200,
    )


@dataclass(frozen=True)
class ResponseCitation:
    """The source of the organization's response, shaped like a citation so that it
    takes a number in the page's footnotes."""

    source: object
    source_id: int
    locator: str = ""


def criticism_detail(request, slug):
    criticism = get_object_or_404(
        Criticism.objects.visible_to(request.user).for_detail(), slug=slug
    )
    response_citations = []
    if criticism.response and criticism.response_source_id:
        response_citations.append(
            ResponseCitation(criticism.response_source, criticism.response_source_id)
        )
    return render_entry(
        request,
        "critiques/criticism_detail.html",
        {
            "criticism": criticism,
            "critics": criticism.critics.all(),
            "topics": criticism.topics.all(),
            "quotations": criticism.quotations.all(),
            "response_citations": response_citations,
            "footnotes": Footnotes(),
        },
        criticism,
    )


def critic_detail(request, slug):
    critic = get_object_or_404(Critic.objects.visible_to(request.user), slug=slug)
    criticisms = list(critic.criticisms.published().for_listing())
    return render_entry(
        request,
        "critiques/critic_detail.html",
        {"critic": critic, "criticisms": criticisms, "footnotes": Footnotes()},
        critic,
    )
