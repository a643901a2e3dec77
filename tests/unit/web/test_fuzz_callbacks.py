"""Fuzz: the app's real callback requests and the finance page's view request, mutated hundreds of
times, never get a 5xx or a traceback.

The requests are built from the app's own registry of server-side callbacks (`app.callback_map`),
in the shape Dash's renderer posts them, with each input's value taken from the rendered page
(the validation layout), so a new callback or control is fuzzed without editing this file. A seeded
generator then changes types, sizes, ids and keys, and breaks the JSON; every answer must be a
success, a 204 or a 4xx with no traceback in it. `FUZZ_SEED=<n>` replays another sequence.
"""

from __future__ import annotations

import copy
import json
import os
import random
from typing import Any

import pytest
from dash.development.base_component import Component

from dashboard.serving.settings import Settings
from dashboard.store.files import DEFAULT_DATA_DIR
from dashboard.web import ids
from dashboard.web.app_factory import create_app

SEED = int(os.environ.get("FUZZ_SEED", "20241030"))
MUTATIONS = 400
CALLBACK_URL = "/_dash-update-component"
# Values the browser sends for the router's inputs, which the layout leaves empty.
ROUTER_VALUES = {("_pages_location", "pathname"): "/", ("_pages_location", "search"): "?area=vaalit&lang=fi"}


@pytest.fixture(scope="module")
def app():
    return create_app(Settings(data_dir=DEFAULT_DATA_DIR))


def _components(layout: Any) -> dict[str, Component]:
    found: dict[str, Component] = {}

    def walk(node: Any) -> None:
        if isinstance(node, list | tuple):
            for child in node:
                walk(child)
        elif isinstance(node, Component):
            if isinstance(getattr(node, "id", None), str):
                found.setdefault(node.id, node)
            walk(getattr(node, "children", None))

    walk(layout)
    return found


def real_requests(app) -> list[dict]:
    """One request per server-side callback, as the renderer posts it on the page's first draw."""
    components = _components(app.validation_layout)

    def with_value(dependency: dict) -> dict:
        key = (dependency["id"], dependency["property"])
        value = ROUTER_VALUES.get(key, getattr(components.get(dependency["id"]), dependency["property"], None))
        return {"id": dependency["id"], "property": dependency["property"], "value": value}

    requests = []
    for output, spec in app.callback_map.items():
        if not callable(spec.get("callback")):  # clientside: never posted to the server
            continue
        outputs = spec["output"] if isinstance(spec["output"], list) else [spec["output"]]
        described = [{"id": o.component_id, "property": o.component_property} for o in outputs]
        inputs = [with_value(d) for d in spec["inputs"]]
        requests.append(
            {
                "output": output,
                "outputs": described if isinstance(spec["output"], list) else described[0],
                "inputs": inputs,
                "changedPropIds": [f"{d['id']}.{d['property']}" for d in inputs],
                "state": [with_value(d) for d in spec.get("state", [])],
            }
        )
    return requests


def random_value(rng: random.Random, depth: int = 0) -> Any:
    kinds = ["none", "int", "float", "bool", "slug", "text", "long", "huge", "list", "dict", "nested", "many"]
    kind = rng.choice(kinds if depth < 3 else kinds[:8])
    if kind == "none":
        return None
    if kind == "int":
        return rng.choice([0, -1, 1, 2**31, -(2**63), 10**30])
    if kind == "float":
        return rng.choice([0.5, -1e308, 1e308, 3.14])
    if kind == "bool":
        return rng.choice([True, False])
    if kind == "slug":
        return rng.choice(["vaalit", "talouspalvelut", "nope", "", "../../etc/passwd", "<script>", "income", "en"])
    if kind == "text":
        return "".join(rng.choice("aäö€ <>&\"'\\\x00\n{}[]") for _ in range(rng.randint(1, 40)))
    if kind == "long":
        return "x" * rng.randint(100, 2000)  # within the limit: reaches the callback
    if kind == "huge":
        return "y" * rng.randint(2001, 200_000)  # over the limit: refused before the callback
    if kind == "list":
        return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 6))]
    if kind == "dict":
        return {str(rng.randint(0, 9)): random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))}
    if kind == "nested":
        value: Any = "vaalit"
        for _ in range(rng.randint(2, 40)):
            value = [value]
        return value
    return [rng.choice(["vaalit", "nope", "tarkastustoimi"]) for _ in range(rng.randint(50, 5000))]


