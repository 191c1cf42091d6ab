"""The case repository: the only code that writes a case, its reports, evidence rows, history and audit entry.

Every write happens inside a unit of work (one transaction, see netra.services.unit_of_work) and records, in that
same transaction, the audit entry and the domain events (netra.cases.events) in the outbox, and hands the events to
its listener (notifications, written in the same transaction). So statistics and notifications hear of every
committed change, and of nothing that was rolled back. The domain decides
(netra.cases: open_case, apply, merge); this module only stores what it decided, with an optimistic lock on the
case's version. Reads that rebuild a case's state for the domain are here too, batched for worklists.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from netra.accounts.model import Account
from netra.cases import (
    CaseEvent, CaseState, ConcurrentChange, DeadlineRules, EventKind, ReportedPerson, TransitionRecord,
)
from netra.elections.calendar import Calendar
from netra.intake.evidence import CheckedEvidence
from netra.intake.tracking import new_tracking_code, token_digest
from netra.regions.model import TimeZone
from netra.storage import audit_log, outbox
from netra.storage.scope import within
from netra.storage.tables import CaseCommentRow, CaseEventRow, CaseRow, EvidenceRow, RegionRow, ReportRow

PUBLIC = "pelapor"  # who a public reporter is in the history, on evidence rows and in the audit trail
SYSTEM = "system"


def aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)  # SQLite drops the zone; we store UTC


def who(account: Account | None) -> str:
    """The audit trail's name for an actor: the account, or the public reporter."""
    return f"user:{account.id}" if account is not None else PUBLIC


@dataclass(frozen=True)
class NewCase:
    """What a case row holds besides its workflow state."""

    origin: str
    region_code: str
    election_id: str
    reported_name: str = ""
    reported_nip: str = ""
    reported_position: str = ""
    reported_agency: str = ""
    reported_status: str = ""
    event_date: date | None = None
    family: str | None = None
    channel: str | None = None


@dataclass(frozen=True)
class LoadedCase:
    """A case with its whole history, for bulk loading (the demo data)."""

    case_id: int
    case: NewCase
    state: CaseState  # where the history leads
    history: Sequence[TransitionRecord]
    report: dict[str, Any] | None = None  # ReportRow columns


# (session, actor, events, public reason, when): called in the transaction of the change, after its outbox rows.
Listener = Callable[[Session, "Account | None", Sequence[CaseEvent], str, datetime], None]


