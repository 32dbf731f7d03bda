"""The `picture=` hook the Markdown and HTML exports take: exercise id -> inline SVG.

Why inline: the export stays one self-contained file that can be mailed, printed or opened
offline, with no image folder to keep beside it. Each exercise is drawn once per export.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from html import escape

from legday.catalogue import Catalogue

__all__ = ["inline_pictures"]


def inline_pictures(catalogue: Catalogue, *, still: bool) -> Callable[[str], str]:
    """A hook drawing `catalogue` exercises: the key-pose strip, or the looping animation."""
    from legday.pictures.svg import exercise_svg

    @functools.cache
    def picture(exercise_id: str) -> str:
        exercise = catalogue.get(exercise_id)
        if exercise is None or exercise.picture is None:
            name = escape(exercise.name if exercise else exercise_id)
            return (
                '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 20" role="img" '
                f'aria-label="{name}"><text x="2" y="14" font-size="10">{name}</text></svg>'
            )
        return exercise_svg(exercise, animate=not still).strip()

    return picture
