"""Election calendars: which stage an election is in on a given day, and where it applies.

Dates are local calendar dates (the region's WIB/WITA/WIT day), end dates inclusive, exactly as the KPU decrees
state them; converting an instant to a local date is the caller's job. Stages may nest (voting day lies inside
counting and recapitulation), so a day's stage is the most specific one containing it. A day outside every
stage gets an explicit off-schedule stage (``scheduled=False``) rather than None, so callers cannot forget it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple

from netra.rulebook.model import LocalizedText


class ElectionDataError(ValueError):
    """Invalid calendar data; ``file``, ``line`` and ``field`` say where (when known)."""

    def __init__(self, problem: str, *, file: str | None = None, line: int | None = None, field: str | None = None):
        self.problem = problem
        self.file = file
        self.line = line
        self.field = field
        where = [str(file)] if file is not None else []
        if line is not None:
            where.append(f"line {line}")
        if field is not None:
            where.append(f"field '{field}'")
        super().__init__(f"{', '.join(where)}: {problem}" if where else problem)


class ElectionKind(StrEnum):
    PILKADA = "pilkada"  # regional head elections (UU 10/2016)
    PEMILU = "pemilu"  # general election: president, DPR, DPD, DPRD (UU 7/2017)


# Stage ids with a meaning the code relies on. Other ids are allowed and simply looked up by date.
REGISTRATION = "registration"
PRESIDENTIAL_NOMINATION = "presidential_nomination"
CANDIDATES_SET = "candidates_set"
BALLOT_NUMBER_DRAW = "ballot_number_draw"
CAMPAIGN = "campaign"
QUIET_PERIOD = "quiet_period"
VOTING = "voting"
COUNTING_RECAPITULATION = "counting_recapitulation"
RECAPITULATION = "recapitulation"

# Off-schedule answers from ``Election.stage_on``.
BEFORE_SCHEDULE = "before_schedule"
BETWEEN_STAGES = "between_stages"
AFTER_SCHEDULE = "after_schedule"

_OFF_NAMES = {
    BEFORE_SCHEDULE: LocalizedText(
        id="Sebelum jadwal (pra-pendaftaran)", en="Before the schedule (pre-registration)"
    ),
    BETWEEN_STAGES: LocalizedText(id="Di antara tahapan", en="Between stages"),
    AFTER_SCHEDULE: LocalizedText(id="Setelah jadwal berakhir", en="After the schedule"),
}


@dataclass(frozen=True)
class Stage:
    id: str
    name: LocalizedText
    start: date
    end: date  # inclusive
    scheduled: bool = True  # False for the synthetic before/between/after answers
    note: LocalizedText | None = None
    verified: bool = True  # False: date not confirmed by the brief's sources; see note

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def day_number(self, day: date) -> int:
        """1 for the first day of the stage (e.g. "campaign day 1")."""
        if not self.contains(day):
            raise ValueError(f"{day} is not in stage {self.id} ({self.start} to {self.end})")
        return (day - self.start).days + 1


@dataclass(frozen=True)
class RegionExclusion:
    code: str  # Kemendagri code: "34" province, "31.71" regency/city
    reason: LocalizedText


@dataclass(frozen=True)
class RegionScope:
    """Which regions hold their own contest in this election.

    ``regions`` is "all" or a tuple of codes; ``exclude`` lists regions that hold no contest of their own. An
    exclusion is exact, not hierarchical: excluding province "34" (no governor election in DI Yogyakarta) does
    not exclude its regencies, which elect their own regents and mayors.
    """

    regions: str | tuple[str, ...] = "all"
    exclude: tuple[RegionExclusion, ...] = ()

    def holds_contest(self, code: str) -> bool:
        if any(x.code == code for x in self.exclude):
            return False
        return self.regions == "all" or code in self.regions


@dataclass(frozen=True, repr=False)
class Election:
    id: str
    name: LocalizedText
    kind: ElectionKind
    stages: tuple[Stage, ...]  # sorted by start, then longest first
    scope: RegionScope = RegionScope()
    legal_basis: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    facts: Mapping[str, int | str] = field(default_factory=lambda: MappingProxyType({}), compare=False)

    def __repr__(self) -> str:
        return f"Election(id={self.id!r}, kind={self.kind.value!r}, {self.first_day}..{self.last_day})"

    # --- schedule -------------------------------------------------------------------------------------------
    @property
    def first_day(self) -> date:
        return min(s.start for s in self.stages)

    @property
    def last_day(self) -> date:
        return max(s.end for s in self.stages)

    def stage(self, stage_id: str) -> Stage:
        for s in self.stages:
            if s.id == stage_id:
                return s
        raise KeyError(f"election {self.id} has no stage {stage_id!r}")

    def has_stage(self, stage_id: str) -> bool:
        return any(s.id == stage_id for s in self.stages)

    def stages_at(self, day: date) -> tuple[Stage, ...]:
        """Every scheduled stage containing `day`, most specific (shortest) first."""
        hits = [s for s in self.stages if s.contains(day)]
        return tuple(sorted(hits, key=lambda s: (s.days, -s.start.toordinal())))

    def stage_on(self, day: date) -> Stage:
        """The most specific stage containing `day`, or an off-schedule stage (``scheduled=False``).

        Off-schedule ids: ``before_schedule`` (before the first stage, e.g. before registration),
        ``between_stages`` (a gap the calendar does not name), ``after_schedule``.
        """
        hits = self.stages_at(day)
        if hits:
            return hits[0]
        if day < self.first_day:
            return Stage(BEFORE_SCHEDULE, _OFF_NAMES[BEFORE_SCHEDULE], date.min, self.first_day - timedelta(days=1),
                         scheduled=False)
        if day > self.last_day:
            return Stage(AFTER_SCHEDULE, _OFF_NAMES[AFTER_SCHEDULE], self.last_day + timedelta(days=1), date.max,
                         scheduled=False)
        prev_end = max(s.end for s in self.stages if s.end < day)
        next_start = min(s.start for s in self.stages if s.start > day)
        return Stage(BETWEEN_STAGES, _OFF_NAMES[BETWEEN_STAGES], prev_end + timedelta(days=1),
                     next_start - timedelta(days=1), scheduled=False)

    def is_running(self, day: date) -> bool:
        """True from the first day of the first stage to the last day of the last stage."""
        return self.first_day <= day <= self.last_day

    # --- facts the rulebook needs ---------------------------------------------------------------------------
    @property
    def candidates_set_on(self) -> date:
        return self.stage(CANDIDATES_SET).start

    def candidates_set(self, day: date) -> bool:
        """True on and after the candidates-set day: from then on conduct concerns *calon*, not *bakal calon*,
        which moves many acts from the SKB ethics rules to the disciplinary rules."""
        return day >= self.candidates_set_on

    def in_campaign(self, day: date) -> bool:
        return self.has_stage(CAMPAIGN) and self.stage(CAMPAIGN).contains(day)

    # --- regions --------------------------------------------------------------------------------------------
    def holds_contest_in(self, region_code: str) -> bool:
        """Whether `region_code` itself elects someone in this election (e.g. "34": False for Pilkada 2024)."""
        return self.scope.holds_contest(region_code)

    def applies_to_region(self, region_code: str) -> bool:
        """Whether people in `region_code` are in this election: the region or a parent holds a contest.

        Jakarta Pusat ("31.71") elects no mayor but votes for DKI's governor, so Pilkada 2024 applies there.
        """
        parts = region_code.split(".")
        return any(self.holds_contest_in(".".join(parts[:i])) for i in range(len(parts), 0, -1))


class ActiveStage(NamedTuple):
    election: Election
    stage: Stage


@dataclass(frozen=True)
class Elections:
    """All known elections, ordered by first day."""

    elections: tuple[Election, ...]

    def __iter__(self) -> Iterator[Election]:
        return iter(self.elections)

    def __len__(self) -> int:
        return len(self.elections)

    def __contains__(self, election_id: object) -> bool:
        return any(e.id == election_id for e in self.elections)

    def __getitem__(self, election_id: str) -> Election:
        for e in self.elections:
            if e.id == election_id:
                return e
        raise KeyError(f"no election with id {election_id!r}")

    def get(self, election_id: str) -> Election | None:
        return next((e for e in self.elections if e.id == election_id), None)

    def stages_on(
        self, day: date, region_code: str | None = None, *, include_off_schedule: bool = False
    ) -> tuple[ActiveStage, ...]:
        """The stage of every election applying on `day` (and to `region_code`, if given).

        An election applies while it is running (first to last stage day; gaps give ``between_stages``). With
        ``include_off_schedule`` elections before or after their schedule are listed too.
        """
        out = []
        for e in self.elections:
            if region_code is not None and not e.applies_to_region(region_code):
                continue
            if not include_off_schedule and not e.is_running(day):
                continue
            out.append(ActiveStage(e, e.stage_on(day)))
        return tuple(out)

    def candidates_set(self, day: date, election_id: str) -> bool:
        return self[election_id].candidates_set(day)

    def with_election(self, election: Election | Mapping) -> Elections:
        """A new collection with `election` added (a dict is validated first); duplicate ids are rejected."""
        from netra.elections.loader import election_from_dict

        new = election if isinstance(election, Election) else election_from_dict(election)
        if new.id in self:
            raise ElectionDataError(f"an election with id {new.id!r} already exists", field="id")
        return Elections(tuple(sorted((*self.elections, new), key=lambda e: (e.first_day, e.id))))