class CaseRepository:
    def __init__(self, session: Session, calendar: Calendar, deadlines: DeadlineRules,
                 listener: Listener | None = None):
        self.session = session
        self.calendar = calendar
        self.deadlines = deadlines
        self.listener = listener  # hears each change's events in its transaction (notifications, issue 15)

    # ------------------------------------------------------------------------------------------------ reads

    def find(self, case_id: int, account: Account | None = None) -> CaseRow | None:
        """The case row; with an account, only when it lies in the account's scope (None either way otherwise)."""
        query = select(CaseRow).where(CaseRow.id == case_id)
        if account is not None:
            query = query.where(within(account, CaseRow.region_code))
        return self.session.scalar(query)

    def find_many(self, case_ids: Iterable[int], account: Account | None = None) -> dict[int, CaseRow]:
        query = select(CaseRow).where(CaseRow.id.in_(list(case_ids)))
        if account is not None:
            query = query.where(within(account, CaseRow.region_code))
        return {row.id: row for row in self.session.scalars(query)}

    def zone(self, region_code: str) -> TimeZone:
        return TimeZone(self.session.scalar(select(RegionRow.timezone).where(RegionRow.code == region_code)))

    def states(self, rows: Sequence[CaseRow]) -> dict[int, CaseState]:
        """Each case's state rebuilt from its history: two queries for any number of cases."""
        ids = [r.id for r in rows]
        history: dict[int, list] = defaultdict(list)
        for case_id, action, to_status, at in self.session.execute(
                select(CaseEventRow.case_id, CaseEventRow.action, CaseEventRow.to_status, CaseEventRow.at)
                .where(CaseEventRow.case_id.in_(ids)).order_by(CaseEventRow.case_id, CaseEventRow.at, CaseEventRow.id)):
            history[case_id].append((action, to_status, aware(at)))
        recommended: dict[int, tuple[str, ...]] = {}
        for case_id, payload in self.session.execute(
                select(CaseEventRow.case_id, CaseEventRow.payload).where(
                    CaseEventRow.case_id.in_(ids), CaseEventRow.action == "recommend")
                .order_by(CaseEventRow.case_id, CaseEventRow.at, CaseEventRow.id)):
            recommended[case_id] = tuple((payload or {}).get("rule_ids") or ())  # the last recommendation counts
        zones = dict(self.session.execute(select(RegionRow.code, RegionRow.timezone)
                                          .where(RegionRow.code.in_({r.region_code for r in rows}))).all())
        return {r.id: CaseState.from_events(
            history[r.id], id=r.id, version=r.version, election_kind=self.calendar.kind(r.election_id),
            tz_name=TimeZone(zones[r.region_code]).zoneinfo.key, origin=r.origin,
            subject=ReportedPerson(r.reported_nip, r.reported_name, r.reported_agency, r.reported_position,
                                   r.reported_status),
            event_date=r.event_date, recommended_rule_ids=recommended.get(r.id, ()))
            for r in rows}

    def state(self, row: CaseRow) -> CaseState:
        return self.states([row])[row.id]

    def report_by_token(self, submission_token: str) -> ReportRow | None:
        # Only the token's digest is stored (issue 14, finding 12).
        return self.session.scalar(select(ReportRow).where(ReportRow.submission_token == token_digest(submission_token)))

    def report_by_code(self, tracking_code: str) -> ReportRow | None:
        return self.session.scalar(select(ReportRow).where(ReportRow.tracking_code == tracking_code))

    def free_tracking_code(self) -> str:
        while True:
            code = new_tracking_code()
            if self.report_by_code(code) is None:
                return code

    # ------------------------------------------------------------------------------------------------ writes

    def open(self, new: NewCase, state: CaseState, record: TransitionRecord, *, actor: Account | None,
             public_reason: str = "", report: dict[str, Any] | None = None,
             evidence: Sequence[CheckedEvidence] = (), audit_detail: dict | None = None) -> CaseRow:
        """Store a case the domain opened (netra.cases.open_case), with its first history step, the report it
        came from (if any) and its evidence rows."""
        now = record.when
        row = CaseRow(**vars(new), status=state.state.value, version=state.version, created_at=now, updated_at=now)
        self.session.add(row)
        self.session.flush()
        report_id = None
        if report is not None:
            report_row = ReportRow(case_id=row.id, **report)
            self.session.add(report_row)
            self.session.flush()
            report_id = report_row.id
        self._evidence(row.id, report_id, evidence, actor, now)
        self._history(row.id, record, actor, public_reason)
        self._record(actor, "create", row, now, audit_detail or {}, [CaseEvent(
            EventKind.OPENED, row.id, row.region_code, {"origin": new.origin, "to": state.state.value})],
            public_reason)
        return row

    def step(self, row: CaseRow, state: CaseState, record: TransitionRecord, *, expected_version: int,
             actor: Account, public_reason: str = "", evidence: Sequence[CheckedEvidence] = (),
             family: str | None = None) -> int:
        """Store one workflow step the domain allowed (netra.cases.apply); returns the new version. Raises
        ConcurrentChange, storing nothing, when another officer changed the case since `expected_version`."""
        now = record.when
        values: dict[str, Any] = dict(status=state.state.value, version=state.version, updated_at=now)
        if family:
            values["family"] = family
        # The domain checked the version the officer saw; the guarded UPDATE makes that hold against a writer who
        # committed in between.
        if self.session.execute(update(CaseRow).where(CaseRow.id == row.id, CaseRow.version == expected_version)
                                .values(**values)).rowcount != 1:
            raise ConcurrentChange(current=self.session.scalar(select(CaseRow.version).where(CaseRow.id == row.id)),
                                   expected=expected_version)
        self._evidence(row.id, None, evidence, actor, now)
        self._history(row.id, record, actor, public_reason)
        self._record(actor, "transition", row, now, {
            "action": record.action, "from": record.from_state.value, "to": record.to_state.value,
            "documents": list(record.documents)}, [CaseEvent(EventKind.STEP, row.id, row.region_code, {
                "action": record.action, "from": record.from_state.value, "to": record.to_state.value,
                "role": record.role, "version": state.version})], public_reason)
        return state.version

    def amend(self, row: CaseRow, state: CaseState, record: TransitionRecord, values: dict[str, Any], *,
              expected_version: int, actor: Account) -> int:
        """Store a change of the case's facts the domain allowed (netra.cases.amend): the columns, the history entry
        with old -> new, its audit entry and a NOTED event, under the same optimistic lock as a step."""
        if self.session.execute(update(CaseRow).where(CaseRow.id == row.id, CaseRow.version == expected_version)
                                .values(**values, version=state.version, updated_at=record.when)).rowcount != 1:
            raise ConcurrentChange(current=self.session.scalar(select(CaseRow.version).where(CaseRow.id == row.id)),
                                   expected=expected_version)
        self._history(row.id, record, actor, "")
        self._record(actor, "change", row, record.when, {"action": record.action, "reason": record.reason,
                                                         "changes": dict(record.payload["changes"])},
                     [CaseEvent(EventKind.NOTED, row.id, row.region_code, {"action": record.action})])
        return state.version

    def link(self, kept: CaseRow, gone: CaseRow, survivor: CaseState, *, actor: Account, reason: str,
             public_reason: str, now: datetime) -> None:
        """Store a merge the domain allowed (netra.cases.merge): `gone` is absorbed into `kept`, its reports and
        evidence move over, both histories say so, both versions move on."""
        for row in (kept, gone):
            if self.session.execute(update(CaseRow).where(CaseRow.id == row.id, CaseRow.version == row.version)
                                    .values(version=row.version + 1, updated_at=now)).rowcount != 1:
                raise ConcurrentChange(current=None, expected=row.version)
        self.session.execute(update(CaseRow).where(CaseRow.id == gone.id).values(merged_into_id=kept.id))
        self.session.execute(update(CaseRow).where(CaseRow.id == kept.id).values(
            reported_nip=survivor.subject.nip, event_date=survivor.event_date))
        self.session.execute(update(ReportRow).where(ReportRow.case_id == gone.id).values(case_id=kept.id))
        self.session.execute(update(EvidenceRow).where(EvidenceRow.case_id == gone.id).values(case_id=kept.id))
        for target, other in ((kept, gone), (gone, kept)):
            self.session.add(CaseEventRow(
                case_id=target.id, action="link", from_status=target.status, to_status=target.status,
                actor_id=actor.id, actor_role=actor.role.value, at=now, reason=reason, public_reason=public_reason,
                payload={"linked_case": other.id, "survivor": kept.id}, documents=[]))
        self._record(actor, "change", kept, now, {"linked": gone.id, "reason": reason}, covers=[gone.id], events=[
            CaseEvent(EventKind.LINKED, kept.id, kept.region_code, {"survivor": kept.id, "absorbed": gone.id}),
            CaseEvent(EventKind.LINKED, gone.id, gone.region_code, {"survivor": kept.id, "absorbed": gone.id})],
            public_reason=public_reason)

    def supplement(self, report: ReportRow, filled: dict[str, Any], links: Sequence[str], declaration: bool,
                   evidence: Sequence[CheckedEvidence], now: datetime) -> None:
        """Store what a reporter added to their report; empty case fields about the reported person or the event
        are filled from it too."""
        for key, value in filled.items():
            setattr(report, key, value)
        report.links = list(links)
        report.declaration = declaration
        case = self.session.get(CaseRow, report.case_id)
        for key in ("reported_name", "reported_nip", "reported_position", "reported_agency", "event_date"):
            if key in filled and not getattr(case, key):
                setattr(case, key, filled[key])
        self._evidence(case.id, report.id, evidence, None, now)
        self._record(None, "change", case, now, {
            "report": report.tracking_code, "fields": sorted(filled), "links": len(links),
            "evidence": [e.sha256 for e in evidence], "declaration": declaration},
            [CaseEvent(EventKind.SUPPLEMENTED, case.id, case.region_code, {"fields": sorted(filled)})])

    def note(self, row: CaseRow, action: str, *, actor: Account, now: datetime, reason: str = "",
             payload: dict[str, Any] | None = None, documents: Sequence[str] = (),
             audit: dict[str, Any] | None = None) -> None:
        """Store a history entry that does not move the case (a register entry linked or unlinked, BKN's own
        follow-up): the history row, its audit entry and a NOTED event."""
        self._internal(row, action, actor, now, dict(payload or {}), reason,
                       [CaseEvent(EventKind.NOTED, row.id, row.region_code, {"action": action})],
                       documents=documents, audit=audit or {"action": action, "reason": reason})

    def assign(self, row: CaseRow, assignee: Account | None, *, actor: Account, now: datetime) -> None:
        """Store who handles the case now (None: nobody): the column, a history entry officers see, the audit
        entry and an ASSIGNED event for notifications."""
        assignee_id = assignee.id if assignee is not None else None
        self.session.execute(update(CaseRow).where(CaseRow.id == row.id).values(assignee_id=assignee_id))
        action = "assign" if assignee is not None else "unassign"
        payload = {"assignee_user_id": assignee_id, "by_user_id": actor.id}
        self._internal(row, action, actor, now, {"assignee_user_id": assignee_id}, "",
                       [CaseEvent(EventKind.ASSIGNED, row.id, row.region_code, payload)])

    def comment(self, row: CaseRow, body: str, *, actor: Account, now: datetime) -> int:
        """Store an internal comment: its row, a history entry officers see (the text stays in the comment row),
        the audit entry and a COMMENTED event that carries no text. Returns the comment's id."""
        comment = CaseCommentRow(case_id=row.id, author_id=actor.id, at=now, body=body)
        self.session.add(comment)
        self.session.flush()
        self._internal(row, "comment", actor, now, {"comment_id": comment.id}, "",
                       [CaseEvent(EventKind.COMMENTED, row.id, row.region_code,
                                  {"comment_id": comment.id, "author_user_id": actor.id})])
        return comment.id

    def _internal(self, row: CaseRow, action: str, actor: Account, now: datetime, payload: dict, reason: str,
                  events: list[CaseEvent], documents: Sequence[str] = (), audit: dict | None = None) -> None:
        """A history entry that does not move the case, with its audit entry and events."""
        self.session.add(CaseEventRow(
            case_id=row.id, action=action, from_status=row.status, to_status=row.status, actor_id=actor.id,
            actor_role=actor.role.value, at=now, reason=reason, public_reason="", payload=payload,
            documents=list(documents)))
        self._record(actor, "change", row, now, audit or {"action": action, **payload}, events)

    def load(self, cases: Sequence[LoadedCase], marker: str, detail: dict) -> int:
        """Bulk-store whole cases with their histories (the demo data), one audit entry for the lot."""
        rows, reports, events = [], [], []
        for c in cases:
            rows.append(dict(vars(c.case), id=c.case_id, status=c.state.state.value, version=c.state.version,
                             merged_into_id=None, created_at=c.history[0].when, updated_at=c.history[-1].when))
            if c.report is not None:
                reports.append(dict(c.report, case_id=c.case_id))
            events += [dict(case_id=c.case_id, action=r.action, from_status=r.from_state.value if r.from_state else None,
                            to_status=r.to_state.value, actor_id=None, actor_role=r.role, at=r.when, reason=r.reason,
                            public_reason="", payload=dict(r.payload), documents=list(r.documents))
                       for r in c.history]
        for table, values in ((CaseRow, rows), (ReportRow, reports), (CaseEventRow, events)):
            for i in range(0, len(values), 1000):
                self.session.connection().execute(insert(table.__table__), values[i:i + 1000])
        # The digests of every loaded case's rows go into the trail (issue 14, finding 6), over as many entries as
        # they need; the outbox hangs off the last of them.
        entry = audit_log.record_states(self.session, SYSTEM, "create", marker, [r["id"] for r in rows], detail)
        outbox.add(self.session, entry, [CaseEvent(EventKind.LOADED, r["id"], r["region_code"]) for r in rows])
        return len(rows)

    # ------------------------------------------------------------------------------------------------ parts

    def _evidence(self, case_id: int, report_id: int | None, evidence: Sequence[CheckedEvidence],
                  actor: Account | None, now: datetime) -> None:
        self.session.add_all(
            EvidenceRow(case_id=case_id, report_id=report_id, sha256=e.sha256, filename=e.filename,
                        media_type=e.kind.media_type, size=e.size, added_by=who(actor), added_at=now)
            for e in evidence)

    def _history(self, case_id: int, record: TransitionRecord, actor: Account | None, public_reason: str) -> None:
        self.session.add(CaseEventRow(
            case_id=case_id, action=record.action, from_status=record.from_state.value if record.from_state else None,
            to_status=record.to_state.value, actor_id=actor.id if actor else None,
            actor_role=actor.role.value if actor else PUBLIC, at=record.when, reason=record.reason,
            public_reason=public_reason.strip(), payload=dict(record.payload), documents=list(record.documents)))

    def _record(self, actor: Account | None, action: str, row: CaseRow, now: datetime, detail: dict,
                events: list[CaseEvent], public_reason: str = "", covers: Iterable[int] = ()) -> None:
        # The audit entry first: it takes the audit head's lock, held to commit, which is what keeps outbox ids in
        # commit order (see OutboxRow).
        # The entry carries the digest of the case's rows (and of any other case it changed: `covers`).
        entry = audit_log.append(self.session, who(actor), action, f"case:{row.id}", detail, at=now, covers=covers)
        outbox.add(self.session, entry, events)
        if self.listener is not None:
            self.listener(self.session, actor, events, public_reason.strip(), now)


__all__ = ["PUBLIC", "CaseRepository", "Listener", "LoadedCase", "NewCase", "aware", "who"]
