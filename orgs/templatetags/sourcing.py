from urllib.parse import quote

from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from editorial.templatetags.translated import marked_paragraphs
from editorial.translation import translated
from orgs.footnotes import citations_for, citations_for_text

register = template.Library()


def _markers(footnotes, citations):
    return format_html_join(
        "",
        '<sup class="fn" id="{}"><a href="#{}" aria-label="{}">[{}]</a></sup>',
        (
            (
                anchor,
                note.anchor,
                gettext("Source %(number)s") % {"number": note.number},
                note.number,
            )
            for note, anchor in footnotes.cite(citations)
        ),
    )


@register.simple_tag(takes_context=True)
def cite(context, obj, *supports):
    """Footnote markers for the sources of ``obj``, or of the fields named."""
    return _markers(context["footnotes"], citations_for(obj, *supports))


@register.simple_tag(takes_context=True)
def cited_text(context, obj, field, supports=None, also=()):
    """A text field as paragraphs, in the reader's language (or marked English),
    with the footnote markers closing the last one.

    ``supports`` names the field the citations back; by default those of the
    whole entry and of the field itself. ``also`` adds citations given by the
    view (the source of a criticism's response, say).
    """
    text = translated(obj, field)
    citations = citations_for(obj, supports) if supports else citations_for_text(obj, field)
    markers = _markers(context["footnotes"], [*citations, *also])
    paragraphs = linebreaks_filter(text, autoescape=True)
    if paragraphs.endswith("</p>"):
        paragraphs = mark_safe(f"{paragraphs[: -len('</p>')]}{markers}</p>")
    else:
        paragraphs = format_html("{}{}", paragraphs, markers)
    return marked_paragraphs(text, paragraphs)


@register.simple_tag(takes_context=True)
def cite_source(context, obj):
    """The footnote marker for a record that names its own ``source`` (a quotation)."""
    return _markers(context["footnotes"], [obj])


@register.simple_tag
def full_citation(source):
    """A source as a bibliography entry: authors (date). Title. Container, pages...

    Built in Python rather than an included template: pages list dozens of sources.
    """
    parts = []
    if source.authors:
        date = format_html(" ({})", partial_date(source.published)) if source.published else ""
        parts.append(format_html("{}{}. ", source.authors, date))
    parts.append(format_html('<a href="{}">{}</a>.', source.get_absolute_url(), source.title))
    if source.editors:
        parts.append(
            format_html(" {}", gettext("In %(editors)s (eds.)") % {"editors": source.editors})
        )
    if source.container:
        volume = ""
        if source.volume:
            issue = format_html("({})", source.issue) if source.issue else ""
            volume = format_html(" {}{}", source.volume, issue)
        pages = format_html(", {} {}", gettext("pp."), source.pages) if source.pages else ""
        parts.append(format_html(" <i>{}</i>{}{}.", source.container, volume, pages))
    if source.publisher:
        parts.append(format_html(" {}.", source.publisher))
    if not source.authors and source.published:
        parts.append(format_html(" {}.", partial_date(source.published)))
    if source.un_symbol:
        parts.append(format_html(" {} {}.", gettext("UN doc."), source.un_symbol))
    if source.doi:
        parts.append(
            format_html(
                ' <a href="https://doi.org/{}">doi:{}</a>.', quote(source.doi, safe="/"), source.doi
            )
        )
    if source.isbn:
        parts.append(format_html(" ISBN {}.", source.isbn))
    if source.url:
        accessed = ""
        if source.accessed:
            when = date_format(source.accessed, "j F Y")
            accessed = format_html(" ({})", gettext("accessed %(date)s") % {"date": when})
        parts.append(
            format_html(
                ' <a class="external" href="{}" rel="nofollow noopener">{}</a>{}.',
                source.url,
                gettext("Online"),
                accessed,
            )
        )
    return format_html('<cite class="source">{}</cite>', mark_safe("".join(parts)))


@register.filter
def partial_date(value):
    """A PartialDate as a <time> element that machines can read; "" for none."""
    if not value:
        return ""
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), value)
