"""The civil-servant register: who a case is about, across cases and elections.

NIP validation, the rows agencies export (CSV/XLSX with Indonesian headers), and BKN's own follow-up actions.
Pure domain: no storage, no web.
"""

from netra.people.nip import InvalidNip, Nip, parse_nip
from netra.people.register import CivilServant, RegisterFileError, RowError, Status, read_register

__all__ = ["CivilServant", "InvalidNip", "Nip", "RegisterFileError", "RowError", "Status", "parse_nip",
           "read_register"]
