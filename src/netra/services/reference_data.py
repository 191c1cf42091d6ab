"""The rulebook, election calendars, legal clocks and civil-servant table in force: the packaged data plus what
administrators recorded.

Administrators correct disputed values (e.g. a sanction level, or a deadline, the sources disagree on) and add
elections without editing code; each change is validated, stored with who, when and why, written to the audit
trail, and applied on top of the packaged data everywhere the service layer hands out a rulebook, a calendar or
deadline rules.
"""

from __future__ import annotations

import json
import logging
import threading
from datetime import date, datetime, timezone
from functools import cache
from typing import Any

import yaml
from sqlalchemy import func, select

from netra.accounts.model import Account
from netra.accounts.policy import Capability, may, may_change_national_reference
from netra.cases import DeadlineDataError, DeadlineRules, default_rules, parse_rules
from netra.cases.deadlines import DATA_FILE as DEADLINES_FILE
from netra.elections import ElectionDataError, Elections, election_from_dict, load_elections
from netra.elections.calendar import Calendar
from netra.guidance import GuidanceEngine
from netra.rulebook import Override, Rulebook, RulebookError, load_rulebook
from netra.storage import audit_log
from netra.storage.database import Database
from netra.regions import TimeZone, load_reference_regions
from netra.regions.workforce import Workforce, WorkforceError, load_workforce, parse_workforce
from netra.storage.tables import AddedElectionRow, DeadlineVersionRow, RuleOverrideRow, WorkforceTableRow

log = logging.getLogger(__name__)
_lock = threading.Lock()
_cache: dict[tuple, Any] = {}  # by database and version
_built: dict[tuple, Any] = {}  # by content


class ReferenceDataError(ValueError):
    """A refused change; the message names what is wrong."""


NATIONAL_ZONE = TimeZone.WIB.zoneinfo  # a national correction takes effect on a WIB day, one day for the country


def national_today(now: datetime | None = None) -> date:
    return (now or datetime.now(timezone.utc)).astimezone(NATIONAL_ZONE).date()


def _version(session, today: date) -> tuple:
    """Changes only when an override or an election is added, or a day passes (an approved change may take effect
    on a later day): a cheap key for the caches below."""
    return (session.scalar(select(func.max(RuleOverrideRow.id))) or 0,
            session.scalar(select(func.max(AddedElectionRow.id))) or 0, today)


def _in_force(row_type, today: date):
    """Rows in force on `today`, in the order they took effect: the rulebook version is 1 + how many of these
    corrections there are, and version N is the packaged rulebook with the first N - 1 of them. A change is
    approved for today or later, so it always sorts after every correction already in force: versions never
    renumber."""
    return (select(row_type).where((row_type.effective_from.is_(None)) | (row_type.effective_from <= today))
            .order_by(func.coalesce(row_type.effective_from, date(1970, 1, 1)), row_type.id))


def _overrides(rows) -> list[Override]:
    return [Override(r.rule_id, r.field, r.value["value"], r.by_user, r.at, r.reason) for r in rows]


def _build(db: Database) -> tuple[Rulebook, Elections, tuple]:
    with db.transaction() as session:
        return _build_in(session)


def _build_in(session) -> tuple[Rulebook, Elections, tuple]:
    """The rulebook and elections in force, and a key naming what they were built from: the corrections and added
    elections themselves, not which database holds them, so the guidance engine built on that key serves every
    database holding the same reference data (a test session opens hundreds of them; production opens one)."""
    today = national_today()
    version = (id(session.get_bind()), *_version(session, today))
    with _lock:
        if version in _cache:
            return _cache[version]
    overrides = _overrides(session.scalars(_in_force(RuleOverrideRow, today)))
    added = [r.data for r in session.scalars(_in_force(AddedElectionRow, today))]
    key = (repr(overrides), repr(added), today)
    with _lock:
        built = _built.get(key)
    if built is None:
        rulebook = load_rulebook().with_overrides(overrides) if overrides else load_rulebook()
        elections = load_elections()
        for data in added:
            elections = elections.with_election(data)
        built = (rulebook, elections, key)
    with _lock:
        _cache.clear()  # only the newest version is ever needed
        _cache[version] = built
        _built.clear()
        _built[key] = built
    return built


