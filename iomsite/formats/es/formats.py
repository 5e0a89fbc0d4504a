FIRST_DAY_DATE_FORMAT = r"j \d\e F \d\e Y"

# Thousands of millions are counted in millions: "2500 millones".
NUMBER_SCALES = ((6, "millón", "millones"),)


def SCALE_IS_SINGULAR(amount):  # a format name: upper case, as Django's are
    return amount == 1


# The Real Academia's rule: "2500", but "17 761".
GROUPING_MIN_DIGITS = 5
CURRENCY_FORMATS = {
    "USD": ("{amount} dólares estadounidenses", "{amount} de dólares estadounidenses"),
    "AUD": ("{amount} dólares australianos", "{amount} de dólares australianos"),
}
