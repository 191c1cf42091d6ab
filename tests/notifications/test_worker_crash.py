"""Real `netra worker` processes, killed with SIGKILL while they send and started again: nothing is lost, and no
message reaches a mailbox twice once copies are dropped by Message-ID. A raw copy is sent again only when a worker
died between the SMTP server's acceptance and its own commit (at most once per kill), and it carries the same
Message-ID. The kills are aimed at that window: each follows the arrival of a message at the server. PostgreSQL
runs three workers at once; SQLite one at a time. Prints the figures (pytest -s)."""

import asyncio
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from netra.storage.tables import EmailMessageRow
from tests.notifications.smtp import SmtpServer
from tests.notifications.test_worker import enqueue

NETRA = str(Path(sys.executable).with_name("netra"))
QUEUED = 240
KILLS = 6


def sent(db) -> int:
    with db.transaction() as s:
        return s.scalar(select(func.count()).where(EmailMessageRow.status == "sent"))


def start_worker(env):
    return subprocess.Popen([NETRA, "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_for(condition, timeout=180.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.05)


@pytest.mark.long
def test_workers_killed_mid_send_lose_nothing(db, settings, database_url):
    server = SmtpServer().start()
    original = server.inbox.handle_DATA

    async def slow(server_, session, envelope):  # a few milliseconds per message, so kills land mid-send
        await asyncio.sleep(0.003)
        return await original(server_, session, envelope)

    server.inbox.handle_DATA = slow
    enqueue(db, QUEUED)
    env = dict(os.environ, NETRA_DATABASE_URL=database_url, NETRA_DATA_DIR=str(settings.data_dir),
               NETRA_SMTP_HOST="127.0.0.1", NETRA_SMTP_PORT=str(server.port), NETRA_SMTP_SECURITY="none")
    count = 3 if db.engine.dialect.name == "postgresql" else 1
    workers = [start_worker(env) for _ in range(count)]
    rng = random.Random(15)
    kills = 0
    try:
        for k in range(KILLS):
            target = (k + 1) * QUEUED // (KILLS + 2)
            wait_for(lambda: len(server.inbox.snapshot()) >= target)
            i = rng.randrange(count)
            workers[i].send_signal(signal.SIGKILL)
            workers[i].wait()
            kills += 1
            workers[i] = start_worker(env)
        wait_for(lambda: sent(db) == QUEUED)
    finally:
        for w in workers:
            w.terminate()
        for w in workers:
            w.wait(timeout=60)
        server.stop()
    received = [(m["X-Netra-Message"], m["Message-ID"]) for _, m in server.inbox.snapshot()]
    rows = {row: {mid for r, mid in received if r == row} for row, _ in received}
    message_ids = {mid for _, mid in received}
    delivered = len(message_ids)
    resent = len(received) - delivered  # raw copies, each with the Message-ID of its first copy
    duplicates = delivered - len(rows)  # copies a receiver could not recognise: a second Message-ID for one row
    lost = QUEUED - len(rows)
    print(f"\n[{db.engine.dialect.name}] workers={count} kills={kills} queued={QUEUED} raw_receipts={len(received)} "
          f"delivered={delivered} duplicates_by_message_id={duplicates} resent_copies={resent} lost={lost}")
    assert lost == 0 and set(rows) == {str(i) for i in range(1, QUEUED + 1)}
    assert duplicates == 0 and all(len(ids) == 1 for ids in rows.values())  # one Message-ID per message, always
    assert resent <= kills  # only a kill between the server's 250 and the sent mark's commit resends one
