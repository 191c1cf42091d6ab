"""SQLAlchemy table definitions. Every change here needs an Alembic migration in migrations/versions."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import (
    JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, false, true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


# A region code the scope's range (netra.storage.scope.below) is read through an index on: byte order on
# PostgreSQL whatever the database's collation (SQLite compares bytes already).
REGION_CODE_BYTEWISE = String(13).with_variant(String(13, collation="C"), "postgresql")


class RegionRow(Base):
    __tablename__ = "regions"

    code: Mapped[str] = mapped_column(String(13), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(10))
    timezone: Mapped[str] = mapped_column(String(4))
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("regions.code"), index=True)


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class UserRegionRow(Base):
    __tablename__ = "user_regions"
    __table_args__ = (UniqueConstraint("user_id", "region_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    region_code: Mapped[str] = mapped_column(ForeignKey("regions.code"))


class CaseRow(Base):
    """A case moves through the legal workflow; one or more reports (or a finding) feed it."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    origin: Mapped[str] = mapped_column(String(10))  # "report" (laporan) or "finding" (temuan)
    status: Mapped[str] = mapped_column(String(32), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    region_code: Mapped[str] = mapped_column(REGION_CODE_BYTEWISE, ForeignKey("regions.code"), index=True)
    election_id: Mapped[str] = mapped_column(String(40))
    reported_name: Mapped[str] = mapped_column(String(200), default="")
    reported_nip: Mapped[str] = mapped_column(String(18), default="", index=True)
    reported_position: Mapped[str] = mapped_column(String(200), default="")
    reported_agency: Mapped[str] = mapped_column(String(200), default="")
    reported_status: Mapped[str] = mapped_column(String(20), default="", server_default="")  # pns, pppk, ...
    event_date: Mapped[date | None] = mapped_column(Date)
    # What officers established (issue 12); the reports keep what reporters submitted.
    known_date: Mapped[date | None] = mapped_column(Date)
    event_place: Mapped[str] = mapped_column(String(300), default="", server_default="")
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    family: Mapped[str | None] = mapped_column(String(20), index=True)  # from the rules a decision rests on
    channel: Mapped[str | None] = mapped_column(String(20))  # "social_media" or "offline", when known
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # The officer handling the case now (an officer of the role that acts in its state), if anyone was assigned.
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)


class CaseCommentRow(Base):
    """An internal comment officers leave on a case: never shown on public pages nor to the reporter."""

    __tablename__ = "case_comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    body: Mapped[str] = mapped_column(Text)


class ReportRow(Base):
    """What a reporter submitted, as submitted. Reporter identity is read only by the handling officers."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    tracking_code: Mapped[str] = mapped_column(String(13), unique=True)
    submission_token: Mapped[str] = mapped_column(String(64), unique=True)
    secret_hash: Mapped[str] = mapped_column(String(64))
    reporter_name: Mapped[str] = mapped_column(String(200), default="")
    reporter_address: Mapped[str] = mapped_column(String(500), default="")
    reporter_contact: Mapped[str] = mapped_column(String(200), default="")
    reporter_id_number: Mapped[str] = mapped_column(String(16), default="")
    confidential: Mapped[bool] = mapped_column(Boolean, default=True)
    reported_name: Mapped[str] = mapped_column(String(200), default="")
    reported_nip: Mapped[str] = mapped_column(String(18), default="")
    reported_position: Mapped[str] = mapped_column(String(200), default="")
    reported_agency: Mapped[str] = mapped_column(String(200), default="")
    region_code: Mapped[str] = mapped_column(ForeignKey("regions.code"))
    election_id: Mapped[str] = mapped_column(String(40))
    event_date: Mapped[date | None] = mapped_column(Date)
    event_place: Mapped[str] = mapped_column(String(300), default="")
    known_date: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text)
    links: Mapped[list] = mapped_column(JSON, default=list)
    declaration: Mapped[bool] = mapped_column(Boolean, default=False)
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class EvidenceRow(Base):
    """An evidence file, stored on disk by its SHA-256; the row says who added it and when."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id"))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    added_by: Mapped[str] = mapped_column(String(80))  # "pelapor" or "user:<id>"
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CaseEventRow(Base):
    """One step of a case's history: who did what, when and why. Public reasons are shown to the reporter."""

    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    action: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[str | None] = mapped_column(String(32))
    to_status: Mapped[str] = mapped_column(String(32))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_role: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    reason: Mapped[str] = mapped_column(Text, default="")
    public_reason: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    documents: Mapped[list] = mapped_column(JSON, default=list)


