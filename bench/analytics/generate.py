"""Synthetic cases and case history for the analytics benchmark, streamed into PostgreSQL with COPY.

Every case follows a legal path of the workflow (the same transitions as netra.cases.TRANSITIONS) with delays
around the legal clocks; names are "Terlapor Sintetis NNNNNNN". Regions are the real 514 regencies/cities, with
a skew so that some provinces hold many more cases than others (as real reports do).
"""

from __future__ import annotations

import io
import json
import random
from datetime import date, datetime, time, timedelta, timezone

RULES = {  # family -> SKB 2022 discipline rule ids (a subset is enough for the benchmark)
    "social_media": ["skb2022.disiplin.2", "skb2022.disiplin.6", "skb2022.disiplin.7"],
    "partisan_event": ["skb2022.disiplin.8"],
    "campaign": ["skb2022.disiplin.4", "skb2022.disiplin.9", "skb2022.disiplin.10"],
    "state_resources": ["pp94.5n.4"],
    "official_action": ["skb2022.disiplin.12"],
    "campaign_props": ["skb2022.disiplin.1"],
    "party": ["skb2022.disiplin.5"],
    "ktp_support": ["skb2022.disiplin.11"],
    "candidacy": ["skb2022.disiplin.3"],
}
FAMILIES = {"social_media": 43, "partisan_event": 22, "campaign": 14, "state_resources": 6, "official_action": 5,
            "campaign_props": 4, "party": 3, "ktp_support": 2, "candidacy": 1}
POSITIONS = ["Guru SD Negeri {n}", "Guru SMP Negeri {n}", "Guru SMA Negeri {n}", "Perawat Puskesmas {n}",
             "Bidan Desa", "Penyuluh Pertanian", "Penyuluh KB", "Dokter Puskesmas", "Kepala Dinas Pendidikan",
             "Kepala Dinas Kesehatan", "Kepala Bidang Anggaran", "Sekretaris Daerah", "Kepala Bagian Umum",
             "Camat {n}", "Lurah {n}", "Sekretaris Camat", "Kepala Desa {n}", "Sekretaris Desa",
             "Kaur Keuangan Desa", "Kepala Dusun", "Staf Pelaksana", "Analis Kebijakan", "Pengadministrasi Umum",
             "Kepala Sekolah SD {n}", "Pranata Komputer"]
AGENCIES = ["Dinas Pendidikan", "Dinas Kesehatan", "Bappeda", "Sekretariat Daerah", "Kecamatan", "Kelurahan",
            "Pemerintah Desa", "Dinas Pertanian", "BKPSDM", "Dinas PUPR", "Dinas Sosial", "RSUD"]
PPKS = ["Bupati {r}", "Wali Kota {r}", "Gubernur {p}", "Sekretaris Daerah {r}"]
ELECTIONS = [("pilkada2024", date(2024, 8, 27), date(2024, 12, 16), 0.75),
             ("pemilu2024", date(2023, 10, 19), date(2024, 3, 20), 0.25)]


def _ts(value: datetime) -> str:
    return value.isoformat()


class Writer:
    """Tab-separated COPY text for one table, flushed in chunks."""

    def __init__(self, cursor, table: str, columns: list[str], chunk: int = 50_000, parent: "Writer | None" = None):
        self.cursor, self.table, self.columns, self.chunk, self.parent = cursor, table, columns, chunk, parent
        self.buffer, self.count = io.StringIO(), 0

    def row(self, values) -> None:
        out = []
        for v in values:
            if v is None:
                out.append("\\N")
            else:
                out.append(str(v).replace("\\", "\\\\").replace("\t", " ").replace("\n", " "))
        self.buffer.write("\t".join(out) + "\n")
        self.count += 1
        if self.count % self.chunk == 0:
            self.flush()

    def flush(self) -> None:
        if self.parent is not None:  # rows referenced by this table's foreign keys go first
            self.parent.flush()
        data = self.buffer.getvalue()
        if data:
            with self.cursor.copy(f"COPY {self.table} ({', '.join(self.columns)}) FROM STDIN") as copy:
                copy.write(data)
        self.buffer = io.StringIO()


