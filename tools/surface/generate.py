#!/usr/bin/env python3
"""Twilio's whole REST surface, declared with `#[twilio_resource]`.

Reads Twilio's public OpenAPI descriptions, classifies every operation the way the attribute
declares it (operation key, `path`, `base_url`, `rename_all`, `body`, `update_method`,
`idempotency_key`), groups the operations into one struct per host and path, and writes the
integration test `tests/surface.rs` + `tests/surface/<description>.rs`: every struct with its own
body and filter types, and one call per operation against the local server
(`tests/surface/harness.rs`, written by hand, checks what each call sent).

    python3 tools/surface/generate.py                  # regenerate
    python3 tools/surface/generate.py --report         # counts, and what the design cannot express
    python3 tools/surface/generate.py --check          # exit 1 when the checked-in output is stale
    python3 tools/surface/generate.py --from-surface   # ignore the descriptions, read surface.json

The descriptions live outside the repository: `--specs DIR`, else `$TWILIO_SPECS`, else
`../shared/specs` beside the repository. What the generator needs of them is kept in
`tools/surface/surface.json` (one operation per line, checked in), so regenerating and `--check`
work without them. Generated Rust goes through `rustfmt` (the pinned toolchain's).

Python 3.11, standard library only.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SURFACE_JSON = HERE / "surface.json"
TESTS = ROOT / "tests"
OUT_MAIN = TESTS / "surface.rs"
OUT_DIR = TESTS / "surface"

METHODS = ("get", "post", "put", "patch", "delete")
VERB_PREFIXES = ("Fetch", "List", "Create", "Update", "Delete", "Patch")
# Query parameters the runtime's `List` sends itself; everything else is a filter field.
PAGING_PARAMS = {"PageSize", "Page", "PageToken", "pageSize", "pageToken"}
# Placeholder parameter names the attribute refuses (Rust's own plus the generated functions').
RESERVED_PARAMS = {"self", "super", "crate", "client", "body", "filter", "query", "_"}
IDEMPOTENCY_HEADER = "Idempotency-Key"
FORM = "application/x-www-form-urlencoded"


# ----------------------------------------------------------------------------------------------
# Extraction: the descriptions → surface.json (one record per operation, only what is used here)
# ----------------------------------------------------------------------------------------------


def find_specs(explicit: str | None) -> Path | None:
    candidates = [explicit, os.environ.get("TWILIO_SPECS"), str(ROOT.parent / "shared" / "specs")]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    if explicit:
        sys.exit(f"no such directory: {explicit}")
    return None


def spec_files(spec_dir: Path) -> list[Path]:
    files = sorted(spec_dir.rglob("twilio_*.json"), key=lambda p: p.name)
    names = [f.name for f in files]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        sys.exit(f"the same description twice: {sorted(dupes)}")
    return files


class Spec:
    """One description, with `$ref` resolution."""

    def __init__(self, path: Path):
        self.doc = json.loads(path.read_text())
        self.name = path.stem.removeprefix("twilio_")

    def resolve(self, node):
        seen = 0
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/"):
                sys.exit(f"{self.name}: external $ref {ref}")
            target = self.doc
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
            seen += 1
            if seen > 50:
                sys.exit(f"{self.name}: $ref loop at {ref}")
        return node

    def properties(self, schema) -> dict:
        """Properties of an object schema, merging `allOf`/`oneOf`/`anyOf` branches."""
        schema = self.resolve(schema) or {}
        props = dict(schema.get("properties", {}))
        for key in ("allOf", "oneOf", "anyOf"):
            for branch in schema.get(key, []):
                for name, prop in self.properties(branch).items():
                    props.setdefault(name, prop)
        return props

    def type_of(self, schema) -> str:
        """`string`, `integer`, `number`, `boolean`, `object`, `any`, or `array<…>` of one of them."""
        schema = self.resolve(schema) or {}
        kind = schema.get("type")
        if kind == "array":
            inner = self.type_of(schema.get("items", {}))
            return "array<" + ("any" if inner.startswith("array") else inner) + ">"
        if kind in ("string", "integer", "number", "boolean", "object"):
            return kind
        if any(k in schema for k in ("properties", "allOf", "oneOf", "anyOf")):
            return "object"
        return "any"


def naming(keys) -> str:
    """How a JSON object's keys are written: `snake`, `camel`, `mixed`, or `` (nothing to tell)."""
    snake = camel = 0
    for key in keys:
        if re.search(r"[A-Z]", key):
            camel += 1
        elif "_" in key:
            snake += 1
    if camel and snake:
        return "mixed"
    return "camel" if camel else "snake" if snake else ""


def extract_operation(spec: Spec, path: str, item: dict, method: str, op: dict) -> dict:
    servers = op.get("servers") or item.get("servers") or spec.doc.get("servers") or []
    params = [spec.resolve(p) for p in item.get("parameters", []) + op.get("parameters", [])]
    # An operation-level parameter replaces a path-level one of the same name and location.
    merged: dict[tuple[str, str], dict] = {}
    for p in params:
        merged[(p["in"], p["name"])] = p
    params = list(merged.values())

    body = None
    if "requestBody" in op:
        request_body = spec.resolve(op["requestBody"])
        content = request_body.get("content", {})
        schema = next(iter(content.values()), {}).get("schema", {})
        fields = [[name, spec.type_of(prop)] for name, prop in spec.properties(schema).items()]
        body = {
            "content_types": list(content),
            "required": bool(request_body.get("required")),
            "fields": fields,
        }

    success = sorted(code for code in op.get("responses", {}) if code[:1] in "123")
    response = {"codes": success, "content_types": [], "type": "none"}
    two_xx = [c for c in success if c.startswith("2")]
    if two_xx:
        answer = spec.resolve(op["responses"][two_xx[0]])
        content = answer.get("content", {})
        response["content_types"] = list(content)
        if content:
            schema = spec.resolve(next(iter(content.values())).get("schema", {}))
            kind = spec.type_of(schema)
            response["type"] = kind
            if kind == "object":
                props = spec.properties(schema)
                arrays = [k for k, v in props.items() if spec.type_of(v).startswith("array")]
                meta = sorted(spec.properties(props["meta"])) if "meta" in props else None
                # A list's records: the one array-valued field (the only shape the runtime reads
                # without `meta.key`; every list here with `meta.key` has exactly one array too).
                record_props = props
                if len(arrays) == 1:
                    items = (spec.resolve(props[arrays[0]]) or {}).get("items", {})
                    if spec.type_of(items) == "object":
                        record_props = spec.properties(items)
                response.update(
                    {
                        "arrays": arrays,
                        "meta": meta,
                        "top_paging": sorted(
                            k for k in props if "page" in k or k in ("next_token", "nextToken")
                        ),
                        "naming": naming(props),
                        "record_naming": naming(record_props),
                        "record_ids": [
                            k
                            for k in ("sid", "id")
                            if k in record_props
                            and spec.type_of(record_props[k]) in ("string", "any")
                        ],
                        "ids": [
                            k
                            for k in ("sid", "id")
                            if k in props and spec.type_of(props[k]) in ("string", "any")
                        ],
                    }
                )

    return {
        "spec": spec.name,
        "op": op.get("operationId", ""),
        "method": method.upper(),
        "path": path,
        "path_type": (item.get("x-twilio") or {}).get("pathType"),
        "base_url": servers[0]["url"] if servers else "",
        "placeholders": re.findall(r"\{([^}]*)\}", path),
        "query": [
            [p["name"], spec.type_of(p.get("schema", {})), bool(p.get("required"))]
            for p in params
            if p["in"] == "query"
        ],
        "headers": [[p["name"], bool(p.get("required"))] for p in params if p["in"] == "header"],
        "body": body,
        "response": response,
    }


