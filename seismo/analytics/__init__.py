"""Analytics over the `events` table (or view): SQL first, Python for what SQL can't do."""

from seismo.analytics.dyads import dyad_series
from seismo.analytics.network import network
from seismo.analytics.shifts import detect_shifts, top_movers
from seismo.analytics.stances import latest_stances

__all__ = ["detect_shifts", "dyad_series", "latest_stances", "network", "top_movers"]
