"""The presentation: computed results become what people read, with no web framework involved.

Owns the Finnish and English texts, the one formatter of numbers and dates, typed tables and
their cells, the figure builders (each chart's title, summary sentence, Plotly figure and table
alternative), and the exports' contents and files (CSV, XLSX). It may import the analysis and the
data store (`dashboard.analysis`, `dashboard.store`); never Dash, the server or the web pages.
"""
