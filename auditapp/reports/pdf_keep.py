"""Keep a heading (or a label) with the start of what follows it, without KeepTogether.

ReportLab's keepWithNext wraps the heading and the next flowable in a KeepTogether; with a
table taller than a page that loops for ever. Here a conditional page break before the heading
measures, at layout time, the heading plus the first unbreakable part of the next flowable
(a table's header and first row, two lines of a paragraph, a whole small group) and breaks
the page when that does not fit. Each measurement wraps the two flowables once: linear in
the document, and capped below the frame height so it can never break on a fresh page.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

KEEP_ATTR = "auditapp_keep_with_next"
BIG = 0xFFFFFFF


def mark(flowable: Flowable) -> Flowable:
    setattr(flowable, KEEP_ATTR, True)
    return flowable


def _height(flowable: Flowable, width: float) -> float:
    _, height = flowable.wrap(width, BIG)
    return height + flowable.getSpaceBefore() + flowable.getSpaceAfter()


def first_part_height(flowable: Flowable, width: float) -> float:
    """The height of the smallest piece of flowable that may sit at the foot of a page."""
    inner = getattr(flowable, "inner", None)  # an outlined wrapper
    if inner is not None:
        return first_part_height(inner, width)
    if isinstance(flowable, KeepTogether):
        return sum(_height(f, width) for f in flowable._content)
    if isinstance(flowable, Table):
        flowable.wrap(width, BIG)
        heights = flowable._rowHeights
        head = max(flowable.repeatRows if isinstance(flowable.repeatRows, int) else 0, 0)
        return sum(heights[: head + 1]) + flowable.getSpaceBefore()
    if isinstance(flowable, Paragraph):
        full = _height(flowable, width)
        two_lines = 2 * flowable.style.leading + flowable.getSpaceBefore()
        return min(full, two_lines)
    return _height(flowable, width)


class KeepWithNext(CondPageBreak):
    """Placed before a group of kept flowables; breaks the page when the group and the first
    part of the next flowable would not fit."""

    def __init__(
        self, group: list[Flowable], following: Flowable | None, *, minimum: float, limit: float
    ) -> None:
        super().__init__(minimum)
        self.group, self.following = group, following
        self.minimum, self.limit = minimum, limit
        self._measured: tuple[float, float] | None = None

    def __repr__(self) -> str:
        return f"KeepWithNext({len(self.group)} kept)"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._measured is None or self._measured[0] != availWidth:
            need = sum(_height(f, availWidth) for f in self.group)
            if self.following is not None:
                need += first_part_height(self.following, availWidth)
            self._measured = (availWidth, need)
        self.height = min(max(self._measured[1], self.minimum), self.limit)
        return super().wrap(availWidth, availHeight)


def apply(story: list[Flowable], limit: float) -> list[Flowable]:
    """Insert a KeepWithNext before every run of marked flowables (one pass)."""
    out: list[Flowable] = []
    index = 0
    while index < len(story):
        item = story[index]
        if not getattr(item, KEEP_ATTR, False):
            out.append(item)
            index += 1
            continue
        group: list[Flowable] = []
        while index < len(story) and (
            getattr(story[index], KEEP_ATTR, False)
            or isinstance(story[index], Spacer | CondPageBreak)
        ):
            if not isinstance(story[index], CondPageBreak):
                group.append(story[index])
            index += 1
        following = story[index] if index < len(story) else None
        minimum = max((getattr(f, "auditapp_room", 0.0) for f in group), default=0.0)
        out.append(KeepWithNext(group, following, minimum=minimum, limit=limit))
        out.extend(group)
    return out
