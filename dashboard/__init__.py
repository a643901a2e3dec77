"""The City of Heinola's budget-realisation dashboard."""

from importlib.metadata import version

__version__ = version("heinola-dashboard")

# Dash serves these with the package's components (dashboard/web/components.py), versioned for caching.
_js_dist = [{"relative_package_path": "web/components.js", "namespace": "dashboard"}]