def mutate(rng: random.Random, request: dict) -> tuple[str, bytes]:
    """A description and the body: one or two changes to a real request."""
    body = copy.deepcopy(request)
    changes = []
    for _ in range(rng.randint(1, 2)):
        dependencies = []
        for key in ("inputs", "state"):
            if isinstance(body, dict) and isinstance(body.get(key), list):
                dependencies += body[key]
        kind = rng.choice(["value", "value", "value", "id", "drop", "type", "extra", "output", "json", "swap"])
        if kind == "value" and dependencies:
            target = rng.choice(dependencies)
            if isinstance(target, dict):
                target["value"] = random_value(rng)
                changes.append(f"value of {target.get('id')}")
        elif kind == "id" and dependencies:
            target = rng.choice(dependencies)
            if isinstance(target, dict):
                target["id"] = rng.choice(["no-such-control", {"type": "x", "index": 1}, 7, None, ""])
                changes.append("id")
        elif kind == "drop" and isinstance(body, dict) and body:
            key = rng.choice(sorted(body))
            del body[key]
            changes.append(f"dropped {key}")
        elif kind == "type" and isinstance(body, dict) and body:
            key = rng.choice(sorted(body))
            body[key] = random_value(rng)
            changes.append(f"retyped {key}")
        elif kind == "extra" and isinstance(body, dict):
            body[rng.choice(["__proto__", "extra", "inputs2"])] = random_value(rng)
            changes.append("extra key")
        elif kind == "output" and isinstance(body, dict):
            body["output"] = rng.choice(["", "..x.children..", "nope.children", body.get("output", "") + "x"])
            changes.append("output")
        elif kind == "swap" and isinstance(body, dict) and isinstance(body.get("inputs"), list):
            rng.shuffle(body["inputs"])
            changes.append("inputs reordered")
        elif kind == "json":
            text = json.dumps(body)
            return "broken JSON", text[: rng.randint(0, max(len(text) - 1, 0))].encode()
    return ", ".join(changes) or "unchanged", json.dumps(body).encode()


def test_the_real_requests_succeed(app):
    client = app.server.test_client()
    requests = real_requests(app)
    division_filters = [r for r in requests if r["output"].startswith("..service-area-filter.options")]
    assert division_filters and len(division_filters[0]["inputs"]) == 1
    for request in requests:
        response = client.post(CALLBACK_URL, json=request)
        assert response.status_code in (200, 204), (request["output"], response.get_data(as_text=True)[:500])


def test_hundreds_of_mutated_requests_get_no_server_error(app):
    client = app.server.test_client()
    requests = real_requests(app)
    rng = random.Random(SEED)
    statuses: dict[int, int] = {}
    for number in range(MUTATIONS):
        request = rng.choice(requests)
        change, body = mutate(rng, request)
        response = client.post(CALLBACK_URL, data=body, content_type="application/json")
        text = response.get_data(as_text=True)
        where = f"mutation {number} (FUZZ_SEED={SEED}) of {request['output'][:40]}: {change}"
        assert response.status_code < 500, f"{where}: {response.status_code} {text[:500]}"
        assert "Traceback" not in text and 'File "' not in text, f"{where}: {text[:500]}"
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
    # The mutations must exercise both paths: refused at the door and answered by a callback.
    assert statuses.get(400, 0) > 50 and statuses.get(200, 0) > 50, statuses


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"", "application/json"),
        (b"null", "application/json"),
        (b"[]", "application/json"),
        (b"{", "application/json"),
        (b"\xff\xfe", "application/json"),
        (b"output=x", "application/x-www-form-urlencoded"),
    ],
)
def test_malformed_bodies_are_refused_with_400(app, body, content_type):
    response = app.server.test_client().post(CALLBACK_URL, data=body, content_type=content_type)
    assert response.status_code == 400
    assert "error" in response.get_json()


def mutated_view_query(rng: random.Random) -> tuple[str, list[tuple[str, str]]]:
    """A description and the query: the view request for a real selection, with one or two changes."""
    pairs = [("area", "vaalit"), ("group", "expenses"), ("measure", "eur"), ("bridge", "line")]
    pairs += [("division", "yhteiset-palvelut"), ("date", "2024-09-30"), ("lang", "fi")]
    changes = []
    for _ in range(rng.randint(1, 2)):
        kind = rng.choice(["value", "value", "repeat", "drop", "extra"])
        index = rng.randrange(len(pairs))
        name = pairs[index][0]
        if kind == "value":
            value = random_value(rng)
            pairs[index] = (name, value if isinstance(value, str) else json.dumps(value)[:300_000])
        elif kind == "repeat":
            pairs += [(name, pairs[index][1])] * rng.choice([2, 50, 500])
        elif kind == "drop":
            del pairs[index]
        else:
            pairs.append((rng.choice(["__proto__", "embed", "x" * 3000]), "1"))
        changes.append(f"{kind} {name}")
    return ", ".join(changes), pairs


def test_hundreds_of_mutated_view_requests_get_no_server_error(app):
    client = app.server.test_client()
    rng = random.Random(SEED)
    statuses: dict[int, int] = {}
    for number in range(MUTATIONS):
        change, pairs = mutated_view_query(rng)
        response = client.get("/" + ids.FINANCE_VIEW_PATH, query_string=pairs)
        text = response.get_data(as_text=True)
        where = f"view mutation {number} (FUZZ_SEED={SEED}): {change}"
        assert response.status_code < 500, f"{where}: {response.status_code} {text[:500]}"
        assert "Traceback" not in text and 'File "' not in text, f"{where}: {text[:500]}"
        if response.status_code == 200:
            assert set(response.get_json()) == {"parts", "figures"}, where
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
    assert statuses.get(400, 0) > 20 and statuses.get(200, 0) > 200, statuses
