"""Refusals of the case workflow. Messages are Indonesian because they are shown to the officer as-is."""

from __future__ import annotations


class WorkflowError(Exception):
    """Base class: the step was refused and the case is unchanged."""


class UnknownAction(WorkflowError):
    pass


class RoleNotAllowed(WorkflowError):
    """The actor's role does not own this step (e.g. BKN trying to impose a sanction)."""


class ActionNotAllowed(WorkflowError):
    """The step does not leave the case's current state."""


class AlreadyDone(ActionNotAllowed):
    """A once-only step (asking the reporter for more) was already taken."""


class DeadlineNotPassed(ActionNotAllowed):
    """A step that answers a missed deadline was tried before the deadline passed."""


class MissingRequirement(WorkflowError):
    """A reason or a payload field the law or the next office needs is missing or malformed."""


class ConcurrentChange(WorkflowError):
    """Another officer changed the case since this one loaded it; the storage layer uses it for optimistic locking."""

    def __init__(self, current: int, expected: int):
        self.current, self.expected = current, expected
        super().__init__(
            f"Perkara sudah diubah oleh petugas lain (versi sekarang {current}, Anda membuka versi {expected}). "
            "Muat ulang perkara, periksa perubahannya, lalu ulangi tindakan Anda."
        )


class MergeRefused(WorkflowError):
    """Two cases may not be linked into one."""


class NotInRulebook(WorkflowError):
    """The rulebook does not allow this: a rule that does not bind the person or the election, or a sanction the
    rule does not carry. A legal act Netra must refuse rather than record."""


class IncompleteCase(MissingRequirement):
    """The case lacks facts a recommendation or a letter must state (who the reported person is)."""

    def __init__(self, message: str, missing: tuple[str, ...]):
        self.missing = missing
        super().__init__(message)
