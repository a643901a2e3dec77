"""Serving: how the app runs behind a city's web server.

Owns the settings (read once from the environment), security headers and request checks,
compression and cache headers, and the live data (the last good dataset kept when a replaced one
is refused). It may import the presentation (the languages), the analysis and the data store;
the web layer builds on it, never the other way round.
"""
