"""Conformance: everything openapi.yaml declares also exists in Clerk's published Frontend API spec.

For every operation of ours, the same method and path (placeholders compared as ``{}``) must exist
upstream; every request field (form body property, query, header and path parameter) must exist upstream
for that operation; every property of every response schema, recursively, must exist in the upstream
counterpart for the same status (our ``default`` error answer is compared with upstream's error answers).
Upstream ``allOf``/``oneOf``/``anyOf`` count as one union of properties.

Differences are keyed ``(location, field)``: the location is an operation (``"POST /v1/dev_browser"``,
``"... 200"`` for a response) or our schema (``"Session"``, ``"Session.actor"`` for an inline one). The
deliberate ones are listed, with their reason, in ``deviations.py``; anything else fails, and so does a
listed deviation that no longer occurs.
"""

from __future__ import annotations

import copy
import importlib.util
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
FORM = "application/x-www-form-urlencoded"
COMPOSITIONS = ("allOf", "oneOf", "anyOf")
SCHEMA_PREFIX = "#/components/schemas/"

Key = tuple[str, str]


def load_deviations() -> dict[Key, str]:
    """``deviations.py`` beside this file, loaded by path so no other module of that name can shadow it."""
    spec = importlib.util.spec_from_file_location(
        "fidelity_deviations", Path(__file__).with_name("deviations.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    deviations: dict[Key, str] = module.DEVIATIONS
    return deviations


def normalise_path(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path)


def placeholders(path: str) -> list[str]:
    return re.findall(r"\{([^}]*)\}", path)


def extend_trail(trail: str, name: str) -> str:
    """``"GET /v1/client 200:"`` + ``response`` -> ``"GET /v1/client 200: response"``, then ``.sessions``."""
    return f"{trail} {name}" if trail.endswith(":") else f"{trail}.{name}"


@dataclass
class Checker:
    """Walks our spec against the upstream one and collects the differences."""

    ours: dict[str, Any]
    upstream: dict[str, Any]
    differences: set[Key] = field(default_factory=set)
    # Where each difference was met (operation, status and property trail): for messages and reasons.
    contexts: dict[Key, set[str]] = field(default_factory=dict)
    compared_properties: int = 0
    _seen: set[tuple[str, tuple[int, ...], int]] = field(default_factory=set)

    # ----- references and compositions -------------------------------------------------------------
    @staticmethod
    def deref(document: dict[str, Any], node: Any) -> Any:
        """Follow ``$ref`` (local only) until a node without one is reached."""
        while isinstance(node, dict) and "$ref" in node:
            target: Any = document
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
        return node

    def variants(self, document: dict[str, Any], node: Any) -> list[dict[str, Any]]:
        """The concrete schemas a schema stands for: references followed, compositions flattened."""
        node = self.deref(document, node)
        if not isinstance(node, dict):
            return []
        found = [node]
        for keyword in COMPOSITIONS:
            for member in node.get(keyword, []):
                found.extend(self.variants(document, member))
        return found

    # ----- operations --------------------------------------------------------------------------------
    @staticmethod
    def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any], dict[str, Any]]]:
        for path, item in spec.get("paths", {}).items():
            for method in HTTP_METHODS:
                if method in item:
                    yield path, method, item, item[method]

    def parameters(
        self, document: dict[str, Any], item: dict[str, Any], operation: dict[str, Any]
    ) -> list[Any]:
        merged: dict[tuple[str, str], Any] = {}
        for raw in [*item.get("parameters", []), *operation.get("parameters", [])]:
            parameter = self.deref(document, raw)
            name = parameter["name"].lower() if parameter["in"] == "header" else parameter["name"]
            merged[(parameter["in"], name)] = parameter
        return list(merged.values())

    def form_properties(self, document: dict[str, Any], operation: dict[str, Any]) -> set[str] | None:
        """Names of the form body's properties, or None when the operation declares no form body."""
        if "requestBody" not in operation:
            return None
        content = self.deref(document, operation["requestBody"]).get("content", {})
        if FORM not in content:
            return None
        names: set[str] = set()
        for variant in self.variants(document, content[FORM].get("schema", {})):
            names.update(variant.get("properties", {}))
        return names

    def check(self) -> set[Key]:
        upstream_paths = {normalise_path(path): path for path in self.upstream.get("paths", {})}
        for path, method, item, operation in self.operations(self.ours):
            where = f"{method.upper()} {path}"
            upstream_path = upstream_paths.get(normalise_path(path))
            upstream_item = self.upstream["paths"].get(upstream_path, {}) if upstream_path else {}
            if method not in upstream_item:
                self.report((where, "<operation>"), where)
                continue
            assert upstream_path is not None
            self.check_request(
                where, path, item, operation, upstream_path, upstream_item, upstream_item[method]
            )
            self.check_responses(where, operation, upstream_item[method])
        return self.differences

    def check_request(
        self,
        where: str,
        path: str,
        item: dict[str, Any],
        operation: dict[str, Any],
        upstream_path: str,
        upstream_item: dict[str, Any],
        upstream_operation: dict[str, Any],
    ) -> None:
        theirs = {
            (p["in"], p["name"].lower() if p["in"] == "header" else p["name"])
            for p in self.parameters(self.upstream, upstream_item, upstream_operation)
        }
        our_slots, their_slots = placeholders(path), placeholders(upstream_path)
        for parameter in self.parameters(self.ours, item, operation):
            location, name = parameter["in"], parameter["name"]
            if location == "path":
                # Path parameter names may differ; the placeholder at the same position must be declared.
                if name in our_slots and ("path", their_slots[our_slots.index(name)]) in theirs:
                    continue
            elif (location, name.lower() if location == "header" else name) in theirs:
                continue
            self.report((where, f"{location} {name}"), where)
        ours = self.form_properties(self.ours, operation) or set()
        upstream_form = self.form_properties(self.upstream, upstream_operation) or set()
        for name in sorted(ours - upstream_form):
            self.report((where, f"form {name}"), where)

    # ----- responses -----------------------------------------------------------------------------------
    @staticmethod
    def is_error(status: str) -> bool:
        return status == "default" or status[:1] in ("4", "5")

    def response_schemas(self, document: dict[str, Any], responses: Iterable[Any]) -> list[Any]:
        schemas = []
        for raw in responses:
            content = self.deref(document, raw).get("content", {})
            if "application/json" in content and "schema" in content["application/json"]:
                schemas.append(content["application/json"]["schema"])
        return schemas

    def check_responses(
        self, where: str, operation: dict[str, Any], upstream_operation: dict[str, Any]
    ) -> None:
        upstream_responses = {str(k): v for k, v in upstream_operation.get("responses", {}).items()}
        for status, response in operation.get("responses", {}).items():
            status = str(status)
            ours = self.response_schemas(self.ours, [response])
            if not ours:
                continue
            if self.is_error(status):
                counterpart = [r for s, r in upstream_responses.items() if self.is_error(s)]
            else:
                counterpart = [upstream_responses[status]] if status in upstream_responses else []
            if not counterpart:
                self.report((f"{where} {status}", "<response>"), where)
                continue
            theirs = self.response_schemas(self.upstream, counterpart)
            if not theirs:
                self.report((f"{where} {status}", "<body>"), where)
                continue
            self.compare(ours[0], f"{where} {status}", theirs, f"{where} {status}:")

    def location_of(self, node: Any, inline_location: str) -> str:
        """Our schema's name when ``node`` is (or wraps, as ``allOf: [$ref]``) a component reference."""
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX):
                return ref.removeprefix(SCHEMA_PREFIX)
            members = node.get("allOf", [])
            if len(members) == 1:
                return self.location_of(members[0], inline_location)
        return inline_location

    def report(self, key: Key, context: str) -> None:
        self.differences.add(key)
        self.contexts.setdefault(key, set()).add(context)

    def compare(self, ours: Any, location: str, theirs: list[Any], trail: str) -> None:
        """Every property (and array item) of ``ours`` must exist in one of the upstream schemas ``theirs``.

        ``location`` names our schema (the key of a difference); ``trail`` is where we are in the
        response (``"GET /v1/client 200: response.sessions[]"``), kept as context.
        """
        location = self.location_of(ours, location)
        upstream_variants = [v for node in theirs for v in self.variants(self.upstream, node)]
        # The same pair of schemas always gives the same differences: compare each pair once.
        seen_key = (
            location,
            tuple(sorted(id(v) for v in upstream_variants)),
            id(self.deref(self.ours, ours)),
        )
        if seen_key in self._seen:
            return
        self._seen.add(seen_key)
        our_variants = self.variants(self.ours, ours)
        our_properties = [(n, s) for v in our_variants for n, s in v.get("properties", {}).items()]
        if our_properties and not any("properties" in v or "items" in v for v in upstream_variants):
            # Upstream leaves this value untyped (a bare object) here: none of our fields can be matched.
            self.report((location, "<untyped upstream>"), trail)
            return

        upstream_properties: dict[str, list[Any]] = {}
        for variant in upstream_variants:
            for name, schema in variant.get("properties", {}).items():
                upstream_properties.setdefault(name, []).append(schema)
        for name, schema in our_properties:
            self.compared_properties += 1
            if name not in upstream_properties:
                self.report((location, name), extend_trail(trail, name))
            else:
                self.compare(
                    schema, f"{location}.{name}", upstream_properties[name], extend_trail(trail, name)
                )

        our_items = [v["items"] for v in our_variants if "items" in v]
        upstream_items = [v["items"] for v in upstream_variants if "items" in v]
        for items in our_items:
            if upstream_items:
                self.compare(items, f"{location}[]", upstream_items, f"{trail}[]")
            elif any(v.get("properties") for v in self.variants(self.ours, items)):
                self.report((location, "<items>"), trail)