class AuditRow(Base):
    """Append-only (database triggers refuse UPDATE and DELETE); `at` is kept as ISO text so the hash input
    reads back byte-identical on every backend."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(120), index=True)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHeadRow(Base):
    """One row: the newest entry. Updating it first serialises writers, and it reveals a deleted tail."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64))
    keyed_from: Mapped[int] = mapped_column(Integer, default=1)  # first entry under the audit key (MAC)


class OutboxRow(Base):
    """A domain event of a case (netra.cases.events), written by the case repository in the transaction of the
    change. Ids follow commit order: the repository adds them after its audit entry, whose head-row lock it holds
    until commit, so a consumer that remembers the last id it applied never skips one."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    case_id: Mapped[int] = mapped_column(Integer, index=True)
    region_code: Mapped[str] = mapped_column(String(13))
    audit_seq: Mapped[int] = mapped_column(Integer)  # the audit entry that recorded the same change
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class OutboxConsumerRow(Base):
    """How far one consumer of the outbox got (statistics, notifications, ...): the last event id it applied."""

    __tablename__ = "outbox_consumers"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_id: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ScreenedItemRow(Base):
    """A post, report or news item the screener flagged (or, for a small random share, did not flag: `flagged`
    false, so that misses are seen), waiting for (or carrying) a human decision.

    The decision (confirmed / dismissed, by whom, when, why, and for a dismissal whether the text is no partisan
    act or the actor is not bound: `dismiss_kind`) is also a training label for the screener.
    """

    __tablename__ = "screened_items"
    __table_args__ = (UniqueConstraint("batch", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch: Mapped[str] = mapped_column(String(80))
    external_id: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[dict] = mapped_column(JSON, default=dict)
    posted_on: Mapped[date | None] = mapped_column(Date)
    region_code: Mapped[str] = mapped_column(ForeignKey("regions.code"), index=True)
    election_id: Mapped[str] = mapped_column(String(40))
    score: Mapped[float] = mapped_column(Float)
    flagged: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    family: Mapped[str | None] = mapped_column(String(20))
    rules: Mapped[list] = mapped_column(JSON, default=list)
    evidence: Mapped[list] = mapped_column(JSON, default=list)
    result: Mapped[dict] = mapped_column(JSON, default=dict)  # the whole screener output, as produced
    status: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    checked_out_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    checkout_expires: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    dismiss_kind: Mapped[str | None] = mapped_column(String(12))  # not_an_act | wrong_actor
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RateCounterRow(Base):
    """Hits per key and fixed time window, for rate limits and sign-in lockout (netra.services.throttle). In the
    database, not in a process, so a limit holds across workers and servers; `key` is a hash, so typed usernames
    (which can be a mistyped password) are never stored."""

    __tablename__ = "rate_counters"

    bucket: Mapped[str] = mapped_column(String(20), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    slot: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)  # time // window length
    n: Mapped[int] = mapped_column(Integer)


class WebSessionRow(Base):
    """A signed-in browser session. The cookie carries a random id; only its SHA-256 is stored, so reading this
    table does not let anyone sign in. Deleting the row ends the session everywhere at once."""

    __tablename__ = "web_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ip: Mapped[str] = mapped_column(String(45), default="")
    user_agent: Mapped[str] = mapped_column(String(200), default="")


class ApiTokenRow(Base):
    """A token for a machine client, created by an administrator for one role and region scope. Only the SHA-256
    of the token is stored; the token itself is shown once, when it is created."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))  # the token's first characters, to recognise it in lists
    role: Mapped[str] = mapped_column(String(16))
    scope: Mapped[list] = mapped_column(JSON, default=list)  # region codes, checked against `regions` on creation
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class CaseStatsRow(Base):
    """One row per live (not merged-away) case, flattened for statistics: what the dashboard filters and counts on,
    and what the case history says about it (when each funnel step happened, which legal clock runs since when,
    which PPK it went to). Derived data, rebuilt from `cases` + `case_events` by netra.services.analytics.facts,
    which catches up on every case event in the outbox (its position: outbox_consumers "statistics")."""

    __tablename__ = "case_stats"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True,
                                         autoincrement=False)
    province_code: Mapped[str] = mapped_column(String(2))
    region_code: Mapped[str] = mapped_column(REGION_CODE_BYTEWISE)
    election_id: Mapped[str] = mapped_column(String(40))
    event_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(32))
    family: Mapped[str | None] = mapped_column(String(20))
    channel: Mapped[str | None] = mapped_column(String(20))
    origin: Mapped[str] = mapped_column(String(10))
    position_group: Mapped[str] = mapped_column(String(20))
    agency: Mapped[str] = mapped_column(String(200), default="")
    opened_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    registered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # reports: the register step
    recommended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    sanctioned_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    recommended_rule: Mapped[str | None] = mapped_column(String(60))  # the first rule of the recommendation
    sanction_rule: Mapped[str | None] = mapped_column(String(60))
    clock: Mapped[str | None] = mapped_column(String(60))  # "<election kind>:<clock id>" running now, if any
    clock_zone: Mapped[str | None] = mapped_column(String(4))
    clock_started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    clock_extended: Mapped[bool] = mapped_column(Boolean, default=False)
    clock_start_day: Mapped[date | None] = mapped_column(Date)  # local date of clock_started_at in clock_zone
    # The last instant the running clock allows (netra.cases.due_at): overdue exactly when it is before "now".
    clock_due_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    ppk: Mapped[str] = mapped_column(String(200), default="")
    # Funnel step durations in tenths of a day, rounded down (report -> registered, registered -> recommended,
    # recommended -> sanctioned): integers, so medians come from plain GROUP BY counts on either database.
    registered_tenths: Mapped[int | None] = mapped_column(Integer)
    recommended_tenths: Mapped[int | None] = mapped_column(Integer)
    sanctioned_tenths: Mapped[int | None] = mapped_column(Integer)


