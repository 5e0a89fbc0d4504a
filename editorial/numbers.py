"""Numbers as the reader's language writes them (the conventions themselves are
in iomsite/formats: Django's format modules, read through ``language_format``)."""

from decimal import Decimal

from django.utils import numberformat

from .l10n import language_format


def localized(value):
    """A number with the language's decimal mark, grouped in thousands from the
    language's fewest grouped digits: "17,761", "17 761", "2500" in Spanish."""
    value = Decimal(value)
    digits = len(str(abs(int(value))))
    return numberformat.format(
        value,
        language_format("DECIMAL_SEPARATOR"),
        grouping=language_format("NUMBER_GROUPING"),
        thousand_sep=language_format("THOUSAND_SEPARATOR"),
        force_grouping=digits >= language_format("GROUPING_MIN_DIGITS"),
    )


def scaled_number(value):
    """(text, scaled): 2500000000 -> ("2.5 billion", True) in English, ("2,5
    milliards", True) in French, ("2500 millones", True) in Spanish; 17761 ->
    ("17,761", False)."""
    value = Decimal(value)
    for power, singular, plural in language_format("NUMBER_SCALES"):
        scale = Decimal(10) ** power
        if value >= scale:
            scaled = (value / scale).quantize(Decimal("0.001")).normalize()
            word = singular if language_format("SCALE_IS_SINGULAR")(scaled) else plural
            return f"{localized(scaled)} {word}", True
    if value == value.to_integral_value():
        return localized(int(value)), False
    return localized(value.quantize(Decimal("0.01"))), False


def human_number(value):
    """2500000000 -> "2.5 billion"; 17761 -> "17,761" (in the reader's language)."""
    return scaled_number(value)[0]


def money(value, currency):
    """An amount in a currency ("USD", "AUD"): "US$2.5 billion", "2,5 milliards de
    dollars US", "2500 millones de dólares estadounidenses"."""
    number, scaled = scaled_number(value)
    plain_pattern, scaled_pattern = language_format("CURRENCY_FORMATS")[currency]
    return (scaled_pattern if scaled else plain_pattern).format(amount=number)


def plain_number(value):
    """A number in full with thousands separators and no needless decimals, as an
    editor types it: 21500.00 -> "21,500"; 2500000000 -> "2,500,000,000"; 0.5 -> "0.5"."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return localized(int(value))
    return localized(value.normalize())
