"""Indonesian working days: no Saturdays, Sundays, national holidays or collective leave (cuti bersama).

The `holidays` package gives national holidays in its "public" category and cuti bersama in "government".
Cuti bersama is set each year by a joint ministerial decree and sometimes changed, and the package only knows
years that were announced when it was released: `extra_days_off` and `extra_working_days` let an administrator
correct the calendar in deadlines.yaml without a code change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def national_days_off(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("ID", years=year, categories=("public", "government")))


@dataclass(frozen=True)
class WorkCalendar:
    extra_days_off: frozenset[date] = frozenset()
    extra_working_days: frozenset[date] = frozenset()  # e.g. a cuti bersama later revoked

    def is_working_day(self, day: date) -> bool:
        if day in self.extra_working_days:
            return True
        if day in self.extra_days_off or day.weekday() >= 5:
            return False
        return day not in national_days_off(day.year)

    def add_working_days(self, day: date, n: int) -> date:
        """The n-th working day after `day` (`day` itself never counts, working or not)."""
        if n < 0:
            raise ValueError("n must not be negative")
        while n:
            day += timedelta(days=1)
            n -= self.is_working_day(day)
        return day


DEFAULT_CALENDAR = WorkCalendar()
