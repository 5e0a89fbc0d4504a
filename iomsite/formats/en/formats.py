# The site's English is British: "5 December 1951", not Django's "Dec. 5, 1951".
DATE_FORMAT = "j F Y"
FIRST_DAY_DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"

NUMBER_SCALES = ((9, "billion", "billion"), (6, "million", "million"))


def SCALE_IS_SINGULAR(amount):  # a format name: upper case, as Django's are
    return amount == 1


GROUPING_MIN_DIGITS = 4
CURRENCY_FORMATS = {
    "USD": ("US${amount}", "US${amount}"),
    "AUD": ("A${amount}", "A${amount}"),
}
