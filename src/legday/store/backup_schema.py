"""The one schema of `legday.backup/1` rows, generated from the tables, narrowed by the model.

Each table's pydantic model is built from its SQLAlchemy columns (ids positive 64-bit, small
integers 16-bit, floats finite, strings within their length, dates, times and datetimes
parsed, bytes from base64, NULL only where the column allows it, no unknown column), and
then narrowed where the model knows more than the column: a level, a piece of kit, an
injury, a set's numbers within `LIMITS`, a status, a stored plan or session that the codec
reads back. Rows must also point at rows that exist (foreign keys) and keep their ids
unique. So whatever `validate_backup` accepts, every command can read; anything else is
one line naming the table, the row and the field, before a single row is written.

pydantic is imported only here (a restore), never on the CLI's start.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictStr,
    TypeAdapter,
    ValidationError,
    create_model,
)
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Table,
    Text,
    Time,
)

from legday.boundary import EARLIEST, INT64_MAX, LATEST, has_control, is_id
from legday.errors import PlanFileError, StoreError
from legday.model import EVENTS, INJURIES, Equipment, Level, Phase
from legday.progression import LIMITS, SIDES

__all__ = ["validate_backup"]

Rows = dict[str, list[dict[str, Any]]]
# A set's client id as the web app takes it (`legday.store.ports.CLIENT_ID`): a UUID.
CLIENT_ID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


def _within_window(value: date | datetime) -> date | datetime:
    day = value.date() if isinstance(value, datetime) else value
    if not EARLIEST <= day <= LATEST:
        raise ValueError(f"{value.isoformat()} is outside {EARLIEST.year}-{LATEST.year}")
    return value


def _parser(parse: Callable[[str], Any], what: str) -> Callable[[Any], Any]:
    def read(value: Any) -> Any:
        if not isinstance(value, str):
            raise ValueError(f"{value!r} is not {what} text")  # pydantic wants ValueError
        try:
            return parse(value)
        except ValueError:
            raise ValueError(f"{value!r} is not {what}") from None

    return read


def _b64(text: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise ValueError("not base64") from None


def _plain(text: str) -> str:
    """Text that names something (a handle, an athlete, an exercise): no control characters."""
    if has_control(text):
        raise ValueError("holds a control character (a line break, a tab, NUL...)")
    return text


def _slug(text: str) -> str:
    if not is_id(text):
        raise ValueError(f"{text!r} is not an id (lower-case letters, digits, hyphens)")
    return text


def _injury(text: str) -> str:
    if text not in INJURIES:
        raise ValueError(f"{text!r} is not an injury legday knows ({', '.join(INJURIES)})")
    return text


def _number(lo: float, hi: float, *, whole: bool) -> Any:
    if whole:
        return Annotated[int, Field(strict=True, ge=int(lo), le=int(hi))]
    return Annotated[float, Field(strict=True, ge=lo, le=hi, allow_inf_nan=False)]


Day = Annotated[
    Any, BeforeValidator(_parser(date.fromisoformat, "a date")), AfterValidator(_within_window)
]
Moment = Annotated[
    Any,
    BeforeValidator(_parser(datetime.fromisoformat, "a date and time")),
    AfterValidator(_within_window),
]
Clock = Annotated[Any, BeforeValidator(_parser(time.fromisoformat, "a time"))]
Blob = Annotated[bytes, BeforeValidator(_parser(_b64, "base64"))]
Slug = Annotated[StrictStr, AfterValidator(_slug)]
Injury = Annotated[StrictStr, AfterValidator(_injury)]


def _day_text(text: str) -> str:
    """A date kept as text in a JSON column (a blocked day)."""
    _within_window(_parser(date.fromisoformat, "a date")(text))
    return text


DayText = Annotated[StrictStr, AfterValidator(_day_text)]
Name = Annotated[StrictStr, Field(min_length=1, max_length=120), AfterValidator(_plain)]
Zone = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9_+./-]{1,64}$")]


def _column_type(table: Table, name: str) -> Any:
    """The pydantic type of one column, from its SQLAlchemy type."""
    column = table.columns[name]
    kind = column.type
    if isinstance(kind, SmallInteger):
        found: Any = _number(-(2**15), 2**15 - 1, whole=True)
    elif isinstance(kind, Integer | BigInteger):
        key = column.primary_key or column.foreign_keys
        found = _number(1 if key else -INT64_MAX - 1, INT64_MAX, whole=True)
    elif isinstance(kind, Float):
        found = _number(-1e12, 1e12, whole=False)
    elif isinstance(kind, Boolean):
        found = StrictBool
    elif isinstance(kind, DateTime):
        found = Moment
    elif isinstance(kind, Date):
        found = Day
    elif isinstance(kind, Time):
        found = Clock
    elif isinstance(kind, LargeBinary):
        found = Blob
    elif isinstance(kind, String) and not isinstance(kind, Text) and kind.length:
        found = Annotated[StrictStr, Field(max_length=kind.length), AfterValidator(_plain)]
    elif isinstance(kind, String):
        found = StrictStr
    elif isinstance(kind, JSON):
        found = Any
    else:  # a column type added without a rule here: refuse to guess
        raise TypeError(f"no backup rule for {table.name}.{name} ({kind!r})")
    return found


def _one_of(values: Iterable[object]) -> Any:
    """A Literal of values known only at run time (an enum's, a tuple's)."""
    return Literal.__getitem__(tuple(values))


def _list_of(kind: Any) -> Any:
    return list[kind]


def _limit(name: str, *, whole: bool) -> Any:
    lo, hi = LIMITS[name]
    return _number(lo, hi, whole=whole)


# Where the model knows more than the column. The JSON columns that hold plan documents
# and session bodies are checked by the plan codec after these (`_documents`).
_NARROWER: dict[tuple[str, str], Any] = {
    ("users", "handle"): Annotated[
        StrictStr, Field(min_length=1, max_length=120), AfterValidator(_plain)
    ],
    ("athletes", "name"): Annotated[
        StrictStr, Field(min_length=1, max_length=120), AfterValidator(_plain)
    ],
    ("athletes", "revision"): _number(0, INT64_MAX, whole=True) | None,
    ("profiles", "weeks"): _number(1, 104, whole=True),
    ("profiles", "sessions"): Literal[2, 3] | None,
    ("profiles", "injuries"): list[Injury],
    ("profiles", "equipment"): _list_of(_one_of(e.value for e in Equipment)),
    ("profiles", "level"): _one_of(level.value for level in Level),
    ("profiles", "minutes"): _number(1, 300, whole=True),
    ("profiles", "days"): _list_of(_number(0, 6, whole=True)),
    ("profiles", "recovery_every"): _number(3, 6, whole=True),
    ("profiles", "seed"): _number(-INT64_MAX - 1, INT64_MAX, whole=True),
    ("profiles", "blocked"): list[DayText],
    ("profiles", "dominant_leg"): Literal["left", "right"] | None,
    ("profiles", "timezone"): Zone | None,
    ("profiles", "age"): _number(10, 100, whole=True) | None,
    ("profiles", "event"): _one_of(EVENTS) | None,
    ("day_overrides", "kind"): Literal["blocked", "weather"],
    ("plan_versions", "number"): _number(1, INT64_MAX, whole=True),
    ("plan_versions", "document"): dict[str, Any],
    ("planned_sessions", "minutes"): _number(1, 300, whole=True),
    ("planned_sessions", "phase"): _one_of(p.value for p in Phase),
    ("planned_sessions", "body"): dict[str, Any],
    ("performed_sessions", "status"): Literal["done", "skipped"],
    ("set_logs", "seq"): _number(0, 10_000, whole=True),
    ("set_logs", "exercise"): Slug,
    ("set_logs", "side"): _one_of(SIDES),
    ("set_logs", "reps"): _limit("reps", whole=True) | None,
    ("set_logs", "load_kg"): _limit("load_kg", whole=False) | None,
    ("set_logs", "seconds"): _limit("seconds", whole=True) | None,
    ("set_logs", "rpe"): _limit("rpe", whole=False) | None,
    ("set_logs", "rir"): _limit("rir", whole=True) | None,
    ("set_logs", "pain"): _limit("pain", whole=True),
    ("set_logs", "client_id"): Annotated[StrictStr, Field(pattern=CLIENT_ID)] | None,
    ("set_logs", "set_no"): _number(1, 100, whole=True) | None,
    ("feed_tokens", "token_hash"): Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{64}$")],
    ("care_logs", "injury"): Injury,
    ("care_logs", "stage"): _number(1, 10, whole=True),
    ("care_logs", "pain"): _limit("pain", whole=True),
    ("care_logs", "morning_pain"): _limit("pain", whole=True) | None,
    ("calendar_sources", "content_hash"): Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{0,64}$")],
}


@cache
def _adapter(table: Table) -> TypeAdapter[list[BaseModel]]:
    """The row model of `table`, generated from its columns and narrowed by `_NARROWER`."""
    fields: dict[str, Any] = {}
    for column in table.columns:
        kind = _NARROWER.get((table.name, column.name)) or _column_type(table, column.name)
        if column.nullable and not column.primary_key:
            fields[column.name] = (kind | None, None)  # absent in an older backup: NULL
        elif column.default is not None and getattr(column.default, "is_scalar", False):
            fields[column.name] = (kind, getattr(column.default, "arg", None))
        else:
            fields[column.name] = (kind, ...)
    model: type[BaseModel] = create_model(
        f"Backup_{table.name}", __config__=ConfigDict(extra="forbid"), **fields
    )
    adapter: TypeAdapter[list[BaseModel]] = TypeAdapter(list[model])  # type: ignore[valid-type]
    return adapter


def _first(error: ValidationError, table: str) -> StoreError:
    """A pydantic error as one line: table, row (counted from 1), field, problem."""
    detail = error.errors(include_url=False)[0]
    where = list(detail["loc"])
    row = f"row {int(where.pop(0)) + 1} of " if where and isinstance(where[0], int) else ""
    field = ".".join(str(part) for part in where if not str(part).startswith("function-"))
    problem = str(detail["msg"]).removeprefix("Value error, ")
    if detail["type"] == "extra_forbidden":
        problem = "is not a column of this table: the row does not fit the table"
    elif detail["type"] == "missing":
        problem = "is missing: the row does not fit the table"
    return StoreError(f"backup {row}{table!r}: {field or 'row'}: {problem}")


def validate_backup(tables: dict[str, Any], known: list[Table]) -> Rows:
    """Every row of every table checked and decoded, or one StoreError; nothing written."""
    decoded: Rows = {}
    for table in known:
        rows = tables.get(table.name, [])
        if not isinstance(rows, list):
            raise StoreError(f"backup table {table.name!r} is not a list of rows")
        for number, row in enumerate(rows, start=1):
            if not isinstance(row, dict):
                raise StoreError(
                    f"backup row {number} of {table.name!r} is no object: it does not fit the table"
                )
        try:
            models = _adapter(table).validate_python(rows)
        except ValidationError as error:
            raise _first(error, table.name) from None
        decoded[table.name] = [m.model_dump(exclude_unset=False) for m in models]
        _profiles_json(table.name, rows)
    _keys(decoded, known)
    _documents(decoded)
    return decoded


def _profiles_json(name: str, rows: list[dict[str, Any]]) -> None:
    """The profile's JSON columns the mapping reads (races, windows, weights)."""
    if name != "profiles":
        return
    from legday.store.mapping import races_from_json, weights_from_json, windows_from_json

    for number, row in enumerate(rows, start=1):
        try:
            windows_from_json(row.get("windows"))
            weights_from_json(row.get("weights"))
            races, _ = races_from_json(row.get("races", []))
        except StoreError as error:
            raise StoreError(f"backup row {number} of 'profiles': {error}") from None
        for day in races:
            if not EARLIEST <= day <= LATEST:
                raise StoreError(f"backup row {number} of 'profiles': races: {day} is out of range")


