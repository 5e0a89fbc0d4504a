"""Model and form fields shared by every content app."""

import contextlib

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models.query_utils import DeferredAttribute
from django.utils.translation import gettext_lazy as _

from editorial.numbers import plain_number

from .dates import PartialDate

web_url_validator = URLValidator(
    schemes=["http", "https"],
    message=_("Enter a web address that starts with http:// or https://."),
)


class WebURLFormField(forms.URLField):
    default_validators = [web_url_validator]
    default_error_messages = {"invalid": web_url_validator.message}


class WebURLField(models.URLField):
    """A URL that a reader's browser can open safely: http and https only."""

    default_validators = [web_url_validator]

    def formfield(self, **kwargs):
        return super().formfield(
            **{"form_class": WebURLFormField, "assume_scheme": "https", **kwargs}
        )


class PartialDateFormField(forms.CharField):
    def __init__(self, **kwargs):
        # The length limit goes on the input only: the cleaned value is a PartialDate.
        kwargs.pop("max_length", None)
        if not kwargs.get("help_text"):
            kwargs["help_text"] = _("YYYY, YYYY-MM or YYYY-MM-DD: only as precise as the source.")
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("maxlength", "10")

    def prepare_value(self, value):
        return value.isoformat() if isinstance(value, PartialDate) else value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        return PartialDate.parse(value)


class PartialDateDescriptor(DeferredAttribute):
    """Turns text assigned to the field ("1951") into a PartialDate at once.

    Text that is not a date is kept as it is, for ``full_clean()`` to report.
    """

    def __set__(self, instance, value):
        if isinstance(value, str) and value:
            with contextlib.suppress(ValidationError):
                value = PartialDate.parse(value)
        instance.__dict__[self.field.attname] = value or None


class PartialDateField(models.Field):
    """Stores a PartialDate as its ISO prefix, which sorts in time order."""

    description = _("Date to a year, month or day")
    descriptor_class = PartialDateDescriptor

    def __init__(self, *args, **kwargs):
        kwargs["max_length"] = 10
        super().__init__(*args, **kwargs)

    def get_internal_type(self):
        return "CharField"

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        del kwargs["max_length"]
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return None
        return PartialDate.parse(value)

    def to_python(self, value):
        if value in (None, "") or isinstance(value, PartialDate):
            return value or None
        return PartialDate.parse(value)

    def get_prep_value(self, value):
        if value in (None, ""):
            return None
        if not isinstance(value, PartialDate):
            value = PartialDate.parse(value)
        return value.isoformat()

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return value.isoformat() if value else None

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PartialDateFormField, **kwargs})


class GroupedDecimalFormField(forms.DecimalField):
    """A number typed as people write it: "21,500", "21 500" or "21500".

    Shown in full with thousands separators and without needless decimals, so a
    head count reads "21,500", never "21500.00".
    """

    widget = forms.TextInput

    def __init__(self, **kwargs):
        kwargs.pop("localize", None)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)
        return {**attrs, "inputmode": "decimal", "autocomplete": "off"}

    def prepare_value(self, value):
        try:
            return plain_number(value) if value not in (None, "") else value
        except (ArithmeticError, TypeError, ValueError):
            return value

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace(",", "").replace(" ", "").replace("\u00a0", "")
        return super().to_python(value)