def extract(spec_dir: Path) -> list[dict]:
    ops = []
    for file in spec_files(spec_dir):
        spec = Spec(file)
        for path, item in spec.doc.get("paths", {}).items():
            for method in METHODS:
                if method in item:
                    ops.append(extract_operation(spec, path, item, method, item[method]))
    return ops


def dump_surface(ops: list[dict]) -> str:
    """One operation per line: small diffs when Twilio's descriptions change."""
    lines = [json.dumps(op, sort_keys=True, separators=(",", ":")) for op in ops]
    return "[\n" + ",\n".join(lines) + "\n]\n"


# ----------------------------------------------------------------------------------------------
# Classification: how the attribute declares each operation
# ----------------------------------------------------------------------------------------------


def ends_in_placeholder(path: str) -> bool:
    last = path.rsplit("/", 1)[-1]
    return re.fullmatch(r"\{[^}/]*\}[^{}/]*", last) is not None


def collection_of(path: str) -> str:
    """The attribute's rule: drop the last `/{X}` segment keeping a literal suffix; else the path."""
    if not ends_in_placeholder(path):
        return path
    head, last = path.rsplit("/", 1)
    return head + last[last.index("}") + 1 :]


def spec_kind(op: dict) -> str:
    """The descriptions' own classification (method and `x-twilio.pathType`), as the notes count."""
    method, path_type, op_id = op["method"], op["path_type"], op["op"]
    if method == "GET":
        if path_type == "list" or (path_type is None and op_id.startswith("List")):
            return "list"
        return "fetch"
    if method == "POST":
        if path_type == "list" or (path_type is None and not ends_in_placeholder(op["path"])):
            return "create"
        return "update"
    if method in ("PUT", "PATCH"):
        return "update"
    return "delete"


def has_page(response: dict) -> bool:
    """Whether a GET's answer holds records the runtime can take: exactly one array field."""
    return response["type"] == "object" and len(response.get("arrays") or []) == 1


def declared_verb(op: dict) -> str:
    """The attribute's operation key for this operation."""
    kind = spec_kind(op)
    if kind == "list" and not has_page(op["response"]):
        return "fetch"  # the whole answer is the resource
    if op["method"] == "POST":
        if op["op"].startswith(("Update", "Patch")):
            return "update"  # POST to the path itself
        if op["op"].startswith("Create") and not ends_in_placeholder(op["path"]):
            return "create"  # POST to the path as its own collection
    return kind


def list_dialect(response: dict) -> str:
    meta = response.get("meta") or []
    if "nextToken" in meta:
        return "token"
    if "next_page_url" in meta:
        return "v1"
    if "next_page_uri" in (response.get("top_paging") or []):
        return "2010"
    if meta or response.get("top_paging"):
        return "other"
    return "unpaged"


def body_format(op: dict) -> str | None:
    body = op["body"]
    if body is None:
        return None
    types = body["content_types"]
    if FORM in types:
        return "form"
    if any(t == "application/json" or t.endswith("+json") for t in types):
        return "json"
    return "other:" + ",".join(types)


def page_size_param(op: dict) -> str | None:
    names = {q[0] for q in op["query"]}
    for name in ("PageSize", "pageSize"):
        if name in names:
            return name
    return None


def classify(op: dict) -> None:
    op["kind"] = spec_kind(op)
    op["verb"] = declared_verb(op)
    response = op["response"]
    op["dialect"] = list_dialect(response) if op["verb"] == "list" else None
    names = response.get("record_naming" if op["verb"] == "list" else "naming") or ""
    op["naming"] = names if names in ("camel", "snake") else None
    op["format"] = body_format(op)
    op["idempotency"] = any(h[0] == IDEMPOTENCY_HEADER for h in op["headers"])
    op["page_size"] = page_size_param(op) if op["verb"] == "list" else None


def assign_paths(spec_ops: list[dict]) -> None:
    """The `path` each operation is declared with; list/create need one whose collection is theirs."""
    instance_paths: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    for op in spec_ops:
        if ends_in_placeholder(op["path"]):
            instance_paths[(op["base_url"], collection_of(op["path"]))].add(op["path"])
    for op in spec_ops:
        op["synthetic_path"] = False
        if op["verb"] in ("fetch", "update", "delete"):
            op["declared_path"] = op["path"]
            continue
        candidates = sorted(instance_paths.get((op["base_url"], op["path"]), ()))
        if candidates:
            op["declared_path"] = candidates[0]
        elif not ends_in_placeholder(op["path"]):
            op["declared_path"] = op["path"]
        else:
            # Only an invented placeholder makes this path a collection.
            head, last = op["path"].rsplit("/", 1)
            stem, suffix = re.fullmatch(r"(\{[^}]*\})(.*)", last).groups()
            taken = set(op["placeholders"])
            name = next(n for n in ("Sid", "Id", "Item", "Member") if n not in taken)
            op["declared_path"] = f"{head}/{stem}/{{{name}}}{suffix}"
            op["synthetic_path"] = True
        assert collection_of(op["declared_path"]) == op["path"], op