class CaseStatsRuleRow(Base):
    """Further rules of a recommendation that named more than one (the first is CaseStatsRow.recommended_rule)."""

    __tablename__ = "case_stats_rules"

    case_id: Mapped[int] = mapped_column(ForeignKey("case_stats.case_id", ondelete="CASCADE"), primary_key=True)
    rule_id: Mapped[str] = mapped_column(String(60), primary_key=True)


# Statistics read case_stats by scope (province, region) and election; the clock index serves the overdue lists.
# The worklist's default order (newest change first) reads this index instead of sorting every case in scope.
Index("ix_cases_updated", CaseRow.updated_at, CaseRow.id)
Index("ix_case_stats_scope", CaseStatsRow.province_code, CaseStatsRow.region_code, CaseStatsRow.election_id)
Index("ix_case_stats_election", CaseStatsRow.election_id, CaseStatsRow.event_date)
Index("ix_case_stats_clock", CaseStatsRow.clock, CaseStatsRow.clock_zone, CaseStatsRow.clock_started_at)


class CaseRollupRow(Base):
    """Counts of live cases per province and election for one measure and key (netra.services.analytics.rollup):
    the national and provincial charts add up a few thousand of these instead of scanning case_stats. Derived from
    case_stats and changed with it, in the same transaction, by the cases' count delta."""

    __tablename__ = "case_rollup"

    measure: Mapped[str] = mapped_column(String(20), primary_key=True)
    stage: Mapped[str] = mapped_column(String(40), primary_key=True, default="")  # "" counts every case
    province_code: Mapped[str] = mapped_column(String(2), primary_key=True)
    election_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    k1: Mapped[str] = mapped_column(String(80), primary_key=True)
    k2: Mapped[str] = mapped_column(String(200), primary_key=True, default="")
    day: Mapped[str] = mapped_column(String(10), primary_key=True, default="")  # ISO date or ""
    n: Mapped[int] = mapped_column(Integer)


# The overdue lists read the clocks started after a cut-off day: the few recent ones (analytics._overdue_rolled).
Index("ix_case_rollup_day", CaseRollupRow.measure, CaseRollupRow.stage, CaseRollupRow.day)