def rulebook_version_in(session, today: date | None = None) -> int:
    """The rulebook version in force: 1 for the packaged rules, + 1 for each approved correction in force."""
    today = today or national_today()
    return 1 + session.scalar(select(func.count()).select_from(_in_force(RuleOverrideRow, today).subquery()))


def rulebook_version(db: Database) -> int:
    with db.transaction() as session:
        return rulebook_version_in(session)


def rulebook_at(db: Database, version: int | None) -> Rulebook:
    """The rulebook as it was at `version` (the one in force when None or unknown): what a case decided under
    that version cites, however it was corrected since."""
    if not version:
        return rulebook(db)
    with db.transaction() as session:
        rows = list(session.scalars(_in_force(RuleOverrideRow, national_today())))
    if version < 1 or version > len(rows) + 1:
        return rulebook(db)
    overrides = _overrides(rows[:version - 1])
    return load_rulebook().with_overrides(overrides) if overrides else load_rulebook()


def elections_in(session) -> Elections:
    """The calendars in force, read within an open transaction."""
    return _build_in(session)[1]


def calendar_in(session) -> Calendar:
    """The calendar in force (which election, stage and period applies), within an open transaction."""
    return Calendar(elections_in(session))


def calendar(db: Database) -> Calendar:
    return Calendar(elections(db))


_deadlines: dict[tuple, DeadlineRules] = {}


def _deadline_row(session) -> DeadlineVersionRow | None:
    return session.scalars(select(DeadlineVersionRow).order_by(DeadlineVersionRow.id.desc()).limit(1)).first()


def deadlines_in(session) -> DeadlineRules:
    """The legal clocks in force, within an open transaction: the latest administrator's version, else the packaged
    deadlines.yaml. Every clock Netra computes (workflow, case pages, worklists, statistics, the reporting limit)
    comes from here."""
    key = (id(session.get_bind()), session.scalar(select(func.max(DeadlineVersionRow.id))) or 0)
    with _lock:
        if key in _deadlines:
            return _deadlines[key]
    row = _deadline_row(session)
    rules = parse_rules(row.data, f"koreksi administrator #{row.id}") if row else default_rules()
    with _lock:
        _deadlines.clear()
        _deadlines[key] = rules
    return rules


def deadlines(db: Database) -> DeadlineRules:
    with db.transaction() as session:
        return deadlines_in(session)


def deadlines_document(db: Database) -> tuple[str, dict | None]:
    """The rules in force as YAML for editing (the packaged file, comments and all, until the first correction),
    and who changed them last ({"by", "at", "reason"} or None)."""
    with db.transaction() as session:
        row = _deadline_row(session)
        if row is None:
            return DEADLINES_FILE.read_text(encoding="utf-8"), None
        return (yaml.safe_dump(row.data, allow_unicode=True, sort_keys=False, width=110),
                {"by": row.by_user, "at": row.at, "reason": row.reason})


def _flat(data: Any, prefix: str = "") -> dict[str, Any]:
    """Dotted paths to values; clocks are keyed by their id, so a diff names "pilkada.clocks.ppk_followup.days"."""
    if isinstance(data, dict):
        return {k: v for key, value in data.items() for k, v in _flat(value, f"{prefix}{key}.").items()}
    if isinstance(data, list) and data and all(isinstance(v, dict) and "id" in v for v in data):
        return {k: v for item in data
                for k, v in _flat({x: y for x, y in item.items() if x != "id"}, f"{prefix}{item['id']}.").items()}
    return {prefix.rstrip("."): data}


