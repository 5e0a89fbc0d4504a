"""Each language's way of writing dates and numbers, beside Django's own formats
(settings.FORMAT_MODULE_PATH; a name not set here is Django's for the language).

Besides Django's names, each module sets the site's own:

- ``FIRST_DAY_DATE_FORMAT``: a date on the first of a month ("1er décembre").
- ``NUMBER_SCALES``: (power of ten, singular, plural) for large numbers, largest
  first, in the language's own scale: English and French name thousands of
  millions (billion, milliard); Spanish counts them in millions ("2500
  millones"), its "billón" being a million millions.
- ``SCALE_IS_SINGULAR``: whether a scaled amount takes the singular word (French
  says "1,5 milliard", English and Spanish "1.5 billion", "1,5 millones").
- ``GROUPING_MIN_DIGITS``: the fewest digits grouped in thousands (Spanish writes
  "2500" but "17 761").
- ``CURRENCY_FORMATS``: unit -> (amount, amount with a scale word) patterns.

These are the language's conventions, not interface text, so they live here
rather than in the message catalogs; see editorial.numbers and orgs.dates.
"""