def _keys(decoded: Rows, known: list[Table]) -> None:
    """Ids unique within a table, and every reference pointing at a row of the backup."""
    ids: dict[str, set[Any]] = {}
    for table in known:
        (key,) = [c.name for c in table.primary_key.columns]
        seen: set[Any] = set()
        for number, row in enumerate(decoded[table.name], start=1):
            if row[key] in seen:
                raise StoreError(f"backup row {number} of {table.name!r}: {key} {row[key]} twice")
            seen.add(row[key])
        ids[table.name] = seen
    for table in known:
        for fk in table.foreign_keys:
            target = fk.column.table.name
            column = fk.parent.name
            for number, row in enumerate(decoded[table.name], start=1):
                value = row.get(column)
                if value is not None and value not in ids.get(target, set()):
                    raise StoreError(
                        f"backup row {number} of {table.name!r}: {column} {value} is not"
                        f" a row of {target!r}"
                    )


def _documents(decoded: Rows) -> None:
    """Stored plans and sessions read back through the codec, checked as a file would be."""
    from legday.exports.plan_json import SCHEMA_ID, check_part, plan_from_json
    from legday.store.mapping import plan_from_document

    for number, row in enumerate(decoded["plan_versions"], start=1):
        where = f"backup row {number} of 'plan_versions': document"
        doc = row["document"]
        try:
            if doc.get("schema") == SCHEMA_ID:
                plan_from_json(doc, where)
            else:  # stored before the one codec: its own shape, read as the logbook would
                plan_from_document(row["start"], row["end"], doc, ())
        except PlanFileError as error:
            raise StoreError(str(error)) from None
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise StoreError(f"{where}: not a plan the logbook wrote ({error!r})") from None
    for number, row in enumerate(decoded["planned_sessions"], start=1):
        where = f"backup row {number} of 'planned_sessions': body"
        try:
            check_part("session", {"minutes": row["minutes"], **row["body"]}, where)
        except PlanFileError as error:
            raise StoreError(str(error)) from None
