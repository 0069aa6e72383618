"""A screen compositor that draws, in a partial update, only the rows that reach the terminal.

Textual paints a partial update (a key typed, a line of the preview changed) by drawing every
widget that overlaps the bounding box of all the changed regions, each from its first line to
its last, and then sending only the changed cells. While typing in a field on the left, the
changed regions are the field and a few lines of the preview on the right, one of them (the
signature) near the bottom: the box is most of the screen, and some 25 widgets are drawn in
full, for every key, where a few rows of two of them changed (figures: benchmarks/README.md).

`RowCompositor` draws, for each widget, only the rows in which it meets a changed span that no
widget in front of it has covered already, and skips the widgets that meet none: typing in a
field draws the field and the preview's text, not the ten containers behind them. The cells
sent are those Textual would send: widgets are still taken front to back and the first to
cover a cell wins. Full updates (a new step, a resize) are Textual's own.

This subclasses Textual's private compositor (`textual._compositor`): it is imported only
through `compositor.install`, behind the package's version gate. On a Textual without what it
needs, `install` leaves Textual's compositor in place: the app is then as correct, and a
little slower. `tests/ui/test_compositor.py` says which is in use.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region

if TYPE_CHECKING:
    from textual.strip import Strip

MAX_REGIONS = 64
"""More changed regions than this (a scroll, a large change): Textual's own partial update."""

NEEDED = ("cuts", "visible_widgets", "_dirty_regions", "_regions_to_spans", "size")
"""What RowCompositor uses of a Compositor (checked on the instance before it is replaced)."""


class RowCompositor(Compositor):
    """Textual's compositor, with partial updates drawn row by row (see the module's doc)."""

    def render_partial_update(self) -> ChopsUpdate | None:
        regions = self._dirty_regions
        if not regions or len(regions) > MAX_REGIONS:
            return super().render_partial_update()
        screen = self.size.region
        update = [region.intersection(screen) for region in regions]
        regions.clear()
        spans = list(self._regions_to_spans(region for region in update if region))
        if not spans:
            return None

        # The changed x ranges on each row not yet covered by a widget drawn (all, to start
        # with), and the rows in order (to find a widget's rows).
        uncovered: dict[int, list[tuple[int, int]]] = {}
        for y, x1, x2 in spans:
            uncovered.setdefault(y, []).append((x1, x2))
        rows = sorted(uncovered)

        cuts = self.cuts
        chops: list[dict[int, Strip | None]] = [dict.fromkeys(line[:-1]) for line in cuts]
        intersection = Region.intersection
        for widget, (region, clip) in self.visible_widgets.items():  # front to back
            x, y, width, height = intersection(region, clip)
            if not width or not height:
                continue
            right = x + width
            wanted = [
                row
                for row in rows[bisect_left(rows, y) : bisect_left(rows, y + height)]
                if any(x1 < right and x2 > x for x1, x2 in uncovered[row])
            ]
            if not wanted:
                continue  # behind the widgets drawn already, or away from every change
            # One drawing from the first row wanted to the last: the rows between come from
            # the widget's line cache, cheaper than drawing the widget once per run of rows.
            first, last = wanted[0], wanted[-1]
            crop = Region(x - region.x, first - region.y, width, last - first + 1)
            for row, strip in zip(range(first, last + 1), widget.render_lines(crop), strict=False):
                if row not in uncovered:
                    continue
                line = chops[row]
                row_cuts = [cut for cut in cuts[row] if right >= cut >= x]
                pieces = strip.divide([cut - x for cut in row_cuts[1:]])
                for cut, piece in zip(row_cuts, pieces, strict=False):
                    if line.get(cut) is None:
                        line[cut] = piece
                # Whatever is behind this widget on this row is hidden by it.
                uncovered[row] = _without(uncovered[row], x, right)
        return ChopsUpdate(chops, spans, [line[1:] for line in cuts])


def _without(ranges: list[tuple[int, int]], x: int, right: int) -> list[tuple[int, int]]:
    """The x ranges less the columns from x to right (not included)."""
    left: list[tuple[int, int]] = []
    for x1, x2 in ranges:
        if x2 <= x or x1 >= right:
            left.append((x1, x2))
            continue
        if x1 < x:
            left.append((x1, x))
        if x2 > right:
            left.append((right, x2))
    return left