VERB_ORDER = ("fetch", "list", "create", "update", "delete")


def group(spec_ops: list[dict]) -> list[dict]:
    """One struct per (host, declared path), split where two operations cannot share one."""
    counts = collections.Counter(op["naming"] for op in spec_ops if op["naming"])
    spec_naming = counts.most_common(1)[0][0] if counts else "snake"
    structs: list[dict] = []
    by_key: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
    for op in spec_ops:
        key = (op["base_url"], op["declared_path"])
        for struct in by_key[key]:
            if (
                op["verb"] not in struct["ops"]
                and (None in (struct["naming"], op["naming"]) or struct["naming"] == op["naming"])
                and (None in (struct["format"], op["format"]) or struct["format"] == op["format"])
            ):
                break
        else:
            struct = {
                "spec": op["spec"],
                "base_url": op["base_url"],
                "path": op["declared_path"],
                "ops": {},
                "naming": None,
                "format": None,
            }
            by_key[key].append(struct)
            structs.append(struct)
        struct["ops"][op["verb"]] = op
        struct["naming"] = struct["naming"] or op["naming"]
        struct["format"] = struct["format"] or op["format"]
        op["struct"] = struct
    for struct in structs:
        naming_ = struct["naming"] or spec_naming
        struct["rename_all"] = "camelCase" if naming_ == "camel" else "snake_case"
        default_format = "json" if struct["rename_all"] == "camelCase" else "form"
        struct["body"] = struct["format"] or default_format
        struct["body_key"] = struct["body"] if struct["body"] != default_format else None
        update = struct["ops"].get("update")
        default_method = "PUT" if struct["body"] == "json" else "POST"
        struct["update_method"] = update["method"] if update else None
        struct["update_method_key"] = (
            update["method"] if update and update["method"] != default_method else None
        )
        struct["idempotency"] = any(op["idempotency"] for op in struct["ops"].values())
        derived = "pageSize" if struct["rename_all"] == "camelCase" else "PageSize"
        listed = struct["ops"].get("list")
        struct["page_size"] = listed["page_size"] if listed else derived
        struct["page_size_key"] = (
            None if struct["page_size"] == derived
            else "page_size = false" if struct["page_size"] is None
            else f"page_size = {rust_str(struct['page_size'])}"
        )
        struct["ordered"] = [struct["ops"][v] for v in VERB_ORDER if v in struct["ops"]]
    return structs


def classify_all(ops: list[dict]) -> list[dict]:
    """Classifies every operation in place; returns the structs, in description order."""
    by_spec: dict[str, list[dict]] = collections.defaultdict(list)
    for op in ops:
        classify(op)
        by_spec[op["spec"]].append(op)
    structs = []
    for spec_ops in by_spec.values():
        assign_paths(spec_ops)
        structs.extend(group(spec_ops))
    return structs


# ----------------------------------------------------------------------------------------------
# Findings: what the design cannot express or call as-is
# ----------------------------------------------------------------------------------------------


def snake(name: str) -> str:
    """The macro's snake_case rule for placeholder names (macros/src/case.rs)."""
    out = []
    for i, c in enumerate(name):
        if c.isupper() and i > 0:
            prev = name[i - 1]
            next_lower = i + 1 < len(name) and name[i + 1].islower()
            if prev.islower() or prev.isdigit() or (prev.isupper() and next_lower):
                out.append("_")
        out.append(c.lower())
    return "".join(out)


def ref(op: dict) -> str:
    return f"{op['spec']} {op['op']} ({op['method']} {op['path']})"


# (section, key, title), in the order the report prints them; every reason is printed, even at 0.
SECTIONS = {
    "A": "Cannot be declared, or cannot be called as the description intends",
    "B": "Callable, but some of the description's inputs cannot be sent or a behaviour differs",
    "C": "Expressible with a non-default key or a second struct (for information)",
}
REASONS = [
    ("A", "synthetic", "list/create path that is no instance path's collection: declarable only with an invented last placeholder"),
    ("A", "reserved", "placeholder named like a reserved parameter (client, body, filter, query, self, super, crate, _)"),
    ("A", "dup_param", "two placeholders with one snake_case parameter name"),
    ("A", "redirect_only", "no 2xx answer at all, only a redirect: the call can only end in Error::Redirect"),
    ("A", "no_body_success", "create/update whose only success is 204 without a body: Self comes back from an empty object, every field None"),
    ("A", "not_object", "2xx answer that is not a JSON object"),
    ("A", "no_records", "list whose records the runtime cannot find (several array fields, no meta.key): declared as fetch"),
    ("A", "other_body", "request body neither form nor JSON"),
    ("B", "map_query", "map-valued query parameter (prefixed-collapsible-map): sent as one value"),
    ("B", "other_paging", "list paged in none of the three dialects: only the first page is read"),
    ("B", "redirect_also", "a 3xx success code besides the 2xx (answered as Error::Redirect)"),
    ("B", "idempotency_extra", "sends an Idempotency-Key it does not declare (its struct's other operations do)"),
    ("C", "required_header", "REQUIRED header parameter (sent with its call setting)"),
    ("C", "required_query", "REQUIRED query parameter on a fetch/create/update/delete (`fetch = Query`, `delete = Query` or `.query(..)`)"),
    ("C", "query", "optional query parameters on a fetch/create/update/delete (`fetch = Query`, `delete = Query` or `.query(..)`)"),
    ("C", "header", "header parameters other than Idempotency-Key (`.webhook_enabled(..)`, `.if_match(..)`, `.header(..)`)"),
    ("C", "page_size_mismatch", "page-size parameter differs from the one rename_all implies (`page_size = \"…\"`)"),
    ("C", "no_page_size", "list without a page-size parameter (`page_size = false`)"),
    ("C", "list_as_fetch", "list-typed GET without a page of records: declared as fetch (the whole answer)"),
    ("C", "unpaged", "list without paging fields: one page, ended by the absence of a link"),
    ("C", "body_key", "body format differs from rename_all's default (`body = ...`)"),
    ("C", "method_key", "update method differs from the body format's default (`update_method = ...`)"),
    ("C", "two_updates", "several update methods on one path (a second struct)"),
    ("C", "idempotency", "declares an Idempotency-Key header (`idempotency_key`)"),
    ("C", "create_on_instance", "POST named Create* to a path ending in a placeholder (declared as update, POST)"),
    ("C", "create_literal_instance", "POST named Create* to an instance-typed literal path (declared as create on its own collection)"),
    ("C", "update_on_list", "POST named Update* to a list-typed path (declared as update on the path itself)"),
    ("C", "write_on_list", "PUT/PATCH/DELETE on a list-typed path (declared on the literal path itself)"),
    ("C", "no_request_body", "create/update without a request body (an empty body type)"),
    ("C", "untyped_body", "request body schema without properties (an empty or untyped body type)"),
    ("C", "plus_json", "2xx content type application/scim+json (the runtime accepts +json)"),
    ("C", "required_filter", "list with required filters (the filter type carries them)"),
]


