from decimal import Decimal

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.translation import gettext_lazy as _

SCALES = ((Decimal(10**9), _("billion")), (Decimal(10**6), _("million")))


def human_number(value):
    """2500000000 -> "2.5 billion"; 17761 -> "17,761"."""
    value = Decimal(value)
    for scale, word in SCALES:
        if value >= scale:
            scaled = (value / scale).quantize(Decimal("0.001")).normalize()
            return f"{scaled:f} {word}"
    if value == value.to_integral_value():
        return intcomma(int(value))
    return intcomma(value.quantize(Decimal("0.01")))


def plain_number(value):
    """A number in full with thousands separators and no needless decimals, as an
    editor types it: 21500.00 -> "21,500"; 2500000000 -> "2,500,000,000"; 0.5 -> "0.5"."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return intcomma(int(value))
    return intcomma(value.normalize())
