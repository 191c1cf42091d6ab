"""Real `netra worker` processes, killed with SIGKILL while they send and started again: nothing is lost, and a
message is sent twice only when a worker died between the SMTP server's acceptance and its own commit (at most
once per kill). PostgreSQL runs three workers at once; SQLite one at a time. Prints the figures (pytest -s)."""

import asyncio
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

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
    ids = [m["X-Netra-Message"] for _, m in server.inbox.snapshot()]
    delivered, duplicates = len(set(ids)), len(ids) - len(set(ids))
    lost = QUEUED - delivered
    print(f"\n[{db.engine.dialect.name}] workers={count} kills={kills} queued={QUEUED} delivered={delivered} "
          f"duplicates={duplicates} lost={lost}")
    assert lost == 0 and set(ids) == {str(i) for i in range(1, QUEUED + 1)}
    assert duplicates <= kills  # only a kill between the server's 250 and the commit resends one message
