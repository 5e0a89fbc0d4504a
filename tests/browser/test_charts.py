"""The charts as Chromium draws them, on a phone and on a desktop screen: one
drawing of each chart shown, every text inside it, none too small to read on a
phone (at least 11 CSS pixels), and the server's estimate of each text's width
(which sizes the label areas) never short of the drawn width.

One test for all the pages and widths, so that the seed is reloaded once; a
failure lists every problem.
"""

import pytest

from orgs.chart_scales import text_width

CHART_PAGES = ["/structure/", "/leaders/", "/names/", "/history/"]
PHONE, DESKTOP = 390, 1280
SMALLEST_TEXT_PX = 11

# Each shown chart drawing: its viewBox, its width on screen, and each text's
# box in the drawing's own units, font size and drawn length.
DRAWINGS = """() => [...document.querySelectorAll('figure.chart > svg')]
  .filter(svg => getComputedStyle(svg).display !== 'none')
  .map(svg => ({
    figure: svg.querySelector('title').textContent,
    viewBox: {width: svg.viewBox.baseVal.width, height: svg.viewBox.baseVal.height},
    shownWidth: svg.getBoundingClientRect().width,
    texts: [...svg.querySelectorAll('text')].map(t => {
      const box = t.getBBox();
      return {
        text: t.textContent, x: box.x, y: box.y, width: box.width, height: box.height,
        fontSize: parseFloat(getComputedStyle(t).fontSize), length: t.getComputedTextLength(),
      };
    }),
  }))"""


def problems_at(page, url, width):
    """Every way the charts of one page fail at one width, in words."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url)
    shown = page.evaluate(DRAWINGS)
    figures = page.locator("figure.chart").count()
    problems = [] if len(shown) == figures else [f"{len(shown)} drawings for {figures} charts"]
    for drawing in shown:
        box, scale = drawing["viewBox"], drawing["shownWidth"] / drawing["viewBox"]["width"]
        for t in drawing["texts"]:
            where = f"{drawing['figure']!r}: {t['text']!r}"
            if not (
                t["x"] >= 0
                and t["y"] >= 0
                and t["x"] + t["width"] <= box["width"]
                and t["y"] + t["height"] <= box["height"]
            ):
                problems.append(f"{where} is clipped: {t}")
            if width == PHONE and t["fontSize"] * scale < SMALLEST_TEXT_PX:
                problems.append(f"{where} is {t['fontSize'] * scale:.1f} px")
            if text_width(t["text"], t["fontSize"]) < t["length"]:
                problems.append(f"{where} is drawn {t['length']:.1f} wide, more than estimated")
    return [f"{url} at {width} px: {problem}" for problem in problems]


def test_every_chart_shows_one_drawing_with_all_its_text_inside_and_readable(page):
    problems = [
        problem
        for width in (PHONE, DESKTOP)
        for url in CHART_PAGES
        for problem in problems_at(page, url, width)
    ]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