def set_deadlines(db: Database, account: Account, text: str, reason: str, now: datetime | None = None) -> DeadlineRules:
    """Put corrected legal clocks in force (YAML as deadlines.yaml). Refused, storing nothing, when the YAML or the
    rules are invalid or nothing changes; the audit entry lists every changed value, from and to."""
    _require_national(account)
    now = now or datetime.now(timezone.utc)
    if not reason.strip():
        raise ReferenceDataError("Tuliskan alasan dan sumber perubahan.")
    try:
        data = json.loads(json.dumps(yaml.safe_load(text), default=str))  # dates as ISO text, anchors expanded
    except yaml.YAMLError as exc:
        raise ReferenceDataError(f"Tenggat waktu bukan YAML yang sah: {exc}") from exc
    try:
        rules = parse_rules(data, "<administrator>")
    except DeadlineDataError as exc:
        raise ReferenceDataError(str(exc)) from exc
    with db.transaction() as session:
        row = _deadline_row(session)
        current = row.data if row else json.loads(json.dumps(yaml.safe_load(DEADLINES_FILE.read_text("utf-8")),
                                                             default=str))
        before, after = _flat(current), _flat(data)
        changes = [{"path": p, "from": before.get(p), "to": after.get(p)} for p in sorted(set(before) | set(after))
                   if before.get(p) != after.get(p)]
        if not changes:
            raise ReferenceDataError("Tidak ada nilai yang berubah dari tenggat waktu yang berlaku.")
        session.add(DeadlineVersionRow(data=data, by_user=account.username, at=now, reason=reason.strip()))
        audit_log.append(session, f"user:{account.id}", "change", "deadlines", at=now,
                         detail={"changes": changes[:100], "reason": reason.strip()})
    return rules


def rulebook(db: Database) -> Rulebook:
    return _build(db)[0]


def elections(db: Database) -> Elections:
    return _build(db)[1]


_engines: dict[tuple, GuidanceEngine] = {}


def guidance_engine(db: Database) -> GuidanceEngine:
    book, cal, key = _build(db)
    with _lock:
        if key not in _engines:
            _engines.clear()
            _engines[key] = GuidanceEngine(book, cal)
        return _engines[key]


_engine_builds: list[threading.Thread] = []


def prepare_guidance_engine(db: Database) -> None:
    """Start building the engine in the background unless it is being built. The "Bolehkah?" form calls this: the
    person types the question meanwhile, and does not wait for scikit-learn's import and the rulebook index (5-18 s
    on a 2-core machine) after pressing "Tanya". The thread asks `guidance_engine`, which returns at once when the
    engine of the reference data in force is built and rebuilds it after a correction or an added election."""
    with _lock:
        if any(t.is_alive() for t in _engine_builds):
            return
        thread = threading.Thread(target=_warm_guidance_engine, args=(db,), name="netra-guidance-engine", daemon=True)
        _engine_builds[:] = [thread]
    thread.start()


def _warm_guidance_engine(db: Database) -> None:
    try:
        guidance_engine(db)
    except Exception:  # the question builds it again and reports any error itself (e.g. the database went away)
        log.exception("guidance engine warm-up failed")


_screeners: dict[tuple, Any] = {}


def screener(db: Database):
    """The screener built from the reference data in force: the rulebook with administrators' corrections, the
    calendars with the elections they added (election stages and the rules of each period) and the candidate
    pairs imported from KPU's lists (the packaged demo registry while none are). Built once per version of that
    data and rebuilt when it changes; every caller (queue import, screening API, CLI) takes it from here."""
    from netra.screening import CandidateRegistry, Screener
    from netra.screening.stages import StageResolver
    from netra.services import candidates

    with db.transaction() as session:
        book, cal, key = _build_in(session)
        stored = candidates.stored_version(session)
        # the packaged demo pairs while none are imported: the same for every database
        full = (key, stored, id(session.get_bind()) if stored[0] else None)
        with _lock:
            if full in _screeners:
                return _screeners[full]
        registry = candidates.registry_in(session)
    built = Screener(rulebook=book, registry=registry or CandidateRegistry.demo(), stages=StageResolver(cal))
    with _lock:
        _screeners.clear()
        _screeners[full] = built
    return built


