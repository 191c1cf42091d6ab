"""Indonesia's provinces and regencies/cities: the regional scope of every case, account and statistic."""

from netra.regions.model import Region, RegionKind, TimeZone, covers, province_of
from netra.regions.source import load_reference_regions

__all__ = ["Region", "RegionKind", "TimeZone", "covers", "load_reference_regions", "province_of"]