def run_checker(ours: dict[str, Any], upstream: dict[str, Any]) -> Checker:
    checker = Checker(ours, upstream)
    checker.check()
    return checker


def describe(keys: Iterable[Key], contexts: dict[Key, set[str]] | None = None) -> str:
    """One line a key, written as it would be in deviations.py, with where it was met."""
    lines = []
    for key in sorted(keys):
        seen_at = sorted((contexts or {}).get(key, ()))
        where = (
            f"  # at {seen_at[0]}" + (f" (+{len(seen_at) - 1} more)" if len(seen_at) > 1 else "")
            if seen_at
            else ""
        )
        lines.append(f"{key!r}{where}")
    return "\n  ".join(lines)


def test_every_difference_from_upstream_is_a_listed_deviation(
    our_spec: dict[str, Any], upstream_spec: dict[str, Any]
) -> None:
    checker = run_checker(our_spec, upstream_spec)
    compared = checker.compared_properties
    assert compared > 200, f"only {compared} properties compared: the walk no longer reaches the schemas"
    unlisted = checker.differences - load_deviations().keys()
    assert not unlisted, (
        "openapi.yaml declares things Clerk's published spec does not have; fix openapi.yaml or, if"
        " deliberate, list them with a reason in tests/fidelity/spec/deviations.py:\n  "
        + describe(unlisted, checker.contexts)
    )