class StatsSnapshotRow(Base):
    """A computed statistics view (public statistics of a filter set, a dashboard for a scope and filters) and the
    data version it was computed at (netra.services.analytics.snapshots): a cache, reused only while the version
    is current, so a restart does not recompute what has not changed."""

    __tablename__ = "stats_snapshots"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of what was asked
    version: Mapped[str] = mapped_column(String(400))
    payload: Mapped[str] = mapped_column(Text)  # JSON
    computed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RuleOverrideRow(Base):
    """An administrator's correction of a rulebook value (e.g. a disputed sanction level), with who, when, why."""

    __tablename__ = "rule_overrides"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule_id: Mapped[str] = mapped_column(String(60), index=True)
    field: Mapped[str] = mapped_column(String(120))
    value: Mapped[dict] = mapped_column(JSON)  # {"value": ...}: JSON columns need an object to hold any value
    by_user: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    reason: Mapped[str] = mapped_column(Text)
    # In force from this day (WIB) on; None for corrections made before two-person approval (in force at once).
    effective_from: Mapped[date | None] = mapped_column(Date)
    proposal_id: Mapped[int | None] = mapped_column(ForeignKey("reference_proposals.id"))


class ReferenceProposalRow(Base):
    """A national change to the reference data (a rulebook correction or a new election) proposed by one national
    administrator and approved or rejected, with a reason, by another (services/reference_changes). Approval
    writes the rule_overrides / added_elections row that puts it in force from `effective_from`."""

    __tablename__ = "reference_proposals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # "rule" or "election"
    rule_id: Mapped[str] = mapped_column(String(60), default="")
    field: Mapped[str] = mapped_column(String(120), default="")
    value: Mapped[dict] = mapped_column(JSON)  # {"value": ...} for a rule field; the election's data for an election
    effective_from: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    proposed_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    proposed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    status: Mapped[str] = mapped_column(String(12), default="pending", index=True)  # pending, approved, rejected
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decision_reason: Mapped[str] = mapped_column(Text, default="")


class PasswordLinkRow(Base):
    """A one-time link to set an account's password, made by an administrator and handed over by them. Only the
    SHA-256 of the token is stored; it works once, until `expires_at`."""

    __tablename__ = "password_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class WorkforceTableRow(Base):
    """Civil servants per region as an administrator installed them (the latest row is in force), with who,
    when and why; without any row the packaged table (netra/regions/data/workforce.yaml) applies."""

    __tablename__ = "workforce_tables"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[dict] = mapped_column(JSON)  # the validated file, as parsed
    by_user: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    reason: Mapped[str] = mapped_column(Text)


class DeadlineVersionRow(Base):
    """A corrected version of the legal clocks (the deadlines.yaml document, validated), with who, when and why;
    the latest is in force, and without any the packaged netra/cases/data/deadlines.yaml applies."""

    __tablename__ = "deadline_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[dict] = mapped_column(JSON)
    by_user: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    reason: Mapped[str] = mapped_column(Text)


class AddedElectionRow(Base):
    """An election an administrator added beside the packaged calendars, as its validated data."""

    __tablename__ = "added_elections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    election_id: Mapped[str] = mapped_column(String(40), unique=True)
    data: Mapped[dict] = mapped_column(JSON)
    by_user: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    effective_from: Mapped[date | None] = mapped_column(Date)  # as for rule_overrides
    proposal_id: Mapped[int | None] = mapped_column(ForeignKey("reference_proposals.id"))


