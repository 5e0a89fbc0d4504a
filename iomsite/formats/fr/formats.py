# "1er décembre 1951": the first of a month is an ordinal in French.
FIRST_DAY_DATE_FORMAT = r"j\e\r F Y"
DATETIME_FORMAT = "j F Y, H:i"

NUMBER_SCALES = ((9, "milliard", "milliards"), (6, "million", "millions"))


def SCALE_IS_SINGULAR(amount):  # a format name: upper case, as Django's are
    return amount < 2


GROUPING_MIN_DIGITS = 4
CURRENCY_FORMATS = {
    "USD": ("{amount} dollars US", "{amount} de dollars US"),
    "AUD": ("{amount} dollars australiens", "{amount} de dollars australiens"),
}