def _path(rng: random.Random, origin: str, rule_id: str, ppk: str):
    """(action, to_status, payload, delay_days) steps after opening, along a legal path."""
    steps = []
    if origin == "report":
        if rng.random() < 0.06:
            return [("refuse_registration", "not_registered", {}, rng.randint(1, 3)),
                    ("close", "closed", {}, rng.randint(1, 5))]
        steps.append(("register", "registered", {}, rng.randint(0, 3)))
    steps.append(("start_review", "under_review", {}, rng.randint(0, 2)))
    if rng.random() < 0.15:
        steps.append(("request_clarification", "under_review", {}, rng.randint(1, 3)))
    roll = rng.random()
    if roll < 0.10:
        return steps + [("dismiss", "not_a_violation", {}, rng.randint(2, 6)), ("close", "closed", {}, rng.randint(1, 4))]
    if roll < 0.15:
        return steps + [("forward", "forwarded", {"destination": "Gakkumdu"}, rng.randint(2, 5)),
                        ("close", "closed", {}, rng.randint(1, 4))]
    steps += [("recommend", "recommended_to_bkn", {"rule_ids": [rule_id]}, rng.randint(2, 7))]
    if rng.random() < 0.05:
        return steps + [("reject_recommendation", "not_a_violation", {}, rng.randint(2, 9)),
                        ("close", "closed", {}, rng.randint(1, 4))]
    steps += [("verify", "verified_by_bkn", {}, rng.randint(2, 12)),
              ("validate", "validated_by_bawaslu", {}, rng.randint(1, 5)),
              ("send_to_ppk", "sent_to_ppk", {"ppk": ppk}, rng.randint(1, 10))]
    if rng.random() < 0.35:
        steps += [("impose_sanction", "sanction_imposed", {"rule_id": rule_id, "sanction": {
            "kind": "discipline", "level": "berat", "description": "Hukuman disiplin (sintetis)"}}, rng.randint(3, 40)),
                  ("close", "closed", {}, rng.randint(1, 10))]
    else:
        steps += [("mark_not_followed_up", "not_followed_up", {}, rng.randint(11, 25))]
        if rng.random() < 0.4:
            steps.append(("block_personnel_data", "personnel_data_blocked", {}, rng.randint(3, 20)))
    return steps