class CandidateRow(Base):
    """A candidate pair of an election as KPU listed it (``netra candidates import``): the registry the screener
    uses for that election and region. ``region_code`` is "" for a national contest."""

    __tablename__ = "candidates"
    __table_args__ = (UniqueConstraint("election_id", "region_code", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    election_id: Mapped[str] = mapped_column(String(40), index=True)
    region_code: Mapped[str] = mapped_column(String(13), default="")
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(300))
    aliases: Mapped[list] = mapped_column(JSON, default=list)
    hashtags: Mapped[list] = mapped_column(JSON, default=list)
    party: Mapped[str] = mapped_column(Text, default="")
    source_file: Mapped[str] = mapped_column(String(200))
    imported_by: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RegisterImportRow(Base):
    """One import of the civil-servant register: who, when, why, from which file, and what it changed."""

    __tablename__ = "register_imports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    by_user: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    filename: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    rows: Mapped[int] = mapped_column(Integer, default=0)
    added: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    error_sample: Mapped[list] = mapped_column(JSON, default=list)  # the first errors, "Baris N: ..."


class CivilServantRow(Base):
    """A civil servant (PNS or PPPK) as the latest import of the register describes them. Never deleted: a person
    no longer in the register gets `removed_at` and keeps their cases. The import ids are plain integers (no
    foreign key) so that millions of rows load without a per-row check against register_imports."""

    __tablename__ = "civil_servants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nip: Mapped[str] = mapped_column(String(18), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), index=True)  # netra.cases.merging.normalise_name
    position: Mapped[str] = mapped_column(String(200), default="")
    agency: Mapped[str] = mapped_column(String(200))
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    status: Mapped[str] = mapped_column(String(4))  # PNS or PPPK
    rank: Mapped[str] = mapped_column(String(60), default="")
    removed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_import_id: Mapped[int | None] = mapped_column(Integer)
    updated_import_id: Mapped[int | None] = mapped_column(Integer)


class CivilServantChangeRow(Base):
    """A changed field of a register entry: old and new value, by which import (or by whom), when."""

    __tablename__ = "civil_servant_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("civil_servants.id"), index=True)
    import_id: Mapped[int | None] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(20))
    old_value: Mapped[str] = mapped_column(String(200), default="")
    new_value: Mapped[str] = mapped_column(String(200), default="")
    by_user: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CasePersonRow(Base):
    """An officer's decision on who a case is about. Without a row a case belongs to the register entry with its
    NIP; a row names the confirmed person (e.g. a name-and-agency suggestion), or none when the NIP was wrong."""

    __tablename__ = "case_people"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True, autoincrement=False)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("civil_servants.id"), index=True)
    by_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    reason: Mapped[str] = mapped_column(Text)


class BknFollowUpRow(Base):
    """What BKN did on its side about a case (reprimand, SIASN block and its lifting), with date and document."""

    __tablename__ = "bkn_follow_ups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    on_date: Mapped[date] = mapped_column(Date)
    document_number: Mapped[str] = mapped_column(String(120))
    document_sha256: Mapped[str | None] = mapped_column(String(64))
    document_name: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    by_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class GuidanceQuestionRow(Base):
    """One "Bolehkah?" answer, counted anonymously: the week, the family and the verdict, never an address, an
    account or a time of day. The question's text is kept only when the answer was not confident or the asker
    said it did not help, so administrators can improve the rulebook's examples; it carries no identity."""

    __tablename__ = "guidance_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(32), unique=True)  # lets the asker's feedback find this row once
    week: Mapped[date] = mapped_column(Date, index=True)  # the Monday of the week asked
    family: Mapped[str | None] = mapped_column(String(20))
    verdict: Mapped[str] = mapped_column(String(12))
    status: Mapped[str | None] = mapped_column(String(20))
    needs_status: Mapped[bool] = mapped_column(Boolean, default=False)
    confident: Mapped[bool] = mapped_column(Boolean, default=True)
    helpful: Mapped[bool | None] = mapped_column(Boolean)
    question: Mapped[str | None] = mapped_column(Text)
    comment: Mapped[str | None] = mapped_column(Text)


