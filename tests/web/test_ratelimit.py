from netra.web.ratelimit import RateLimiter, parse_rate


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_window_slides():
    clock = FakeClock()
    limiter = RateLimiter(2, 60, clock)
    assert limiter.retry_after("a") is None and limiter.retry_after("a") is None
    assert limiter.retry_after("a") == 60
    assert limiter.retry_after("b") is None  # other clients are not affected
    clock.now = 61
    assert limiter.retry_after("a") is None


def test_parse_rate():
    assert parse_rate("20/3600") == (20, 3600.0) and parse_rate("5") == (5, 3600.0)
