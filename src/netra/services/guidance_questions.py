"""What people ask "Bolehkah?": anonymous counts by week, family and verdict, the asker's "did this help?", and
the unhelpful and low-confidence questions administrators read to improve the rulebook's examples.

Nothing here stores an address, an account or a time of day: a row holds the week, the family of the closest
rule, the verdict and the status. The question's text is kept only for answers that were not confident or that
the asker marked unhelpful.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update

from netra.guidance import MAX_QUESTION_CHARS, Answer
from netra.storage.database import Database
from netra.storage.tables import GuidanceQuestionRow

MAX_COMMENT_CHARS = 1000
NATIONAL_ZONE = ZoneInfo("Asia/Jakarta")  # weeks are counted on WIB days, one calendar for the whole country


def week_of(moment: datetime) -> date:
    day = moment.astimezone(NATIONAL_ZONE).date()
    return day - timedelta(days=day.weekday())


def record(db: Database, answer: Answer, now: datetime | None = None) -> str:
    """Count one answered question; returns the token its feedback form carries."""
    token = secrets.token_hex(16)
    family = answer.matches[0].rule.family.value if answer.matches else None
    with db.transaction() as session:
        session.add(GuidanceQuestionRow(
            token=token, week=week_of(now or datetime.now(timezone.utc)), family=family,
            verdict=answer.verdict.value, status=answer.status, needs_status=answer.needs_status,
            confident=answer.confident, question=None if answer.confident else answer.question[:MAX_QUESTION_CHARS]))
    return token


class FeedbackError(ValueError):
    """Feedback that cannot be recorded; the message is Indonesian."""


def feedback(db: Database, token: str, helpful: bool, question: str = "", comment: str = "") -> None:
    """Record the asker's "did this help?" once per answer. An unhelpful answer keeps the question's text (as
    the asker sent it back with the form) and the optional comment, without any identity."""
    token = (token or "").strip()
    if not token or len(token) > 32:
        raise FeedbackError("Umpan balik tidak dikenali; tanyakan kembali lalu beri umpan balik.")
    values: dict = {"helpful": helpful}
    if not helpful:
        values["comment"] = comment.strip()[:MAX_COMMENT_CHARS] or None
        if question.strip():
            values["question"] = question.strip()[:MAX_QUESTION_CHARS]
    with db.transaction() as session:
        done = session.execute(update(GuidanceQuestionRow)
                               .where(GuidanceQuestionRow.token == token, GuidanceQuestionRow.helpful.is_(None))
                               .values(**values)).rowcount
        if not done:
            known = session.scalar(select(GuidanceQuestionRow.id).where(GuidanceQuestionRow.token == token))
            raise FeedbackError("Umpan balik untuk jawaban ini sudah tercatat." if known else
                                "Umpan balik tidak dikenali; tanyakan kembali lalu beri umpan balik.")


@dataclass(frozen=True)
class WeekCount:
    week: date
    family: str | None
    verdict: str
    asked: int
    helpful: int
    unhelpful: int


def weekly_counts(db: Database, weeks: int = 12, now: datetime | None = None) -> list[WeekCount]:
    """Questions per week, family and verdict over the last `weeks` weeks, newest week first."""
    since = week_of(now or datetime.now(timezone.utc)) - timedelta(weeks=weeks - 1)
    G = GuidanceQuestionRow
    query = (select(G.week, G.family, G.verdict, func.count(),
                    func.count().filter(G.helpful.is_(True)), func.count().filter(G.helpful.is_(False)))
             .where(G.week >= since).group_by(G.week, G.family, G.verdict)
             .order_by(G.week.desc(), func.count().desc(), G.family, G.verdict))
    with db.transaction() as session:
        return [WeekCount(*row) for row in session.execute(query)]


@dataclass(frozen=True)
class ReviewItem:
    week: date
    family: str | None
    verdict: str
    status: str | None
    why: str  # "unhelpful" or "low_confidence"
    question: str
    comment: str | None


def to_review(db: Database, limit: int = 200) -> list[ReviewItem]:
    """The questions administrators should read: marked unhelpful, or answered without a clear rule."""
    G = GuidanceQuestionRow
    query = (select(G).where(G.question.is_not(None), (G.helpful.is_(False)) | (G.confident.is_(False)))
             .order_by(G.week.desc(), G.id.desc()).limit(limit))
    with db.transaction() as session:
        return [ReviewItem(r.week, r.family, r.verdict, r.status, "unhelpful" if r.helpful is False else "low_confidence",
                           r.question or "", r.comment) for r in session.scalars(query)]