class AgencyRow(Base):
    """An agency (instansi) of a regional government: the government itself and its offices. Seeded with a
    standard list per region (netra/prevention/data/agencies.yaml); administrators rename, add and retire."""

    __tablename__ = "agencies"
    __table_args__ = (UniqueConstraint("region_code", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    region_code: Mapped[str] = mapped_column(ForeignKey("regions.code"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # "government", "office" or "district" (kecamatan)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    source: Mapped[str] = mapped_column(String(10), default="seed")  # seed, admin or import


class SocialisationEventRow(Base):
    """A neutrality socialisation event an agency held: when, where, for whom, on what, with its material."""

    __tablename__ = "socialisation_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    region_code: Mapped[str] = mapped_column(ForeignKey("regions.code"), index=True)
    election_id: Mapped[str] = mapped_column(String(40))
    held_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200))
    topic: Mapped[str] = mapped_column(String(300))
    audience: Mapped[dict] = mapped_column(JSON)  # {group: number of people}, groups from prevention.model
    material_sha256: Mapped[str | None] = mapped_column(String(64))
    material_name: Mapped[str | None] = mapped_column(String(200))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class NeutralityPledgeRow(Base):
    """A neutrality pledge (ikrar netralitas) an agency's staff signed: how many of how many, and the document."""

    __tablename__ = "neutrality_pledges"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    region_code: Mapped[str] = mapped_column(ForeignKey("regions.code"), index=True)
    election_id: Mapped[str] = mapped_column(String(40))
    signed_on: Mapped[date] = mapped_column(Date)
    signed: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)
    document_sha256: Mapped[str | None] = mapped_column(String(64))
    document_name: Mapped[str | None] = mapped_column(String(200))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class NotificationContactRow(Base):
    """Where and in which language an account is told (issue 15): the email address is optional."""

    __tablename__ = "notification_contacts"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    email: Mapped[str | None] = mapped_column(String(254))
    language: Mapped[str] = mapped_column(String(2), default="id")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ReportSubscriptionRow(Base):
    """A reporter's email for status news of one report; nothing is sent but the confirmation until confirmed."""

    __tablename__ = "report_subscriptions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"), unique=True)
    email: Mapped[str] = mapped_column(String(254))
    language: Mapped[str] = mapped_column(String(2), default="id")
    token: Mapped[str] = mapped_column(String(64), unique=True)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class NotificationRow(Base):
    """An in-app notification of one account, written in the transaction of the change it tells of."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_unread", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    case_id: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The account chose the digest for this kind: the next digest carries it, then clears the flag.
    for_digest: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class NotificationPreferenceRow(Base):
    """How an account hears of one kind of event: now, digest or never (no row: now)."""

    __tablename__ = "notification_preferences"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    delivery: Mapped[str] = mapped_column(String(10))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DigestRunRow(Base):
    """One daily digest of one account: the primary key makes it once per account and local day, whichever worker
    (or operator) gets there first."""

    __tablename__ = "digest_runs"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    local_day: Mapped[date] = mapped_column(Date, primary_key=True)
    zone: Mapped[str] = mapped_column(String(4))
    items: Mapped[int] = mapped_column(Integer)
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ClockWarningRow(Base):
    """A legal-clock warning given: once per case, running clock (by its start) and threshold (soon, overdue)."""

    __tablename__ = "clock_warnings"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    clock: Mapped[str] = mapped_column(String(60), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), primary_key=True)
    threshold: Mapped[str] = mapped_column(String(10), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class WebhookRow(Base):
    """A URL an administrator registered for one event kind in one region (and the regions it covers)."""

    __tablename__ = "webhooks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    region_code: Mapped[str] = mapped_column(String(13))
    kind: Mapped[str] = mapped_column(String(40))
    url: Mapped[str] = mapped_column(String(2000))
    secret: Mapped[str] = mapped_column(String(128))  # the HMAC key, shown once to the administrator
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # The last deactivation or reactivation (the audit trail keeps every one): why, by whom, when.
    active_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    active_changed_by: Mapped[str] = mapped_column(String(40), default="", server_default="")
    active_changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class WebhookDeliveryRow(Base):
    """One POST to a webhook, written with the change it tells of; status queued -> sending (claimed) -> sent, or
    failed, or cancelled when its webhook was deactivated before it was sent."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    webhook_id: Mapped[int] = mapped_column(ForeignKey("webhooks.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    body: Mapped[str] = mapped_column(Text)  # the exact JSON posted (and signed)
    status: Mapped[str] = mapped_column(String(10), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    response_code: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # While a worker sends (status "sending"): its key and how long the claim holds (services/notifications/claims)
    claimed_by: Mapped[int | None] = mapped_column(Integer)
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class EmailBounceRow(Base):
    """An address a mail server refused for good (5xx at RCPT) or an operator recorded as bouncing: not written to."""

    __tablename__ = "email_bounces"

    address: Mapped[str] = mapped_column(String(254), primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(10))  # smtp or operator
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class EmailMessageRow(Base):
    """An email waiting for the worker (netra.services.notifications.worker), rendered when it was queued, in the
    transaction of the change it tells of. status: queued -> sending (claimed) -> sent, or failed after the last
    retry."""

    __tablename__ = "email_messages"
    __table_args__ = (Index("ix_email_messages_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    to_address: Mapped[str] = mapped_column(String(254))
    kind: Mapped[str] = mapped_column(String(40))
    case_id: Mapped[int | None] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    html: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # While a worker sends (status "sending"): its key and how long the claim holds (services/notifications/claims)
    claimed_by: Mapped[int | None] = mapped_column(Integer)
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
