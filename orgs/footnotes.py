"""Wikipedia-style footnotes: one number per source per page.

A view puts a ``Footnotes`` in its context; each ``{% cite %}`` in the page asks it
for numbers, and the references list at the foot of the page lists each source
once, with a back-link to every place that cited it.
"""

from dataclasses import dataclass, field


@dataclass
class Note:
    number: int
    source: object
    locators: list = field(default_factory=list)
    anchors: list = field(default_factory=list)

    @property
    def anchor(self):
        return f"note-{self.number}"


class Footnotes:
    def __init__(self):
        self._by_source = {}

    def cite(self, citations):
        """Register citations at one place in the page; return (note, back-link anchor) pairs."""
        marks = []
        for citation in citations:
            note = self._by_source.get(citation.source_id)
            if note is None:
                note = Note(len(self._by_source) + 1, citation.source)
                self._by_source[citation.source_id] = note
            if citation.locator and citation.locator not in note.locators:
                note.locators.append(citation.locator)
            if any(n is note for n, _ in marks):
                continue
            back_anchor = f"cite-{note.number}-{len(note.anchors) + 1}"
            note.anchors.append(back_anchor)
            marks.append((note, back_anchor))
        return sorted(marks, key=lambda mark: mark[0].number)

    def __iter__(self):
        return iter(self._by_source.values())

    def __len__(self):
        return len(self._by_source)


def citations_for(obj, *supports):
    """The citations of ``obj`` backing the fields named, or the whole entry when
    none is named (all its citations if none backs the whole entry).

    Reads the prefetched ``citations`` so pages stay at a fixed number of queries.
    """
    citations = list(obj.citations.all())
    if supports:
        return [c for c in citations if c.supports in supports]
    whole = [c for c in citations if not c.supports]
    return whole or citations


def citations_for_text(obj, field):
    """The citations marked at the end of a text field: those backing the whole
    entry and those backing that field (all of them when there are none), so that
    a source cited for what the text says is never left off the page."""
    citations = list(obj.citations.all())
    chosen = [c for c in citations if c.supports in ("", field)]
    return chosen or citations
