"""HTML export: one printable page per week, escaped text, picture hook."""

from __future__ import annotations

import dataclasses
from datetime import date
from html.parser import HTMLParser

from legday.catalogue import Catalogue
from legday.exports.html import plan_to_html
from legday.model import Plan, Violation

VOID = {"meta", "img", "br", "link", "hr", "input"}


class _Tree(HTMLParser):
    """Checks that tags nest and close, and collects classes and text."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.classes: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.classes += [v or "" for k, v in attrs if k == "class"]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Tree:
    tree = _Tree()
    tree.feed(page)
    tree.close()
    assert tree.stack == []
    return tree


def test_one_section_per_week_with_print_breaks(plan: Plan, catalogue: Catalogue) -> None:
    page = plan_to_html(plan, catalogue)
    tree = _parse(page)

    assert page.startswith("<!DOCTYPE html>")
    assert tree.classes.count("week") == len(plan.weeks)
    assert tree.classes.count("session") == len(plan.sessions)
    assert "@media print" in page
    assert "break-after: page" in page
    assert "page-break-after: always" in page
    assert '<meta name="viewport"' in page
    text = "".join(tree.text)
    assert "Recovery week: no strength" in text
    assert "Goblet squat: 3 × 8" in text
    assert "Running today: Easy 8 km (easy, 07:00–07:50)" in text
    assert "Knees track over toes." in text
    assert "Music:" in text and "120 BPM" in text
    assert "Tempo is seconds per rep: 3-1-2 means lower for 3 seconds" in text
    assert "Every rule holds for this plan." in text


def test_plan_text_is_escaped(plan: Plan, catalogue: Catalogue) -> None:
    nasty = dataclasses.replace(
        plan,
        weeks=(
            dataclasses.replace(plan.weeks[0], note="<script>alert(1)</script> & $css"),
            *plan.weeks[1:],
        ),
        violations=(Violation("spacing", date(2026, 3, 6), "<b>24 h</b>", hard=False),),
    )

    page = plan_to_html(nasty, catalogue)
    _parse(page)

    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; $css" in page
    assert "(target missed) Fri 06 Mar: &lt;b&gt;24 h&lt;/b&gt;" in page


def test_picture_hook_embeds_images_or_svg(plan: Plan, catalogue: Catalogue) -> None:
    images = plan_to_html(plan, catalogue, picture=lambda ex: f"pics/{ex}.png")
    svg = plan_to_html(plan, catalogue, picture=lambda ex: f'<svg class="pic-{ex}"></svg>')

    _parse(images)
    _parse(svg)
    assert '<img src="pics/goblet-squat.png" alt="Goblet squat">' in images
    assert '<svg class="pic-goblet-squat"></svg>' in svg
    assert "<figure" not in plan_to_html(plan, catalogue)
