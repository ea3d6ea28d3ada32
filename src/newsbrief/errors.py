"""Library errors.  The CLI maps them to exit codes; the library never prints or exits.

>>> issubclass(UsageError, NewsbriefError)
True
"""

from __future__ import annotations


class NewsbriefError(Exception):
    """Base class of every error newsbrief raises on purpose."""

    exit_code = 1


class UsageError(NewsbriefError):
    """The caller asked for something invalid (bad option value, missing input): exit status 2."""

    exit_code = 2


class InputError(NewsbriefError):
    """One input could not be read; the message names the source and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(NewsbriefError):
    """The embedded store is unusable (wrong schema version, not a newsbrief database)."""


class NotFoundError(NewsbriefError):
    """A story or article id that is not in the store."""
