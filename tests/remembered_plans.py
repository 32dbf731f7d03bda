"""The logbook's planner with a memory, for the fast profile's store, CLI and web tests.

Most of those tests start by adding the same runner with the same calendar (`sam`, six
weeks), and every one planned that season again: about a third of their CPU went to the
planner. The planner is pure (the same profile, runs, catalogue and logbook state give the
same plan) and its plan is immutable (frozen dataclasses and tuples all the way down), so a
plan made once can be handed to the next test that asks for exactly the same one.

Only the logbook's planner (`legday.bootstrap._make_plan`, what the commands, the web app
and `open_logbook` plan with) remembers, and only under the `dev` profile: the planner's own
tests call `legday.planner.make_plan` afresh, and under `ci` every plan is made anew, so a
planner that gave two plans for the same input would still fail there.
"""

from __future__ import annotations

import pickle
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from legday.catalogue import Catalogue
from legday.model import Plan

__all__ = ["remembering"]

KEPT = 64  # plans a test process keeps; the repeats come a few tests apart


def remembering(make_plan: Callable[..., Plan]) -> Callable[..., Plan]:
    """`make_plan`, answering a call it has seen among the last KEPT with the same plan."""
    kept: OrderedDict[bytes, tuple[Catalogue, Plan]] = OrderedDict()

    def remembered(*args: Any, **kwargs: Any) -> Plan:
        key = _key(args, kwargs)
        if key is None:
            return make_plan(*args, **kwargs)
        found = kept.get(key)
        if found is not None:
            kept.move_to_end(key)
            return found[1]
        plan = make_plan(*args, **kwargs)
        catalogue = next(a for a in (*args, *kwargs.values()) if isinstance(a, Catalogue))
        kept[key] = (catalogue, plan)  # the catalogue stays alive: its id stays its own
        if len(kept) > KEPT:
            kept.popitem(last=False)
        return plan

    return remembered


def _key(args: tuple[Any, ...], kwargs: dict[str, Any]) -> bytes | None:
    """The call's inputs as bytes, the catalogue by identity (it is loaded once a process;
    a test's own small catalogue is another object); None when they cannot be pickled."""
    catalogues = [id(a) for a in (*args, *kwargs.values()) if isinstance(a, Catalogue)]
    if len(catalogues) != 1:
        return None
    rest = [a for a in args if not isinstance(a, Catalogue)]
    given = sorted((k, v) for k, v in kwargs.items() if not isinstance(v, Catalogue))
    try:
        return pickle.dumps((catalogues[0], rest, given), protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None
