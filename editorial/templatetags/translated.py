"""Content in the reader's language, in templates.

* ``{{ entry|translated:"title" }}``: the text alone, for attributes, titles,
  meta descriptions and anything else that cannot hold markup; filters can follow
  (``|truncatechars:155``).
* ``{% translated entry "summary" %}``: the text for the page's body; English
  standing in for a missing translation comes as ``<span lang="en">`` with a
  visible "not yet translated" mark. ``words=50`` or ``chars=155`` shorten it,
  ``paragraphs=True`` sets it as paragraphs (``linebreaks``).
* ``{{ quotation|site_translation:"text" }}``: the site's own translation of words
  always shown in the original, or None.
"""

from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext

from editorial import translation

register = template.Library()


def marked(text, *, paragraphs=False):
    """HTML for a ``TranslatedText``: escaped, as paragraphs if asked, and, when it
    is English standing in for a translation, in the English language with the mark."""
    if paragraphs:
        return marked_paragraphs(text, linebreaks_filter(text, autoescape=True))
    if not getattr(text, "is_fallback", False):
        return format_html("{}", text)
    return format_html(
        '<span lang="{}">{}</span> <small class="untranslated">({})</small>',
        text.lang,
        text,
        gettext("not yet translated"),
    )


def marked_paragraphs(text, html):
    """``html``, the paragraphs made of ``text``, in the text's language with the
    mark after them when it is English standing in for a translation."""
    if not getattr(text, "is_fallback", False):
        return html
    return format_html(
        '<div lang="{}">{}</div><p class="untranslated">({})</p>',
        text.lang,
        html,
        gettext("not yet translated"),
    )


def shortened(text, *, words=None, chars=None):
    """The text cut as ``truncatewords``/``truncatechars`` would, keeping its language."""
    if words:
        cut = Truncator(text).words(int(words), truncate=" …")
    elif chars:
        cut = Truncator(text).chars(int(chars))
    else:
        return text
    return translation.TranslatedText(cut, text.lang, text.is_fallback)


@register.filter(name="translated")
def translated_filter(entry, field_name):
    return translation.translated(entry, field_name)


@register.simple_tag(name="translated")
def translated_tag(entry, field_name, words=None, chars=None, paragraphs=False):
    text = shortened(translation.translated(entry, field_name), words=words, chars=chars)
    return marked(text, paragraphs=paragraphs)


@register.filter
def site_translation(entry, field_name):
    return translation.site_translation(entry, field_name)
