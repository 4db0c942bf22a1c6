"""`inputs_digest`: the sha256 of the inputs' canonical form, the catalog's and the batch parts' digests standing
in for them.
"""

from __future__ import annotations

from dataclasses import fields

from playlists.engine.canonical import _canonical_field, _sha256
from playlists.engine.inputs import EngineInput
from playlists.engine.shared import SHARED_KEPT, SHARED_PARTS, _shared_for


# The fields of the inputs the digest reads one by one (the catalog's stand in its own digest), in name order.
_DIGESTED_FIELDS = tuple(sorted(spec.name for spec in fields(EngineInput) if spec.name not in SHARED_PARTS))


def inputs_digest(inputs: EngineInput) -> str:
    """The sha256 of the inputs' canonical form: equal inputs, listed in any order, give the same digest.

    The catalog's part is hashed once per catalog (see `_shared_for`) and stands in for it.
    """
    learner_part = tuple(
        (
            name,
            _batch_digest(name, getattr(inputs, name))
            if name in BATCH_PARTS
            else _canonical_field(name, getattr(inputs, name)),
        )
        for name in _DIGESTED_FIELDS
    )
    return _sha256((_shared_for(inputs).digest, learner_part))


# Parts a caller passes as one object to many learners (the school's rates to a grade, the checkable targets to
# everyone): each object is hashed once, and its digest stands in for it.
BATCH_PARTS = ("school_rates", "checkable")
_BATCH_DIGESTS: list[tuple[object, str]] = []


def _batch_digest(name: str, value) -> str:
    for known, digest in _BATCH_DIGESTS:
        if known is value:
            return digest
    digest = _sha256((name, _canonical_field(name, value)))
    _BATCH_DIGESTS.insert(0, (value, digest))
    del _BATCH_DIGESTS[SHARED_KEPT * 4 :]
    return digest
