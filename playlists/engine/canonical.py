"""The canonical form of the engine's inputs (the same for equal inputs listed in any order) and its sha256:
what `inputs_digest` and the catalog's digest (`_Shared.digest`) hash.
"""

from __future__ import annotations

import hashlib
import operator
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from datetime import date
from decimal import Decimal

from playlists.engine.inputs import ORDERED_FIELDS, MasteryInfo


def _sha256(data) -> str:
    return hashlib.sha256(repr(data).encode()).hexdigest()


# Per dataclass type, its field names and a getter of their values (() for any other type).
_FIELD_NAMES: dict[type, tuple] = {}
_PLAIN = (str, int, bool, type(None))


def _canonical(value):
    """`value` as nested tuples of plain values, the same for equal inputs listed in any order: dataclasses as
    their fields in order, mappings sorted by key, unordered collections sorted, dates in ISO form, non-integers as
    decimal text. Its `repr` is what the digest hashes."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    convert = _CONVERT.get(kind)
    if convert is not None:
        return convert(value)
    known = _FIELD_NAMES.get(kind)
    if known is None:
        known = _dataclass_fields(kind)
    if known:
        return _canonical_dataclass(value, known)
    if type(value) is dict or isinstance(value, Mapping):
        return tuple(sorted((str(key), _canonical(item)) for key, item in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_canonical(item) for item in value)
    if isinstance(value, (set, frozenset)):
        return tuple(sorted((_canonical(item) for item in value), key=repr))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return _canonical_decimal(value)
    if isinstance(value, str):
        return str(value)  # a text choice is its text
    if isinstance(value, int):
        return int(value)
    raise TypeError(f"The engine's inputs hold no {kind.__name__}.")


def _dataclass_fields(kind: type) -> tuple:
    """The type's field names and a getter of their values, kept; () for a type that is not a dataclass (so the
    check runs once a type)."""
    names = tuple(spec.name for spec in fields(kind)) if is_dataclass(kind) else ()
    # (attrgetter of one name gives the value itself, not a tuple of it.)
    getter = operator.attrgetter(*names) if len(names) > 1 else lambda item: tuple(getattr(item, n) for n in names)
    found = _FIELD_NAMES[kind] = (names, getter) if names else ()
    return found


def _canonical_dataclass(value, known: tuple) -> tuple:
    names, values_of = known
    canonical = []
    for name, item in zip(names, values_of(value)):
        kind = type(item)
        if kind in _PLAIN or kind is tuple and not item:
            canonical.append(item)
        elif kind is float:
            canonical.append(_canonical_float(item))
        elif kind is date:
            canonical.append(item.isoformat())
        else:
            canonical.append(_canonical_field(name, item))
    return tuple(canonical)


def _canonical_float(value: float) -> str:
    # The same number as a Decimal would give (1.5 and Decimal("1.50") are the same time factor).
    return str(int(value)) if value.is_integer() else repr(value)


def _canonical_decimal(value: Decimal) -> str:
    return format(value.normalize(), "f")


# The canonical forms of the commonest exact types, looked up before the general checks (the digest of every
# build canonicalises a few hundred values).
_CONVERT = {
    float: _canonical_float,
    Decimal: _canonical_decimal,
    date: date.isoformat,
    tuple: lambda value: tuple(_canonical(item) for item in value),
    list: lambda value: tuple(_canonical(item) for item in value),
    dict: lambda value: tuple(sorted((str(key), _canonical(item)) for key, item in value.items())),
}


_MASTERY_VALUES = operator.attrgetter(*(spec.name for spec in fields(MasteryInfo)))


def _canonical_mastery(info: MasteryInfo) -> tuple:
    """A MasteryInfo's canonical form (a build has one for every target the learner met): its fields as
    `_canonical` gives them, worked out directly when they hold the types the platform passes."""
    level, p_mastery, model_prior, evidence_count, last_practised, recent_failures, failed = _MASTERY_VALUES(info)
    if not (
        type(level) is str
        and type(p_mastery) is float
        and type(model_prior) is float
        and type(evidence_count) is int
        and type(recent_failures) is int
        and failed == ()
        and type(failed) is tuple
        and (last_practised is None or type(last_practised) is date)
    ):
        return _canonical_dataclass(info, _FIELD_NAMES.get(MasteryInfo) or _dataclass_fields(MasteryInfo))
    return (
        level,
        _canonical_float(p_mastery),
        _canonical_float(model_prior),
        evidence_count,
        None if last_practised is None else last_practised.isoformat(),
        recent_failures,
        (),
    )


_CONVERT[MasteryInfo] = _canonical_mastery


def _canonical_field(name: str, value):
    canonical = _canonical(value)
    if type(value) in (list, tuple) and len(value) > 1 and name not in ORDERED_FIELDS:
        # An unordered collection: its members in the order of their texts.
        return tuple(sorted(canonical, key=repr))
    return canonical