def findings(ops: list[dict]) -> dict[str, list[tuple[dict, str]]]:
    """Reason key → [(operation, detail)]."""
    found: dict[str, list[tuple[dict, str]]] = {key: [] for _, key, _ in REASONS}
    on_path: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
    for op in ops:
        on_path[(op["base_url"], op["path"])].append(op)

    def add(reason: str, op: dict, detail: str = "") -> None:
        found[reason].append((op, detail))

    for op in ops:
        verb, response, struct = op["verb"], op["response"], op["struct"]
        codes = response["codes"]
        two_xx = [c for c in codes if c.startswith("2")]
        if op["synthetic_path"]:
            add("synthetic", op, "declared as " + op["declared_path"])
        bad = [p for p in op["placeholders"] if snake(p) in RESERVED_PARAMS]
        if bad:
            add("reserved", op, ", ".join(bad))
        params = [snake(p) for p in op["placeholders"]]
        if len(set(params)) != len(params):
            add("dup_param", op, ", ".join(params))
        if not two_xx:
            add("redirect_only", op, ",".join(codes))
        elif verb in ("create", "update") and response["type"] == "none":
            add("no_body_success", op, ",".join(two_xx))
        elif verb != "delete" and response["type"] not in ("object", "none"):
            add("not_object", op, response["type"])
        if op["kind"] == "list" and verb == "fetch":
            arrays = response.get("arrays") or []
            if len(arrays) > 1:
                add("no_records", op, "array fields: " + ", ".join(arrays))
            else:
                add("list_as_fetch", op, "no JSON schema" if response["type"] != "object" else "no array field")
        if verb == "list" and op["dialect"] == "other":
            add("other_paging", op, "meta: " + ",".join(response.get("meta") or []) + "; top level: "
                + ",".join(response.get("top_paging") or []))
        if op["format"] and op["format"].startswith("other"):
            add("other_body", op, op["format"])
        for name, required in op["headers"]:
            if required and name != IDEMPOTENCY_HEADER:
                add("required_header", op, name)
        if verb != "list":
            required = [q[0] for q in op["query"] if q[2]]
            if required:
                add("required_query", op, ", ".join(required))
            optional = [q[0] for q in op["query"] if not q[2]]
            if optional:
                add("query", op, ", ".join(optional))
        maps = [q[0] for q in op["query"] if q[1] == "object"]
        if maps:
            add("map_query", op, ", ".join(maps))
        headers = [h[0] for h in op["headers"] if not h[1] and h[0] != IDEMPOTENCY_HEADER]
        if headers:
            add("header", op, ", ".join(headers))
        if verb == "list":
            derived = "pageSize" if struct["rename_all"] == "camelCase" else "PageSize"
            if op["page_size"] is None:
                add("no_page_size", op, "query: " + (",".join(q[0] for q in op["query"]) or "none"))
            elif op["page_size"] != derived:
                add("page_size_mismatch", op, f"declares {op['page_size']}; rename_all = \"{struct['rename_all']}\" sends {derived}")
            if op["dialect"] == "unpaged":
                add("unpaged", op, "records: " + response["arrays"][0])
            required = [q[0] for q in op["query"] if q[2]]
            if required:
                add("required_filter", op, ", ".join(required))
        if two_xx and any(c.startswith("3") for c in codes):
            add("redirect_also", op, ",".join(codes))
        if verb in ("create", "update") and op["format"] and struct["body_key"]:
            add("body_key", op, f"{op['format']} with rename_all = \"{struct['rename_all']}\"")
        if verb == "update" and struct["update_method_key"]:
            add("method_key", op, f"{op['method']} with a {struct['body']} body")
        updates = [o["method"] for o in on_path[(op["base_url"], op["path"])] if o["verb"] == "update"]
        if verb == "update" and len(updates) > 1:
            add("two_updates", op, "/".join(sorted(updates)))
        if op["idempotency"]:
            add("idempotency", op)
        elif struct["idempotency"] and verb in ("create", "update", "delete"):
            add("idempotency_extra", op)
        if op["method"] == "POST" and op["op"].startswith("Create") and verb == "update":
            add("create_on_instance", op)
        if op["method"] == "POST" and op["op"].startswith("Create") and op["kind"] == "update" and verb == "create":
            add("create_literal_instance", op)
        if op["method"] == "POST" and op["op"].startswith("Update") and op["kind"] == "create":
            add("update_on_list", op)
        if op["method"] != "POST" and op["method"] != "GET" and op["path_type"] == "list":
            add("write_on_list", op)
        if verb in ("create", "update") and op["body"] is None:
            add("no_request_body", op)
        if op["body"] is not None and not op["body"]["fields"]:
            add("untyped_body", op)
        if any(c != "application/json" for c in response["content_types"]):
            add("plus_json", op, ",".join(response["content_types"]))
    return found


def dict_text(counter) -> str:
    return ", ".join(f"{k}: {v}" for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))))


