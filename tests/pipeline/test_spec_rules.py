"""Rules openapi.yaml must keep so that the generated code survives real traffic (FAPI.md §7).

Each test names one rule; a violation is listed with its location in the document (a JSON pointer).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
FORM = "application/x-www-form-urlencoded"
# Properties whose values the server keeps extending: a closed enum would reject tomorrow's value.
OPEN_STRING_PROPERTIES = ("status", "strategy", "next_action")
OPEN_STRING_LISTS = ("supported_identifiers", "supported_strategies")


def walk(node: Any, pointer: str = "#") -> Iterator[tuple[str, Any]]:
    """Yield ``(json pointer, node)`` for the node and everything inside it."""
    yield pointer, node
    if isinstance(node, dict):
        for key, value in node.items():
            escaped = str(key).replace("~", "~0").replace("/", "~1")
            yield from walk(value, f"{pointer}/{escaped}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{pointer}/{index}")


def resolve_pointer(document: dict[str, Any], ref: str) -> Any:
    """The node a local ``$ref`` points at; ``KeyError`` if it does not resolve."""
    if not ref.startswith("#/"):
        raise KeyError(f"not a local reference: {ref}")
    node: Any = document
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def deref(document: dict[str, Any], node: Any) -> Any:
    """Follow ``$ref`` until a node without one is reached."""
    while isinstance(node, dict) and "$ref" in node:
        node = resolve_pointer(document, node["$ref"])
    return node


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield path, method, item[method]


def reachable(spec: dict[str, Any], roots: list[tuple[str, Any]]) -> Iterator[tuple[str, Any]]:
    """Every node reachable from ``roots``, following ``$ref`` (each referenced target visited once)."""
    seen: set[str] = set()
    stack = list(roots)
    while stack:
        pointer, node = stack.pop()
        for inner_pointer, inner in walk(node, pointer):
            yield inner_pointer, inner
            if isinstance(inner, dict) and isinstance(inner.get("$ref"), str) and inner["$ref"] not in seen:
                seen.add(inner["$ref"])
                stack.append((inner["$ref"], resolve_pointer(spec, inner["$ref"])))


def response_nodes(spec: dict[str, Any], error_only: bool = False) -> Iterator[tuple[str, Any]]:
    """Everything the server may send back: all response objects, with the schemas they reach."""
    roots = []
    for path, method, operation in operations(spec):
        for status, response in operation.get("responses", {}).items():
            if error_only and not (status == "default" or str(status)[0] in "45"):
                continue
            pointer = f"#/paths/{path.replace('/', '~1')}/{method}/responses/{status}"
            roots.append((pointer, response))
    return reachable(spec, roots)


def test_every_ref_resolves(our_spec: dict[str, Any]) -> None:
    broken = []
    for pointer, node in walk(our_spec):
        if isinstance(node, dict) and "$ref" in node:
            try:
                resolve_pointer(our_spec, node["$ref"])
            except (KeyError, IndexError, ValueError, TypeError):
                broken.append(f"{pointer}: {node['$ref']}")
    assert not broken, "unresolved $ref:\n  " + "\n  ".join(broken)


def test_every_operation_has_a_unique_operation_id(our_spec: dict[str, Any]) -> None:
    ids = [str(op["operationId"]) for _, _, op in operations(our_spec) if "operationId" in op]
    missing = [
        f"{method.upper()} {path}" for path, method, op in operations(our_spec) if not op.get("operationId")
    ]
    assert not missing, f"operations without operationId: {missing}"
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"duplicate operationIds: {duplicates}"


def test_every_request_body_is_form_encoded(our_spec: dict[str, Any]) -> None:
    wrong = []
    for path, method, operation in operations(our_spec):
        if "requestBody" in operation:
            content = deref(our_spec, operation["requestBody"]).get("content", {})
            if list(content) != [FORM]:
                wrong.append(f"{method.upper()} {path}: {sorted(content)}")
    assert not wrong, f"request bodies must be {FORM} only:\n  " + "\n  ".join(wrong)


def test_no_response_schema_forbids_additional_properties(our_spec: dict[str, Any]) -> None:
    closed = [
        pointer
        for pointer, node in response_nodes(our_spec)
        if isinstance(node, dict) and node.get("additionalProperties") is False
    ]
    assert not closed, "additionalProperties: false drops unknown server fields:\n  " + "\n  ".join(closed)


def open_string_violation(schema: Any) -> str | None:
    """Why ``schema`` is not a plain open string, or None if it is one."""
    if not isinstance(schema, dict):
        return "not a schema"
    if "$ref" in schema or "allOf" in schema or "oneOf" in schema or "anyOf" in schema:
        return "must be an inline string, not a reference or composition"
    if schema.get("type") != "string":
        return f"type is {schema.get('type')!r}, not 'string'"
    if "enum" in schema:
        return "has an enum"
    return None


def test_server_growing_values_are_open_strings(our_spec: dict[str, Any]) -> None:
    problems = []
    checked = 0
    for pointer, node in walk(our_spec):
        if not (isinstance(node, dict) and isinstance(node.get("properties"), dict)):
            continue
        for name, schema in node["properties"].items():
            if name in OPEN_STRING_PROPERTIES:
                target = schema
            elif name in OPEN_STRING_LISTS:
                target = schema.get("items") if isinstance(schema, dict) else None
            else:
                continue
            checked += 1
            reason = open_string_violation(target)
            if reason:
                problems.append(f"{pointer}/properties/{name}: {reason}")
    assert checked, "found no status/strategy properties at all: is the walk still looking at the spec?"
    assert not problems, "server-growing values must be plain strings:\n  " + "\n  ".join(problems)


def test_refs_have_no_siblings(our_spec: dict[str, Any]) -> None:
    """The generator ignores a ``$ref``'s siblings (``nullable: true`` is lost): use ``allOf: [$ref]``."""
    bad = [
        f"{pointer}: {sorted(set(node) - {'$ref'})}"
        for pointer, node in walk(our_spec)
        if isinstance(node, dict) and "$ref" in node and len(node) > 1
    ]
    assert not bad, "a $ref with siblings (write nullable: true + allOf: [$ref]):\n  " + "\n  ".join(bad)


def test_nullable_compositions_wrap_a_single_ref(our_spec: dict[str, Any]) -> None:
    bad = []
    for pointer, node in walk(our_spec):
        if isinstance(node, dict) and node.get("nullable") is True and "allOf" in node:
            members = node["allOf"]
            if len(members) != 1 or set(members[0]) != {"$ref"}:
                bad.append(pointer)
    assert not bad, "nullable allOf must be exactly [ {$ref} ]:\n  " + "\n  ".join(bad)


def test_no_error_field_is_required(our_spec: dict[str, Any]) -> None:
    required = [
        f"{pointer}: {node['required']}"
        for pointer, node in response_nodes(our_spec, error_only=True)
        if isinstance(node, dict) and node.get("required") and isinstance(node.get("properties"), dict)
    ]
    assert not required, (
        "real errors may lack any field; nothing in an error may be required:\n  " + "\n  ".join(required)
    )


@pytest.mark.parametrize("name", ["ClerkErrors", "ClerkError"])
def test_error_schemas_are_reached_from_error_responses(our_spec: dict[str, Any], name: str) -> None:
    """Guards the previous test: it must actually be looking at the error schemas."""
    pointers = {pointer for pointer, _ in response_nodes(our_spec, error_only=True)}
    assert f"#/components/schemas/{name}" in pointers
