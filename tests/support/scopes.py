"""Region scopes for tests: national is every province (netra.accounts.policy.is_national)."""

from netra.regions import load_reference_regions

NATIONAL = tuple(r.code for r in load_reference_regions() if r.parent_code is None)
