"""How responses travel: compressed (brotli or gzip), and static files cached by the browser.

Pages, layouts and callback answers are compressed per response by Flask-Compress. Static files
(the page's scripts and stylesheets under `/assets/` and `/_dash-component-suites/`) never
change while the app runs, so each is compressed once, harder, and kept in memory: the plotly.js
bundle costs 0.3 s to compress at brotli quality 9, once per worker instead of on every request.
Asset links carry their file's modification time (`?m=…`) and Dash's component scripts a version
in their names, so both may be cached for a year; any other static request revalidates.
Under gunicorn the master compresses every file the page links before it forks its workers
(`precompress_static`, from `gunicorn.conf.py`): each worker starts with them, so no first
visitor waits 0.3 s on a worker compressing plotly.js.

Every static script is served with V8's compile hint for a whole file (`//# allFunctionsCalledOnLoad`,
Chromium 136 on) as its first line: the browser then compiles all of its functions while the file
streams in, on a background thread, instead of one at a time on the main thread as the page first
calls them. On a first load that took plotly.js's evaluation from one 160–190 ms task to under
50 ms, and Dash's renderer's first render by a third (docs/performance.md, issue 16).

plotly.js itself is a partial bundle in `assets/`, which Dash loads before `dcc.Graph` would fetch
its full 4.8 MB copy; `check_plotly_bundle` stops the start when it is not the plotly.js that the
installed plotly.py builds its figures for.
"""

from __future__ import annotations

import gzip
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import flask
import plotly
from flask_compress import Compress
from plotly.offline import get_plotlyjs_version

STATIC_PREFIXES = ("/assets/", "/_dash-component-suites/")
STATIC_TYPES = frozenset({"application/javascript", "text/javascript", "text/css", "application/json", "image/svg+xml"})
ONE_YEAR = 31_536_000
STATIC_BROTLI_QUALITY = 9  # 11 saves another 9 % on plotly.js but takes 6 s
DYNAMIC_BROTLI_QUALITY = 4  # callback answers: a few milliseconds each
SCRIPT_TYPES = frozenset({"application/javascript", "text/javascript"})
COMPILE_HINT = b"//# allFunctionsCalledOnLoad\n"
PLOTLY_BUNDLE_GLOB = "plotly-finance-*.min.js"
# The licence header of plotly.js's dist files: "plotly.js (finance - minified) v4.1.1".
PLOTLY_HEADER_VERSION = re.compile(r"plotly\.js \(finance[^)]*\) v(\d+\.\d+\.\d+\S*)")
LINKED_FILE = re.compile(r'<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"')


def _chosen_encoding(accept_encoding: str) -> str | None:
    offered = {part.split(";")[0].strip().lower() for part in accept_encoding.split(",")}
    return next((name for name in ("br", "gzip") if name in offered), None)


def _compress(data: bytes, encoding: str) -> bytes:
    if encoding == "br":
        return brotli.compress(data, quality=STATIC_BROTLI_QUALITY)
    return gzip.compress(data, compresslevel=9, mtime=0)


def _with_compile_hint(script: bytes) -> bytes:
    """A script with V8's eager-compile hint as its first line."""
    return script if script.startswith(COMPILE_HINT) else COMPILE_HINT + script


class StaticCompressor:
    """An `after_request` hook: serve static files compressed once and cached, with cache headers,
    scripts with the compile hint."""

    def __init__(self, url_prefix: str = "/") -> None:
        self._cache: dict[tuple[str, str, str], bytes] = {}  # (path, validator, encoding) → body
        self._lock = threading.Lock()
        # Behind a proxy the app's paths start with URL_PREFIX (e.g. /talous/assets/…).
        self._static = tuple(url_prefix.rstrip("/") + prefix for prefix in STATIC_PREFIXES)

    def __call__(self, response: flask.Response) -> flask.Response:
        request = flask.request
        if request.method not in ("GET", "HEAD") or not request.path.startswith(self._static):
            return response
        if request.path.startswith(self._static[0]):  # component suites carry Dash's own headers
            immutable = "m" in request.args
            response.cache_control.public = True
            response.cache_control.max_age = ONE_YEAR if immutable else 0
            response.cache_control.no_cache = None if immutable else True
        if response.cache_control.max_age == ONE_YEAR:
            response.cache_control.immutable = True
        response.vary.add("Accept-Encoding")
        if response.status_code != 200 or "Content-Encoding" in response.headers:
            return response
        script = response.mimetype in SCRIPT_TYPES
        encoding = _chosen_encoding(request.headers.get("Accept-Encoding", ""))
        if encoding is None or response.mimetype not in STATIC_TYPES:
            if script:
                response.direct_passthrough = False
                response.set_data(_with_compile_hint(response.get_data()))
            return response
        etag, _ = response.get_etag()
        key = (request.path, etag or response.headers.get("Last-Modified", ""), encoding)
        with self._lock:
            body = self._cache.get(key)
        if body is None:
            response.direct_passthrough = False
            data = response.get_data()
            body = _compress(_with_compile_hint(data) if script else data, encoding)
            with self._lock:
                self._cache[key] = body
        response.direct_passthrough = False
        response.set_data(body)
        response.headers["Content-Encoding"] = encoding
        if etag:  # one validator for every encoding of the same file: weak, as RFC 9110 allows
            response.set_etag(etag, weak=True)
        return response


