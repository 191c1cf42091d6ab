"""Public reporting: what a report holds, how it is checked, and how its evidence is recognised."""
