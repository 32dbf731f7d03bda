"""Progress: charts drawn on the server (SVG, no script, no network) that change as sets
are logged, each with a title, a description in words and the numbers in a table."""

from __future__ import annotations

import re
import uuid
from datetime import date

import pytest
from fastapi.testclient import TestClient

from legday.web.pages.charts import Bar, Line, bar_chart, line_chart


def log(client: TestClient, athlete: int, day: str, kg: float, pain: int = 0) -> None:
    for set_no in (1, 2):
        one = {
            "client_id": str(uuid.uuid4()),
            "date": day,
            "exercise": "goblet-squat",
            "set_no": set_no,
            "reps": 10,
            "kg": kg,
            "rpe": 6,
            "form_ok": True,
            "pain": pain,
        }
        assert client.post(f"/api/athletes/{athlete}/sets", json=one).status_code == 201


def test_before_any_log_only_the_planned_sessions_show(client: TestClient, athlete: int) -> None:
    page = client.get(f"/athletes/{athlete}/progress")
    assert page.status_code == 200
    assert re.search(r'<desc id="sessions-d">0 sessions done of \d+ planned', page.text)
    assert "Load and reps per exercise" not in page.text
    assert re.search(r'<a href="[^"]*/progress" aria-current="page">Progress</a>', page.text)


def test_logged_sets_draw_load_volume_and_pain(
    client: TestClient, athlete: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    log(client, athlete, "2027-01-04", 8)
    monkeypatch.setenv("LEGDAY_TODAY", "2027-01-12")  # a set is logged on or after its day
    log(client, athlete, "2027-01-11", 10, pain=2)
    page = client.get(f"/athletes/{athlete}/progress").text
    assert "<script" not in page.split("<main", 1)[1]
    assert (
        '<desc id="ex-goblet-squat-d">Goblet squat: top load 8 kg on 4 Jan, 10 kg on 11 Jan' in page
    )
    assert page.count("<polyline") >= 2  # the load line and the pain line
    assert 'class="part m-quads"' in page  # weekly volume, quads among the muscles
    assert re.search(r'<desc id="pain-d">Pain from 0 to 10 on \d+ days; the worst 2', page)
    assert '<th scope="col">Top load (kg)</th>' in page
    assert "<td>10.0</td>" in page  # the numbers beside the chart


def test_a_line_chart_scales_to_its_top_and_escapes_its_words() -> None:
    points = ((date(2027, 1, 4), 5.0), (date(2027, 1, 11), 10.0))
    svg = str(line_chart("c", "<b>load</b>", "a & b", [Line("kg", "s-load", points)], "kg"))
    assert '<title id="c-t">&lt;b&gt;load&lt;/b&gt;</title>' in svg
    assert '<desc id="c-d">a &amp; b</desc>' in svg
    assert 'aria-labelledby="c-t c-d"' in svg and 'role="img"' in svg
    dots = re.findall(r'<circle class="dot s-load" cx="([\d.]+)" cy="([\d.]+)"', svg)
    assert len(dots) == 2
    (x1, y1), (x2, y2) = ((float(x), float(y)) for x, y in dots)
    assert x1 < x2 and y2 < y1  # later and higher
    assert "style=" not in svg  # the Content-Security-Policy allows no inline style


def test_a_bar_chart_stacks_parts_over_the_planned_outline() -> None:
    bars = [Bar("4 Jan", (("done", "s-done", 1.0), ("skipped", "s-skipped", 1.0)), outline=3)]
    svg = str(bar_chart("b", "Sessions", "1 of 3", bars, "sessions"))
    assert svg.count('class="planned"') == 1
    heights = [float(h) for h in re.findall(r'class="part [^"]+"[^>]*height="([\d.]+)"', svg)]
    planned = float(re.findall(r'class="planned"[^>]*height="([\d.]+)"', svg)[0])
    assert len(heights) == 2 and abs(sum(heights) - planned * 2 / 3) < 0.2
    assert "style=" not in svg