def counts_report(ops: list[dict], structs: list[dict]) -> list[str]:
    kinds = collections.Counter(op["kind"] for op in ops)
    verbs = collections.Counter(op["verb"] for op in ops)
    lists = [o for o in ops if o["verb"] == "list"]
    writes = [o for o in ops if o["verb"] in ("create", "update")]
    out = [
        f"operations: {len(ops)} in {len({o['spec'] for o in ops})} descriptions, {len({o['base_url'] for o in ops})} hosts; {len(structs)} structs",
        "  descriptions' classification: " + ", ".join(f"{k} {kinds[k]}" for k in VERB_ORDER),
        "  declared as:                  " + ", ".join(f"{k} {verbs[k]}" for k in VERB_ORDER),
        "  rename_all (per struct): " + dict_text(collections.Counter(s["rename_all"] for s in structs)),
        "  bodies (create/update): " + dict_text(collections.Counter(f"{o['verb']} {o['format'] or 'none'}" for o in writes)),
        "  update methods: " + dict_text(collections.Counter(o["method"] for o in ops if o["verb"] == "update")),
        "  idempotency header: " + str(sum(o["idempotency"] for o in ops)) + " operations",
        "  success codes: " + dict_text(collections.Counter(f"{o['verb']} {'/'.join(o['response']['codes'])}" for o in ops)),
        "  list dialects: " + dict_text(collections.Counter(o["dialect"] for o in lists)),
        "  list page-size parameter: " + dict_text(collections.Counter(str(o["page_size"]) for o in lists)),
        f"  lists with filters: {sum(any(q[0] not in PAGING_PARAMS for q in o['query']) for o in lists)}",
        f"  body fields: {sum(len((o['body'] or {}).get('fields') or []) for o in ops)}"
        f" ({sum(1 for o in ops for f in ((o['body'] or {}).get('fields') or []) if '.' in f[0])} dotted)",
        "  list/create declared on: " + dict_text(collections.Counter(
            "an invented instance path" if o["synthetic_path"]
            else "its own path" if o["declared_path"] == o["path"] else "an instance path of the description"
            for o in ops if o["verb"] in ("list", "create"))),
    ]
    return out


def print_report(ops: list[dict], structs: list[dict]) -> None:
    for line in counts_report(ops, structs):
        print(line)
    found = findings(ops)
    for section, title in SECTIONS.items():
        print(f"\n# {section}. {title}")
        for sec, key, reason in REASONS:
            if sec != section:
                continue
            items = found[key]
            print(f"\n## {reason}: {len(items)}")
            if key == "header":
                tally = collections.Counter(h for _, detail in items for h in detail.split(", "))
                print("   by header: " + dict_text(tally))
            for op, detail in items:
                print(f"   {ref(op)}" + (f"  [{detail}]" if detail else ""))


# ----------------------------------------------------------------------------------------------
# Rust: one module per description, one struct per (host, declared path) group
# ----------------------------------------------------------------------------------------------

GENERATED = "// @generated by tools/surface/generate.py; do not edit: run `python3 tools/surface/generate.py`."
RUST_KEYWORDS = set(
    "as break const continue crate else enum extern false fn for if impl in let loop match mod move mut "
    "pub ref return self Self static struct super trait true type unsafe use where while async await dyn "
    "abstract become box do final macro override priv typeof unsized virtual yield try gen".split()
)
# Names the generated modules use (from the harness, the prelude and twilio_resource).
TAKEN_TYPE_NAMES = {
    "Harness", "Sent", "Dialect", "Client", "Error", "List", "Option", "Some", "None", "String",
    "Vec", "Result", "Ok", "Err", "Default", "Box", "Value", "Self",
}
PROBE = "v"
PROBE_LIST = ("a", "b")
# Query parameters (filters, `fetch`/`delete` queries, a write's extra query) get values that need
# encoding care; header values must be visible ASCII.
QUERY_PROBE = "é&=+/%?#"
QUERY_PROBE_LIST = ("é&1", "+/%?#2")
HEADER_PROBE = "&=+/%?# v"
WEBHOOK_HEADER = "X-Twilio-Webhook-Enabled"


def rust_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def raw_str(text: str) -> str:
    hashes = "#"
    while f'"{hashes}' in text:
        hashes += "#"
    return f'r{hashes}"{text}"{hashes}'


def field_ident(name: str, used: set[str]) -> str:
    text = name.replace(">", "_gt").replace("<", "_lt")
    parts = [snake(p) for p in re.split(r"[^0-9A-Za-z]+", text) if p]
    ident = "_".join(parts) or "field"
    ident = re.sub(r"_+", "_", ident)
    if ident[0].isdigit():
        ident = "f_" + ident
    if ident in RUST_KEYWORDS:
        ident += "_"
    base, n = ident, 2
    while ident in used:
        ident, n = f"{base}_{n}", n + 1
    used.add(ident)
    return ident


def type_ident(name: str, used: set[str]) -> str:
    ident = re.sub(r"[^0-9A-Za-z_]", "", name) or "Resource"
    if ident[0].isdigit():
        ident = "R" + ident
    base, n = ident, 2
    while ident in used or ident in TAKEN_TYPE_NAMES:
        ident, n = f"{base}{n}", n + 1
    used.add(ident)
    return ident


def rust_type(kind: str, encoding: str) -> str:
    """The field type for an OpenAPI type; `encoding` is `form` (bodies and queries) or `json`."""
    scalar = {"string": "String", "integer": "i64", "number": "f64", "boolean": "bool"}
    if kind in scalar:
        return scalar[kind]
    if kind.startswith("array<"):
        inner = kind[6:-1]
        if inner in scalar:
            return f"Vec<{scalar[inner]}>"
        return "Vec<String>" if encoding == "form" else "Vec<serde_json::Value>"
    # Objects and untyped values: a JSON document in a form (Twilio reads it as a string).
    return "String" if encoding == "form" else "serde_json::Value"


class Params:
    """A body or filter struct: fields, and the probe values the test sets and expects back."""

    def __init__(self, name: str, fields: list[list[str]], encoding: str, every: bool = False):
        """`every`: the test sets every field (a query), not only the probes (a body)."""
        self.name, self.encoding, self.every = name, encoding, every
        used: set[str] = set()
        self.fields = [(field_ident(n, used), n, rust_type(k, encoding)) for n, k in fields]
        strings = [f for f in self.fields if f[2] == "String"]
        # Prefer a name that needs encoding care (`Notifications.NewMessage.Enabled`, `DateSent>`).
        odd = [f for f in strings if not re.fullmatch(r"[0-9A-Za-z_]+", f[1])]
        self.string_probe = (odd or strings or [None])[0]
        self.list_probe = next((f for f in self.fields if f[2] == "Vec<String>"), None)

    def definition(self) -> list[str]:
        lines = ["#[derive(serde::Serialize, Default)]", f"pub struct {self.name} {{"]
        for ident, name, ty in self.fields:
            attrs = []
            if ident != name:
                attrs.append(f"rename = {rust_str(name)}")
            if self.encoding == "json":
                attrs.append('skip_serializing_if = "Option::is_none"')
            if attrs:
                lines.append(f"    #[serde({', '.join(attrs)})]")
            lines.append(f"    pub {ident}: Option<{ty}>,")
        lines.append("}")
        return lines

    def value(self) -> str:
        """A value with the probes set (every field, for a query)."""
        if self.every:
            inits = [f"{ident}: Some({QUERY_VALUES[ty][0]})" for ident, _, ty in self.fields]
            return f"{self.name} {{ {', '.join(inits)} }}"
        inits = []
        if self.string_probe:
            inits.append(f"{self.string_probe[0]}: Some({rust_str(PROBE)}.into())")
        if self.list_probe:
            items = ", ".join(f"{rust_str(v)}.into()" for v in PROBE_LIST)
            inits.append(f"{self.list_probe[0]}: Some(vec![{items}])")
        if not inits:
            return f"{self.name}::default()"
        if len(inits) < len(self.fields):
            inits.append("..Default::default()")
        return f"{self.name} {{ {', '.join(inits)} }}"

    def pairs(self) -> list[tuple[str, str]]:
        if self.every:
            return [(name, text) for _, name, ty in self.fields for text in QUERY_VALUES[ty][1]]
        out = []
        if self.string_probe:
            out.append((self.string_probe[1], PROBE))
        if self.list_probe:
            out.extend((self.list_probe[1], v) for v in PROBE_LIST)
        return out

    def json(self) -> str:
        doc = {}
        if self.string_probe:
            doc[self.string_probe[1]] = PROBE
        if self.list_probe:
            doc[self.list_probe[1]] = list(PROBE_LIST)
        return json.dumps(doc, separators=(",", ":"))