def test_no_listed_deviation_is_stale(our_spec: dict[str, Any], upstream_spec: dict[str, Any]) -> None:
    stale = load_deviations().keys() - run_checker(our_spec, upstream_spec).differences
    assert not stale, (
        "deviations listed in tests/fidelity/spec/deviations.py no longer occur; remove them:\n  "
        + describe(stale)
    )


def test_every_deviation_has_a_reason() -> None:
    empty = [key for key, reason in load_deviations().items() if len(reason.strip()) < 20]
    assert not empty, f"deviations without a real reason: {empty}"


def test_an_invented_response_field_is_reported(
    our_spec: dict[str, Any], upstream_spec: dict[str, Any]
) -> None:
    mutated = copy.deepcopy(our_spec)
    mutated["components"]["schemas"]["Session"]["properties"]["invented_field"] = {"type": "string"}
    mutated["components"]["schemas"]["Verification"]["properties"]["invented_nested"] = {"type": "string"}
    differences = run_checker(mutated, upstream_spec).differences
    assert ("Session", "invented_field") in differences
    assert ("Verification", "invented_nested") in differences


def test_an_invented_path_is_reported(our_spec: dict[str, Any], upstream_spec: dict[str, Any]) -> None:
    mutated = copy.deepcopy(our_spec)
    some_operation = copy.deepcopy(mutated["paths"]["/v1/environment"]["get"])
    some_operation["operationId"] = "inventedOperation"
    mutated["paths"]["/v1/invented/{thing_id}"] = {"get": some_operation}
    mutated["paths"]["/v1/environment"]["delete"] = copy.deepcopy(some_operation)
    differences = run_checker(mutated, upstream_spec).differences
    assert ("GET /v1/invented/{thing_id}", "<operation>") in differences
    assert ("DELETE /v1/environment", "<operation>") in differences


def test_an_invented_request_field_is_reported(
    our_spec: dict[str, Any], upstream_spec: dict[str, Any]
) -> None:
    mutated = copy.deepcopy(our_spec)
    mutated["components"]["schemas"]["CreateSignInForm"]["properties"]["invented_form_field"] = {
        "type": "string"
    }
    operation = mutated["paths"]["/v1/client/sign_ins"]["post"]
    operation.setdefault("parameters", []).append({"name": "invented_query", "in": "query", "schema": {}})
    differences = run_checker(mutated, upstream_spec).differences
    assert ("POST /v1/client/sign_ins", "form invented_form_field") in differences
    assert ("POST /v1/client/sign_ins", "query invented_query") in differences
