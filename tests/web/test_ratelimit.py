"""Rate limits counted in the database (netra.services.throttle), on both backends."""

from netra.services import throttle
from netra.services.throttle import Limit


def test_window_slides(db):
    limit = Limit("test", 2, 60)
    assert throttle.take(db, limit, "a", now=0) is None and throttle.take(db, limit, "a", now=1) is None
    wait = throttle.take(db, limit, "a", now=2)
    assert wait is not None and 55 <= wait <= 120  # the two hits must fall out of the sliding window first
    assert throttle.take(db, limit, "b", now=2) is None  # other clients are not affected
    # In the next window the previous one counts by the share of it still inside the sliding window.
    assert throttle.take(db, limit, "a", now=61) is not None
    assert throttle.take(db, limit, "a", now=2 + wait) is None


def test_refused_hits_are_not_counted(db):
    limit = Limit("test", 3, 60)
    for second in range(3):
        assert throttle.take(db, limit, "k", now=second) is None
    for second in range(3, 50):  # hammering while refused does not stretch the lock
        assert throttle.take(db, limit, "k", now=second) is not None
    assert throttle.take(db, limit, "k", now=120) is None


def test_give_back_and_reset(db):
    limit = Limit("test", 1, 60)
    assert throttle.take(db, limit, "k", now=0) is None
    throttle.give_back(db, limit, "k", now=1)
    assert throttle.take(db, limit, "k", now=2) is None
    throttle.reset(db, limit, "k")
    assert throttle.take(db, limit, "k", now=3) is None


def test_parse_rate():
    assert Limit.parse("r", "20/3600") == Limit("r", 20, 3600) and Limit.parse("r", "5") == Limit("r", 5, 3600)