def configure_delivery(server: flask.Flask, url_prefix: str = "/") -> None:
    """Compress every compressible response and cache static files; call once per app."""
    server.config.update(
        COMPRESS_ALGORITHM=["br", "gzip"],
        COMPRESS_BR_LEVEL=DYNAMIC_BROTLI_QUALITY,
        COMPRESS_LEVEL=6,
        COMPRESS_MIN_SIZE=500,
    )
    Compress(server)
    # Flask runs after_request hooks last-registered first: static files are compressed here
    # (once, cached) before Flask-Compress sees them, which leaves a response with an encoding alone.
    compressor = StaticCompressor(url_prefix)
    server.extensions["static_compressor"] = compressor
    server.after_request(compressor)


def precompress_static(server: flask.Flask, page: str = "/") -> list[str]:
    """Request every static file `page` links, in each encoding, so that the compressor holds them.

    Called in gunicorn's master before it forks (`when_ready`): the workers inherit the bodies.
    Returns the files' paths (none for an app without `configure_delivery`)."""
    if "static_compressor" not in server.extensions:
        return []
    client = server.test_client()
    html = client.get(page, headers={"Accept-Encoding": "identity"}).get_data(as_text=True)
    files = [url for url in dict.fromkeys(LINKED_FILE.findall(html)) if _is_static(urlsplit(url).path)]
    for url in files:
        for encoding in ("br", "gzip"):
            client.get(url, headers={"Accept-Encoding": encoding})
    return files


def _is_static(path: str) -> bool:
    return any(prefix in path for prefix in STATIC_PREFIXES)


class PlotlyBundleError(RuntimeError):
    """The partial plotly.js bundle in assets/ is missing, doubled, or not plotly.py's plotly.js."""


def _rebuild_hint(assets_dir: Path, expected: str) -> str:
    # The bundle is plotly.js's own finance build, unchanged (docs/performance.md, 2026-11-27).
    return (
        f"To rebuild: npm pack plotly.js@{expected} && tar -xzf plotly.js-{expected}.tgz package/dist/plotly-finance.min.js"
        f" && mv package/dist/plotly-finance.min.js {assets_dir / f'plotly-finance-{expected}.min.js'}"
        " (the finance build: bar, waterfall, scatter, pie, histogram, funnel, candlestick, ohlc, indicator)"
        " and remove any older bundle."
    )


def check_plotly_bundle(assets_dir: Path) -> Path:
    """Return the one plotly.js bundle in `assets_dir`, if it is the version plotly.py expects.

    Figures are built by plotly.py against one plotly.js; a bundle left behind by an upgrade could
    draw them differently or not at all, and Dash would load two bundles without complaint.
    """
    expected = get_plotlyjs_version()
    bundles = sorted(assets_dir.glob(PLOTLY_BUNDLE_GLOB))
    if not bundles:
        raise PlotlyBundleError(
            f"No plotly.js bundle ({PLOTLY_BUNDLE_GLOB}) in {assets_dir}: the installed plotly.py expects"
            f" plotly.js {expected}. {_rebuild_hint(assets_dir, expected)}"
        )
    if len(bundles) > 1:
        raise PlotlyBundleError(
            f"More than one plotly.js bundle in {assets_dir} ({', '.join(b.name for b in bundles)}): Dash would load"
            f" them all; keep plotly-finance-{expected}.min.js, the plotly.js the installed plotly.py expects."
        )
    bundle = bundles[0]
    with bundle.open(encoding="utf-8", errors="replace") as file:
        found = PLOTLY_HEADER_VERSION.search(file.read(500))
    version = found.group(1) if found else "unknown (no version in its licence header)"
    if version != expected:
        raise PlotlyBundleError(
            f"{bundle} is plotly.js {version}, but the installed plotly.py {plotly.__version__} expects plotly.js"
            f" {expected}. {_rebuild_hint(assets_dir, expected)}"
        )
    if bundle.name != f"plotly-finance-{expected}.min.js":
        raise PlotlyBundleError(f"{bundle} is plotly.js {version}: rename it plotly-finance-{version}.min.js.")
    return bundle