def _require_admin(account: Account) -> None:
    """Reference data of a region (KPU's candidate lists): administrators."""
    if not may(account.role, Capability.ADMINISTER):
        raise ReferenceDataError("Hanya administrator yang dapat mengubah aturan atau kalender pemilihan.")


def _require_national(account: Account) -> None:
    """Deadlines and the civil-servant table hold for the whole country: national administrators only."""
    if not may_change_national_reference(account):
        raise ReferenceDataError("Hanya administrator nasional yang dapat mengubah data acuan nasional; "
                                 "administrator daerah tidak.")


def checked_override(db: Database, rule_id: str, field: str, value: Any, by: str, reason: str,
                     now: datetime) -> Any:
    """The value `field` of `rule_id` has in force, after checking that the correction applies cleanly; refused
    (ReferenceDataError) when the rule, the field or the value is invalid. Stores nothing: corrections are put
    in force by approval (services/reference_changes)."""
    current = rulebook(db)
    try:
        current.with_overrides(Override(rule_id, field, value, by, now, reason))
    except RulebookError as exc:
        raise ReferenceDataError(str(exc)) from exc
    return current[rule_id].value_at(field)


def checked_election(db: Database, data: dict) -> str:
    """The id of a valid new election (ReferenceDataError otherwise). Stores nothing."""
    current = elections(db)
    try:
        election = election_from_dict(data, source="<administrator>")
        if current.get(election.id) is not None:
            raise ReferenceDataError(f"Pemilihan '{election.id}' sudah ada.")
        current.with_election(data)
    except ElectionDataError as exc:
        raise ReferenceDataError(str(exc)) from exc
    return election.id


# ------------------------------------------------------------------------------------------------ workforce


@cache
def _region_codes() -> set[str]:
    return {r.code for r in load_reference_regions()}


def workforce(db: Database) -> Workforce:
    """The civil-servant counts in force: the latest table an administrator installed, else the packaged one."""
    with db.transaction() as session:
        return workforce_in(session)


def workforce_in(session) -> Workforce:
    """The same, read within an open transaction."""
    data = session.scalars(select(WorkforceTableRow.data).order_by(WorkforceTableRow.id.desc()).limit(1)).first()
    if data:
        return parse_workforce(json.dumps(data), _region_codes(), "installed workforce table")
    return _packaged_workforce()


@cache
def _packaged_workforce() -> Workforce:
    return load_workforce(None, _region_codes())


def install_workforce(db: Database, account: Account, text: str, reason: str, now: datetime | None = None) -> Workforce:
    """Put a civil-servant table in force (YAML as data/workforce.yaml). Refused, storing nothing, when invalid."""
    _require_national(account)
    now = now or datetime.now(timezone.utc)
    if not reason.strip():
        raise ReferenceDataError("Tuliskan alasan dan sumber perubahan.")
    try:
        table = parse_workforce(text, _region_codes())
    except WorkforceError as exc:
        raise ReferenceDataError(str(exc)) from exc
    data = {"label": {"id": table.label_id, "en": table.label_en}, "as_of": table.as_of, "source": table.source,
            "caveats": [{"id": i, "en": e} for i, e in table.caveats], "counts": table.counts}
    with db.transaction() as session:
        session.add(WorkforceTableRow(data=data, by_user=account.username, at=now, reason=reason.strip()))
        audit_log.append(session, f"user:{account.id}", "change", "workforce", at=now,
                         detail={"label": table.label_en, "as_of": table.as_of, "regions": len(table.counts),
                                 "reason": reason.strip()})
    return table
