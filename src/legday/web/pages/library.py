"""The exercise library (/exercises): every catalogue exercise with its cues and picture
(drawn by the API: /api/exercises/{id}/picture.svg), filtered by muscle, equipment,
one-legged, balance and injury care."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from legday.catalogue import Catalogue
from legday.model import INJURIES, Equipment, Exercise, Muscle
from legday.web.deps import LogbookDep
from legday.web.pages.common import page

__all__ = ["Filters", "router"]

router = APIRouter()


def _choice(value: str | None, known: list[str]) -> str:
    """A filter value the catalogue knows, else no filter (a hand-typed address must not
    turn into an error page for a list)."""
    return value if value in known else ""


@router.get("/exercises", response_class=HTMLResponse, name="exercises")
async def exercises(
    request: Request,
    book: LogbookDep,
    muscle: Annotated[str | None, Query()] = None,
    equipment: Annotated[str | None, Query()] = None,
    one_legged: Annotated[bool, Query()] = False,
    balance: Annotated[bool, Query()] = False,
    care: Annotated[str | None, Query()] = None,
) -> HTMLResponse:
    muscles, kit, injuries = [m.value for m in Muscle], [e.value for e in Equipment], [*INJURIES]
    chosen = Filters(
        muscle=_choice(muscle, muscles),
        equipment=_choice(equipment, kit),
        one_legged=one_legged,
        balance=balance,
        care=_choice(care, injuries),
    )
    context = {
        "exercises": chosen.shown(book.catalogue),
        "chosen": chosen,
        "muscles": muscles,
        "equipment": kit,
        "injuries": INJURIES,
    }
    return page(request, "library.html", context, section="exercises")


@dataclass(frozen=True, slots=True)
class Filters:
    """The library's filters; "" or False lets every exercise through."""

    muscle: str = ""
    equipment: str = ""
    one_legged: bool = False
    balance: bool = False
    care: str = ""

    def shown(self, catalogue: Catalogue) -> tuple[Exercise, ...]:
        """The catalogue's library under these filters (the API's, unset ones let through)."""
        return catalogue.library(
            muscle=self.muscle or None,
            equipment=self.equipment or None,
            one_legged=self.one_legged or None,
            balance=self.balance or None,
            care=self.care or None,
        )