# A query field's value in Rust, and the pairs it sends, by type.
QUERY_VALUES = {
    "String": (f"{rust_str(QUERY_PROBE)}.into()", [QUERY_PROBE]),
    "Vec<String>": (
        "vec![" + ", ".join(f"{rust_str(v)}.into()" for v in QUERY_PROBE_LIST) + "]",
        list(QUERY_PROBE_LIST),
    ),
    "i64": ("7", ["7"]),
    "f64": ("1.5", ["1.5"]),
    "bool": ("true", ["true"]),
    "Vec<i64>": ("vec![7, 8]", ["7", "8"]),
    "Vec<f64>": ("vec![1.5]", ["1.5"]),
    "Vec<bool>": ("vec![true]", ["true"]),
}


def header_settings(op: dict) -> tuple[str, list[tuple[str, str]]]:
    """Every header parameter of an operation, as the call settings that send it, and the headers
    the server must see (an `Authorization` is checked by its credentials, not its value)."""
    calls, expected = "", []
    for name, _required in op["headers"]:
        if name == WEBHOOK_HEADER:
            calls += ".webhook_enabled(true)"
            expected.append((name, "true"))
        elif name == "If-Match":
            calls += f".if_match({rust_str(HEADER_PROBE)})"
            expected.append((name, HEADER_PROBE))
        elif name == IDEMPOTENCY_HEADER:
            calls += f".idempotency_key({rust_str(HEADER_PROBE)})"
            expected.append((name, HEADER_PROBE))
        elif name == "Authorization":
            # Named on purpose, it replaces the client's own: here with the same credentials.
            calls += ".header(\"Authorization\", &h.authorization)"
        else:
            calls += f".header({rust_str(name)}, {rust_str(HEADER_PROBE)})"
            expected.append((name, HEADER_PROBE))
    return calls, expected


def noun(op_id: str) -> str:
    for prefix in VERB_PREFIXES:
        if op_id.startswith(prefix) and len(op_id) > len(prefix):
            return op_id[len(prefix):]
    return op_id


def pairs_text(pairs: list[tuple[str, str]]) -> str:
    return "&[" + ", ".join(f"({rust_str(k)}, {rust_str(v)})" for k, v in pairs) + "]"


def rendered(path: str) -> str:
    """The request path the test expects: each placeholder `{X}` filled with `X1`."""
    return re.sub(r"\{([^}]*)\}", lambda m: m.group(1) + "1", path)


DIALECTS = {"2010": "Twilio2010", "v1": "V1", "token": "Token", "unpaged": "Unpaged", "other": "Unpaged"}


def emit_module(spec: str, structs: list[dict]) -> tuple[str, int]:
    used: set[str] = set()
    for struct in structs:
        ops = struct["ordered"]
        first = struct["ops"].get("fetch") or ops[0]
        name = noun(first["op"])
        if name in used or name in TAKEN_TYPE_NAMES:
            name = first["op"]
        struct["name"] = type_ident(name, used)
    decls: list[str] = []
    calls: list[str] = []
    full_calls: list[str] = []
    fn_names: list[str] = []
    for struct in structs:
        keys = [f"path = {rust_str(struct['path'].replace('{', '<').replace('}', '>'))}",
                f"base_url = {rust_str(struct['base_url'])}",
                f"rename_all = {rust_str(struct['rename_all'])}"]
        if struct["body_key"]:
            keys.append(f"body = {rust_str(struct['body_key'])}")
        if struct["update_method_key"]:
            keys.append(f"update_method = {rust_str(struct['update_method_key'])}")
        if struct["idempotency"]:
            keys.append("idempotency_key")
        params: dict[str, Params] = {}
        for op in struct["ordered"]:
            verb = op["verb"]
            if verb == "list":
                fields = [[q[0], q[1]] for q in op["query"] if q[0] not in PAGING_PARAMS]
                if fields:
                    params[verb] = Params(type_ident(op["op"] + "Filter", used), fields, "form", every=True)
                    keys.append(f"list = {params[verb].name}")
                else:
                    keys.append("list")
            elif verb in ("create", "update"):
                fields = op["body"]["fields"] if op["body"] else []
                params[verb] = Params(type_ident(op["op"] + "Body", used), fields, struct["body"])
                keys.append(f"{verb} = {params[verb].name}")
            elif op["query"]:
                # `fetch = Query` / `delete = Query`: every query parameter the description has.
                fields = [[q[0], q[1]] for q in op["query"]]
                params[verb] = Params(type_ident(op["op"] + "Query", used), fields, "form", every=True)
                keys.append(f"{verb} = {params[verb].name}")
            else:
                keys.append(verb)
        if struct["page_size_key"]:
            keys.append(struct["page_size_key"])
        ids = []
        for op in struct["ordered"]:
            for field in op["response"].get("record_ids" if op["verb"] == "list" else "ids") or []:
                if field not in ids:
                    ids.append(field)
        struct["ids"] = [f for f in ("sid", "id") if f in ids]
        decls.append("")
        decls.append("#[twilio_resource(" + ", ".join(keys) + ")]")
        if struct["ids"]:
            decls.append(f"pub struct {struct['name']} {{")
            decls.extend(f"    pub {f}: Option<String>," for f in struct["ids"])
            decls.append("}")
        else:
            decls.append(f"pub struct {struct['name']} {{}}")
        for p in params.values():
            decls.append("")
            decls.extend(p.definition())
        fn_name = snake(struct["name"])
        fn_name = fn_name + "_" if fn_name in RUST_KEYWORDS else fn_name
        assert fn_name not in fn_names, fn_name
        fn_names.append(fn_name)
        calls += ["", f"async fn {fn_name}(h: &Harness) {{",
                  f"    same_protocol::<{struct['name']}, {via_type(struct)}>();"]
        full_calls += ["", "#[allow(clippy::extra_unused_type_parameters)]",
                       f"async fn {fn_name}_full<Compiled>(h: &Harness) {{"]
        for op in struct["ordered"]:
            calls.extend(emit_call(op, struct, params.get(op["verb"]), full=False))
            full_calls.extend(emit_call(op, struct, params.get(op["verb"]), full=True))
        calls.append("}")
        full_calls.append("}")
    count = sum(len(s["ordered"]) for s in structs)
    lines = [
        GENERATED,
        f"//! `twilio_{spec}.json`: {count} operations in {len(structs)} structs.",
        "",
        "use twilio_resource::twilio_resource;",
        "",
        "use super::harness::*;",
        *decls,
        "",
        "/// Every operation, sent by the runtime for its struct's `Via` twin at the address the",
        "/// struct's own path builder renders.",
        "pub async fn run(h: &Harness) {",
        *(f"    {f}(h).await;" for f in fn_names),
        "}",
        *calls,
        "",
        "/// Every operation through its struct's own generated method: type-checked in every build,",
        "/// compiled and run with `--cfg surface_full`.",
        "#[cfg_attr(not(surface_full), allow(dead_code))]",
        "#[allow(clippy::extra_unused_type_parameters)]",
        "pub async fn full<Compiled>(h: &Harness) {",
        *(f"    {f}_full::<Compiled>(h).await;" for f in fn_names),
        "}",
        *full_calls,
    ]
    return "\n".join(lines) + "\n", count


