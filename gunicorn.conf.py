"""Production serving: `gunicorn -c gunicorn.conf.py app:server` (from this folder).

The app keeps no per-user state (a view lives in its URL and the browser), so any worker, or any
host behind a load balancer, can answer any request. Binds HOST:PORT like `python app.py`.
"""

import multiprocessing
import os

from dashboard.serving.delivery import precompress_static
from dashboard.serving.settings import Settings

_settings = Settings.from_env()

bind = f"{_settings.host}:{_settings.port}"
# WEB_CONCURRENCY is gunicorn's own variable; two workers per CPU keep every core busy while one
# worker waits on a socket. Each worker holds the dataset and its result caches (~150 MB).
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count()))
worker_class = "gthread"
threads = 4  # a slow first draw does not hold up the page's scripts and small callbacks
preload_app = True  # load and check the data once, in the master: bad data stops the start with a sentence
timeout = 60
graceful_timeout = 30
keepalive = 5
max_requests = 5000  # recycle a worker now and then, so caches and fragmentation stay bounded
max_requests_jitter = 500
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
loglevel = _settings.log_level.lower()
accesslog = "-"
errorlog = "-"


def when_ready(server):
    """In the master, before the workers fork: compress the page's static files once for all of them."""
    try:
        files = precompress_static(server.app.wsgi())
    except Exception:  # a start without them is slower for the first visitors, not broken
        server.log.exception("static files not compressed before the workers started")
    else:
        server.log.info("static files compressed for the workers: %d", len(files))
