"""The analysis: pure functions from the stored figures and a selection to one computed result.

Owns the metrics (change, realisation against the pace, the year-end forecast), the finance view
per selection (`FinanceView`: statements, key figures, exceptions, bridge), follower trends and
channel states, and the goals of an aim. Numbers stay numbers here; nothing is formatted. It may
import the data store (`dashboard.store`) only.
"""