def via_type(struct: dict) -> str:
    """The harness's `Via` resource with this struct's wire conventions (`Protocol`)."""
    method = struct["update_method"] or ("PUT" if struct["body"] == "json" else "POST")
    json_ = "true" if struct["body"] == "json" else "false"
    page = {"PageSize": "PAGE_SIZE", "pageSize": "PAGE_SIZE_CAMEL", None: "NO_PAGE_SIZE"}[struct["page_size"]]
    key = "true" if struct["idempotency"] else "false"
    return f"Via<{json_}, {method}, {page}, {key}>"


def emit_call(op: dict, struct: dict, params: Params | None, full: bool) -> list[str]:
    """One call: script the answer, call, check the result and what was sent.

    `full`: through the struct's own generated method (`Message::fetch(&client, …)`); else
    through the runtime's generic function for the struct's `Via` twin, at the address the
    struct's own path builder renders (`client.fetch::<Via<…>>(&Message::path(…)?)`).
    """
    verb, name, op_id = op["verb"], struct["name"], op["op"]
    method = {"list": "GET", "fetch": "GET", "create": "POST", "delete": "DELETE"}.get(verb) or struct["update_method"]
    assert method == op["method"], (op_id, method, op["method"])
    values = [rust_str(p + "1") for p in op["placeholders"]]
    route = f"{rust_str(method)}, {rust_str(rendered(op['path']))}"
    two_xx = [c for c in op["response"]["codes"] if c.startswith("2")]
    idempotent = "true" if struct["idempotency"] and verb in ("create", "update", "delete") else "false"
    quoted = rust_str(op_id)
    lines = [f"    // {op_id}: {op['method']} {op['path']}"]
    query: list[tuple[str, str]] = []
    body = "Sent::Nothing"
    # The field the answer's record is read back through, and the value it must hold.
    field = "sid" if not full or "sid" in struct["ids"] else "id" if "id" in struct["ids"] else None
    expected = {"sid": "Some(SID)", "id": "Some(ID)", None: "None"}[field]
    project = f"r.{field}" if field else "None"
    record = "|r| " + project if field else "|_| None"

    extra = []
    settings = ""
    if verb in ("create", "update"):
        assert params is not None
        extra = ["&" + params.value()]
        if struct["body"] == "json":
            body = f"Sent::Json({raw_str(params.json())})"
        else:
            body = f"Sent::Form({pairs_text(params.pairs())})"
        if op["query"]:
            # A write's own query parameters (`CreateOauth2Token?account_sid=…`), as `.query(..)`.
            query = [(q[0], QUERY_PROBE) for q in op["query"]]
            settings += f".query(&{pairs_text(query)})"
    elif verb in ("fetch", "delete") and params is not None:
        query = params.pairs()
        if full:
            extra = ["&" + params.value()]
        else:
            settings += f".query(&{params.value()})"
    headers_call, headers = header_settings(op)
    settings += headers_call
    if full:
        call = f"{name}::{verb}({', '.join(['&h.client'] + values + extra)})"
    else:
        builder = "collection_path" if verb in ("list", "create") else "path"
        address = f"&{name}::{builder}({', '.join(values)}).expect({quoted})"
        body_arg = extra if verb in ("create", "update") else []
        turbofish = f"{via_type(struct)}, _" if body_arg else via_type(struct)
        call = f"h.client.{verb}::<{turbofish}>({', '.join([address] + body_arg)})"

    if verb == "list":
        dialect = DIALECTS[op["dialect"]]
        lines.append(f"    h.page({route}, Dialect::{dialect}, {rust_str(op['response']['arrays'][0])});")
        if params is not None:
            if full:
                call = f"{name}::list({', '.join(['&h.client'] + values + ['&' + params.value()])})"
            else:
                call += f".filter(&{params.value()})"
            query = params.pairs()
        if op["page_size"]:
            call += ".page_size(5)"
            query = query + [(op["page_size"], "5")]
        lines.append(f"    let got = {call}{settings}.collect_all().await;")
        lines.append(f"    h.records({quoted}, {expected}, got.map(|all| all.into_iter().map({record}).collect()));")
    elif not two_xx:
        lines.append(f"    h.redirect({route});")
        lines.append(f"    h.redirected({quoted}, {call}{settings}.await.map(drop));")
    elif op["response"]["type"] == "none" and verb != "delete":
        # No body: the 204 decodes as an empty object, every (optional) field `None`.
        lines.append(f"    h.empty({route}, {two_xx[0]});")
        lines.append(f"    h.answered_without_a_body({quoted}, {call}{settings}.await.map(drop));")
    elif verb == "delete":
        if op["response"]["type"] == "none":
            lines.append(f"    h.empty({route}, {two_xx[0]});")
        else:
            lines.append(f"    h.answer({route}, {two_xx[0]});")
        lines.append(f"    h.deleted({quoted}, {call}{settings}.await);")
    else:
        lines.append(f"    h.answer({route}, {two_xx[0]});")
        lines.append(f"    let got = {call}{settings}.await;")
        lines.append(f"    h.record({quoted}, {expected}, got.map({record}));")
    lines.append(f"    h.sent({quoted}, {pairs_text(query)}, {pairs_text(headers)}, {body}, {idempotent});")
    return lines


