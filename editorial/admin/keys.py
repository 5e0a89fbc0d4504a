"""Entry keys (slugs) an editor never has to invent.

The admin fills a key in from other fields as the editor types (Django's
``prepopulated_fields``); ``entry_key`` does the same on the server when the key
was left blank (or the browser ran no script), and refuses a key already taken,
naming the entry that has it and suggesting a free one.
"""

from django.core.exceptions import ValidationError
from django.utils.text import get_text_list, slugify
from django.utils.translation import gettext as _

from ..content import Content, describe


def key_part(value):
    """A field's value as a key is made from it: "staff", "2024-12", a name."""
    if value is None:
        return ""
    if hasattr(value, "isoformat"):  # a date, or a partial date ("2024-12")
        return value.isoformat()
    if isinstance(value, Content):
        return value.slug
    return str(value)


def field_names(model, names):
    """“kind” and “point in time”: the labels of the fields a key is made from."""
    labels = [f"“{model._meta.get_field(name).verbose_name}”" for name in names]
    return get_text_list(labels, _("and"))


def entry_key(model, key, sources, *, exclude_pk=None, max_length=None):
    """``key``, or when it is blank one made from ``sources`` ({field name: value},
    in order); raise ValidationError when none can be made or it is already used."""
    if not key:
        key = slugify(" ".join(part for part in map(key_part, sources.values()) if part))
        key = key[:max_length] if max_length else key
    if not key:
        raise ValidationError(
            _("Fill in %(fields)s: the key is made from them.")
            % {"fields": field_names(model, sources)},
            code="empty",
        )
    entries = model._default_manager.exclude(pk=exclude_pk)
    taken = entries.filter(slug=key).first()
    if taken is None:
        return key
    free = next(
        f"{key}-{n}" for n in range(2, 1000) if not entries.filter(slug=f"{key}-{n}").exists()
    )
    raise ValidationError(
        _(
            "The key “%(key)s” is already used by %(entry)s. Give this entry another one, "
            "for example “%(free)s”."
        )
        % {"key": key, "entry": describe(taken), "free": free},
        code="taken",
    )