def generate(conn, regions: list[tuple[str, str, str]], n_cases: int, target_events: int, seed: int = 7,
             today: datetime = datetime(2024, 12, 20, 10, 0, tzinfo=timezone.utc), progress=print) -> tuple[int, int]:
    """Insert `n_cases` cases and about `target_events` events. `regions`: (code, name, province name)."""
    rng = random.Random(seed)
    weights = [1 + (hash(code[:2]) % 7) ** 2 for code, _, _ in regions]  # a stable skew between provinces
    cum_regions = rng.choices(regions, weights, k=50_000)
    families = list(FAMILIES)
    fam_pool = rng.choices(families, [FAMILIES[f] for f in families], k=10_000)
    cur = conn.cursor()
    cases = Writer(cur, "cases", ["id", "origin", "status", "version", "region_code", "election_id", "reported_name",
                                  "reported_nip", "reported_position", "reported_agency", "event_date",
                                  "merged_into_id", "family", "channel", "created_at", "updated_at"])
    events = Writer(cur, "case_events", ["id", "case_id", "action", "from_status", "to_status", "actor_id",
                                         "actor_role", "at", "reason", "public_reason", "payload", "documents"],
                    parent=cases)
    roles = {"register": "bawaslu", "refuse_registration": "bawaslu", "start_review": "bawaslu",
             "request_clarification": "bawaslu", "recommend": "bawaslu", "dismiss": "bawaslu", "forward": "bawaslu",
             "verify": "bkn", "reject_recommendation": "bkn", "validate": "bawaslu", "send_to_ppk": "bkn",
             "impose_sanction": "ppk", "mark_not_followed_up": "bkn", "block_personnel_data": "bkn"}
    event_id = 0
    # Keep the number of events near the target: cases opened late stop early (still in progress "today").
    budget_per_case = target_events / n_cases
    for case_id in range(1, n_cases + 1):
        election, start, end, _ = ELECTIONS[0] if rng.random() < ELECTIONS[0][3] else ELECTIONS[1]
        span = (end - start).days
        event_day = start + timedelta(days=int(rng.triangular(0, span, span * 0.6)))
        code, rname, pname = cum_regions[case_id % len(cum_regions)] if case_id % 3 else rng.choice(cum_regions)
        family = fam_pool[case_id % len(fam_pool)]
        origin = "report" if rng.random() < 0.7 else "finding"
        position = rng.choice(POSITIONS).format(n=rng.randint(1, 12))
        agency = rng.choice(AGENCIES)
        ppk = rng.choice(PPKS).format(r=rname, p=pname)
        rule_id = rng.choice(RULES[family])
        opened = datetime.combine(event_day + timedelta(days=rng.randint(0, 6)), time(rng.randint(1, 9)),
                                  tzinfo=timezone.utc)
        if opened > today:
            opened = today - timedelta(days=rng.randint(0, 30))
        at = opened
        history = [("submit" if origin == "report" else "record_finding", None,
                    "received" if origin == "report" else "registered", {}, at)]
        status = history[0][2]
        limit = max(2, int(rng.gauss(budget_per_case, 2.0)))
        for action, to_status, payload, days in _path(rng, origin, rule_id, ppk):
            if len(history) >= limit:
                break
            nxt = at + timedelta(days=days, minutes=rng.randint(0, 600))
            if nxt > today:
                break
            history.append((action, status, to_status, payload, nxt))
            status, at = to_status, nxt
        decided = any(h[0] == "recommend" for h in history)
        cases.row([case_id, origin, status, len(history), code, election, f"Terlapor Sintetis {case_id:07d}", "",
                   position, agency, event_day.isoformat(), None, family if decided else None,
                   "social_media" if family == "social_media" else "offline", _ts(opened), _ts(at)])
        for action, from_status, to_status, payload, when in history:
            event_id += 1
            role = "public" if action == "submit" else roles.get(action, "bawaslu")
            events.row([event_id, case_id, action, from_status, to_status, None, role, _ts(when), "", "",
                        json.dumps(payload), "[]"])
        if case_id % 100_000 == 0:
            progress(f"  {case_id:,} cases, {event_id:,} events")
    cases.flush()
    events.flush()
    cur.execute("SELECT setval(pg_get_serial_sequence('cases', 'id'), %s)", (n_cases,))
    cur.execute("SELECT setval(pg_get_serial_sequence('case_events', 'id'), %s)", (event_id,))
    conn.commit()
    return n_cases, event_id


def pad_audit_entries(conn, total_target: int, progress=print) -> int:
    """Top the history up to `total_target` rows with 'note' events on existing cases (history the analytics never
    reads, as any long-lived case accumulates), so the table has the briefed size."""
    cur = conn.cursor()
    cur.execute("SELECT count(*), max(id) FROM case_events")
    have, max_id = cur.fetchone()
    missing = total_target - have
    if missing <= 0:
        return 0
    cur.execute("SELECT max(id) FROM cases")
    n_cases = cur.fetchone()[0]
    cur.execute(
        "INSERT INTO case_events (id, case_id, action, from_status, to_status, actor_id, actor_role, at, reason, "
        "public_reason, payload, documents) "
        "SELECT %s + g, 1 + (g::bigint * 7919) %% %s, 'link', c.status, c.status, NULL, 'bawaslu', c.updated_at, '', '', "
        "'{}'::json, '[]'::json FROM generate_series(1, %s) g JOIN cases c ON c.id = 1 + (g::bigint * 7919) %% %s",
        (max_id, n_cases, missing, n_cases))
    cur.execute("SELECT setval(pg_get_serial_sequence('case_events', 'id'), (SELECT max(id) FROM case_events))")
    conn.commit()
    progress(f"  padded with {missing:,} history rows")
    return missing
