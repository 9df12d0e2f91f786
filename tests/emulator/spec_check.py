"""Validation of emulator answers against the matching response schema of Clerk's published spec.

The spec's location comes from `CLERK_FAPI_UPSTREAM_SPEC` (default:
`../shared/reference/clerk-fapi-2026-05-12.yml`
from the repository root). Without it the tests about the spec (those that ask for the `spec` fixture) skip
with a reason, except under `CI=true`, where its absence is a failure; the behaviour tests still run, and
validate what they receive only when the spec is there (the `checked` fixture).
"""

from __future__ import annotations

import functools
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_schema_validator import OAS30Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from . import spec_errata

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SPEC = REPO_ROOT.parent / "shared" / "reference" / "clerk-fapi-2026-05-12.yml"


def spec_path() -> Path:
    return Path(os.environ.get("CLERK_FAPI_UPSTREAM_SPEC", str(DEFAULT_SPEC)))


@dataclass
class Operation:
    method: str
    template: str
    pattern: re.Pattern[str]
    responses: dict[str, Any]


class Spec:
    def __init__(self, document: dict[str, Any]) -> None:
        self.document = spec_errata.apply(document)
        resource: Resource[Any] = Resource.from_contents(self.document, default_specification=DRAFT4)
        self.registry: Registry[Any] = Registry().with_resource("urn:clerk-fapi", resource)
        self.operations: list[Operation] = []
        for template, item in self.document["paths"].items():
            regex = "^" + re.sub(
                r"\{\w+\}", r"[^/]+", re.escape(template).replace(r"\{", "{").replace(r"\}", "}")
            )
            for method, op in item.items():
                if method in ("parameters", "summary", "description", "servers"):
                    continue
                self.operations.append(
                    Operation(method.upper(), template, re.compile(regex + "$"), op.get("responses", {}))
                )
        # Concrete paths first so `/v1/client/sessions` never matches a `{param}` template instead.
        self.operations.sort(key=lambda o: o.template.count("{"))

    def operation(self, method: str, path: str) -> Operation | None:
        return next((o for o in self.operations if o.method == method and o.pattern.match(path)), None)

    def _resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            target: Any = self.document
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            node = target
        return node

    def response_schema(self, method: str, path: str, status: int) -> dict[str, Any] | None:
        """The JSON schema of this answer; errors not declared for the operation use `ClerkErrors`."""
        op = self.operation(method, path)
        response = None
        if op is not None:
            response = op.responses.get(str(status))
        if response is None:
            if status >= 400:
                return {"$ref": "urn:clerk-fapi#/components/schemas/ClerkErrors"}
            return None
        content = self._resolve(response).get("content", {}).get("application/json")
        if content is None:
            return None
        schema = content["schema"]
        return _rebase(schema)

    def validate(self, method: str, path: str, status: int, body: bytes) -> None:
        """Raise `AssertionError` with the schema error if `body` does not match the spec."""
        schema = self.response_schema(method, path, status)
        if schema is None:
            return
        payload = json.loads(body)
        validator = OAS30Validator(schema, registry=self.registry)
        errors = sorted(validator.iter_errors(payload), key=lambda e: list(e.absolute_path))
        if errors:
            best = errors[0]
            where = "/".join(str(p) for p in best.absolute_path)
            raise AssertionError(
                f"{method} {path} -> {status}: body does not match the spec at '{where}': "
                f"{best.message[:400]}"
            )


def _rebase(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {
            k: (
                "urn:clerk-fapi" + v
                if k == "$ref" and isinstance(v, str) and v.startswith("#")
                else _rebase(v)
            )
            for k, v in schema.items()
        }
    if isinstance(schema, list):
        return [_rebase(v) for v in schema]
    return schema


@functools.cache
def _load(path: str) -> Spec:
    with open(path, encoding="utf-8") as handle:
        return Spec(yaml.safe_load(handle))


def find_spec() -> Spec | None:
    """The patched spec, or None when the file is absent (for validation that is not the point of a test)."""
    path = spec_path()
    return _load(str(path)) if path.is_file() else None


def load_spec() -> Spec:
    """The patched spec, or a skip (a failure under CI) when the file is absent."""
    path = spec_path()
    if not path.is_file():
        reason = f"published Frontend API spec not found at {path} (set CLERK_FAPI_UPSTREAM_SPEC)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return _load(str(path))