def emit_main(modules: list[tuple[str, int]]) -> str:
    total = sum(n for _, n in modules)
    lines = [
        GENERATED,
        f"//! Every operation of Twilio's public OpenAPI descriptions ({total} in {len(modules)} descriptions),",
        "//! declared with `#[twilio_resource]` (one struct per host and path, its own body and filter",
        "//! types) and sent once to the local server, which checks method, path, query, content type,",
        "//! body and idempotency key. The harness is `surface/harness.rs`.",
        "//!",
        "//! The default run sends each operation through the runtime's generic function for a `Via`",
        "//! twin of its struct (same `Protocol`, checked), at the address the struct's own path builder",
        "//! renders: the runtime is compiled for a handful of types instead of all 500 structs. Each",
        "//! struct's own generated methods are type-checked with the description's arguments in every",
        "//! build (`full`, never instantiated here); to compile and run them too:",
        "//!",
        "//! ```text",
        '//! RUSTFLAGS="--cfg surface_full" CARGO_TARGET_DIR=target/surface-full \\',
        "//!     cargo test -p twilio-resource-tests --test surface",
        "//! ```",
        "",
        "// `surface_full` is this file's own switch, set by hand only.",
        "#![allow(unexpected_cfgs)]",
        "",
        '#[path = "surface/harness.rs"]',
        "mod harness;",
        "",
    ]
    for spec, _ in modules:
        lines += [f'#[path = "surface/{spec}.rs"]', f"mod {spec};"]
    lines += [
        "",
        "/// The checked-in files are what the generator writes today.",
        "#[test]",
        "fn generated_files_are_fresh() {",
        "    harness::check_generated();",
        "}",
    ]
    for spec, count in modules:
        lines += [
            "",
            "#[tokio::test]",
            f"async fn {spec}() {{",
            "    let h = harness::Harness::start().await;",
            f"    {spec}::run(&h).await;",
            f"    h.finish({count});",
            "}",
        ]
    lines += ["", "/// Every operation through its struct's own generated method.", "#[cfg(surface_full)]", "mod full {"]
    for spec, count in modules:
        lines += [
            "    #[tokio::test]",
            f"    async fn {spec}() {{",
            "        let h = super::harness::Harness::start().await;",
            f"        super::{spec}::full::<()>(&h).await;",
            f"        h.finish({count});",
            "    }",
            "",
        ]
    lines[-1] = "}"
    return "\n".join(lines) + "\n"


def rustfmt(text: str) -> str:
    import subprocess

    done = subprocess.run(
        ["rustfmt", "--edition", "2024", "--emit", "stdout"],
        input=text, capture_output=True, text=True, cwd=ROOT,
    )
    if done.returncode != 0:
        sys.exit("rustfmt failed:\n" + done.stderr)
    return done.stdout


def generate(raw: list[dict]) -> tuple[dict[Path, str], list[dict], list[dict]]:
    ops = json.loads(json.dumps(raw))
    structs = classify_all(ops)
    files: dict[Path, str] = {SURFACE_JSON: dump_surface(raw)}
    by_spec: dict[str, list[dict]] = collections.defaultdict(list)
    for struct in structs:
        by_spec[struct["spec"]].append(struct)
    modules = []
    for spec, spec_structs in by_spec.items():
        text, count = emit_module(spec, spec_structs)
        files[OUT_DIR / f"{spec}.rs"] = rustfmt(text)
        modules.append((spec, count))
    files[OUT_MAIN] = rustfmt(emit_main(modules))
    return files, ops, structs


def stale_files(files: dict[Path, str]) -> list[str]:
    """Files that differ from `files`, plus generated files `files` no longer has."""
    out = []
    for path, text in files.items():
        if not path.exists() or path.read_text() != text:
            out.append(str(path.relative_to(ROOT)))
    for path in sorted(OUT_DIR.glob("*.rs")):
        if path not in files and path.read_text().startswith(GENERATED):
            out.append(str(path.relative_to(ROOT)) + " (no longer generated)")
    return out


# ----------------------------------------------------------------------------------------------
# Entry point
# ----------------------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--specs", help="directory holding the twilio_*.json descriptions")
    parser.add_argument("--report", action="store_true", help="print the analysis")
    parser.add_argument("--check", action="store_true", help="exit 1 if the checked-in output is stale")
    parser.add_argument("--from-surface", action="store_true", help="read surface.json, not the descriptions")
    args = parser.parse_args(argv)

    spec_dir = None if args.from_surface else find_specs(args.specs)
    if spec_dir is not None:
        raw = extract(spec_dir)
    else:
        if not args.from_surface:
            print(f"descriptions not found; reading {SURFACE_JSON.relative_to(ROOT)}", file=sys.stderr)
        raw = json.loads(SURFACE_JSON.read_text())

    if args.report:
        ops = json.loads(json.dumps(raw))
        structs = classify_all(ops)
        print_report(ops, structs)
        return 0
    files, ops, structs = generate(raw)
    if args.check:
        stale = stale_files(files)
        for line in stale:
            print(f"stale: {line}")
        if stale:
            print("run `python3 tools/surface/generate.py` and commit the result")
            return 1
        print(f"up to date: {len(files)} files")
        return 0
    for path in sorted(OUT_DIR.glob("*.rs")):
        if path not in files and path.read_text().startswith(GENERATED):
            path.unlink()
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
    for line in counts_report(ops, structs):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
