#!/usr/bin/env python3
"""Re-derive the service model files in this folder from botocore's data.

For one service (default: cloudtrail 2013-11-01) this script

  * reads botocore's ``service-2.json[.gz]`` and ``paginators-1.json[.gz]``,
  * drops every ``documentation`` string written by AWS,
  * merges our own documentation from ``model/<service>/documentation.json``
    (if that file exists),
  * writes ``model/<service>/<version>/service-2.json`` and
    ``paginators-1.json`` (2-space indent, original key order, UTF-8,
    trailing newline).

``--check`` writes nothing. It fails (exit status 1) if the files on disk
differ from what would be written, and validates ``documentation.json`` and
``customizations.json`` against the model.

Standard library only. Exit status: 0 ok; 1 files out of date, or documentation.json /
customizations.json invalid; 2 missing or malformed input, bad usage.
"""

import argparse
import gzip
import importlib.util
import json
import os
import re
import sys

MODEL_DIR = os.path.dirname(os.path.abspath(__file__))
SERVICE_DOC_KEY = "@service"

MEMBER_RULES = ("trail-name", "trail-name-or-arn")
SHAPE_RULES = ("not-after", "mutually-exclusive", "total-count")
MEMBER_KINDS = ("rule", "weightedLength", "count", "default", "allowedValues")


class InputError(Exception):
    """Bad input: missing file, malformed JSON, unknown target, ..."""


# --------------------------------------------------------------------------
# reading

def read_json(path, what):
    """Load a JSON file (optionally .gz) with an error message instead of a traceback."""
    try:
        if path.endswith(".gz"):
            with gzip.open(path, "rt", encoding="utf-8") as f:
                text = f.read()
        else:
            with open(path, encoding="utf-8") as f:
                text = f.read()
    except FileNotFoundError:
        raise InputError(f"{what}: file not found: {path}")
    except (OSError, UnicodeDecodeError, EOFError) as e:
        raise InputError(f"{what}: cannot read {path}: {e}")
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"{what}: malformed JSON in {path} at line {e.lineno}, column {e.colno}: {e.msg}")


def find_botocore():
    """Locate the installed botocore package without importing it. Returns (data_dir, version)."""
    spec = importlib.util.find_spec("botocore")
    if spec is None or not spec.submodule_search_locations:
        raise InputError("botocore is not installed; pass --botocore-data DIR (botocore's 'data' folder)")
    pkg = list(spec.submodule_search_locations)[0]
    return os.path.join(pkg, "data"), botocore_version(pkg)


def botocore_version(pkg_dir):
    try:
        with open(os.path.join(pkg_dir, "__init__.py"), encoding="utf-8") as f:
            m = re.search(r"^__version__\s*=\s*['\"]([^'\"]+)['\"]", f.read(), re.M)
        return m.group(1) if m else "unknown"
    except OSError:
        return "unknown"


def find_data_file(directory, base, required=True):
    for name in (base, base + ".gz"):
        p = os.path.join(directory, name)
        if os.path.isfile(p):
            return p
    if required:
        raise InputError(f"neither {base} nor {base}.gz found in {directory}")
    return None


# --------------------------------------------------------------------------
# documentation

def strip_docs(node, in_members=False):
    """Copy of a model with every 'documentation' key removed.

    Keys of a 'members' map are member names, so a member that happened to be
    called 'documentation' is kept.
    """
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "documentation" and not in_members:
                continue
            out[k] = strip_docs(v, in_members=(k == "members" and not in_members))
        return out
    if isinstance(node, list):
        return [strip_docs(v) for v in node]
    return node


def resolve_doc_key(model, key):
    """Return (kind, names) for a documentation.json key or raise InputError."""
    ops, shapes = model.get("operations", {}), model.get("shapes", {})
    if key == SERVICE_DOC_KEY:
        return "service", ()
    if "$" in key:
        shape, _, member = key.partition("$")
        if shape not in shapes:
            raise InputError(f"documentation.json: key '{key}': shape '{shape}' not in the model")
        if member not in shapes[shape].get("members", {}):
            raise InputError(f"documentation.json: key '{key}': shape '{shape}' has no member '{member}'"
                             + did_you_mean(member, shapes[shape].get("members", {})))
        return "member", (shape, member)
    if key in ops and key in shapes:
        raise InputError(f"documentation.json: key '{key}' is both an operation and a shape")
    if key in ops:
        return "operation", (key,)
    if key in shapes:
        return "shape", (key,)
    raise InputError(f"documentation.json: key '{key}' is neither an operation nor a shape in the model"
                     + did_you_mean(key, list(ops) + list(shapes)))


def with_doc(original, stripped, doc):
    """Put doc into stripped dict where the original had its documentation (else at the end)."""
    if doc is None:
        return stripped
    out, placed = {}, False
    for k in original:
        if k == "documentation":
            out["documentation"] = doc
            placed = True
        elif k in stripped:
            out[k] = stripped[k]
    if not placed:
        out["documentation"] = doc
    return out


def merge_docs(original, docs):
    """Strip AWS docs from the original model and merge ours (dict key -> text)."""
    model = strip_docs(original)
    by_target, errors = {}, []
    for key, text in docs.items():
        if not isinstance(text, str) or not text.strip():
            errors.append(f"documentation.json: key '{key}': value must be a non-empty string")
            continue
        try:
            by_target[resolve_doc_key(original, key)] = text
        except InputError as e:
            errors.append(str(e))
    if errors:
        raise InputError("\n".join(errors))

    for (kind, names), text in by_target.items():
        if kind == "operation":
            (op,) = names
            model["operations"][op] = with_doc(original["operations"][op], model["operations"][op], text)
        elif kind == "shape":
            (sh,) = names
            model["shapes"][sh] = with_doc(original["shapes"][sh], model["shapes"][sh], text)
        elif kind == "member":
            sh, mem = names
            members = model["shapes"][sh]["members"]
            members[mem] = with_doc(original["shapes"][sh]["members"][mem], members[mem], text)
    service_doc = by_target.get(("service", ()))
    if service_doc is not None:
        model = with_doc(original, model, service_doc)
    return model


def plain_sentences(html):
    text = re.sub(r"<[^>]+>", " ", html)
    text = re.sub(r"\s+", " ", text).strip()
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def norm(text):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip().lower()


def collect_docs(node, out, in_members=False):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "documentation" and not in_members and isinstance(v, str):
                out.append(v)
            else:
                collect_docs(v, out, in_members=(k == "members" and not in_members))
    elif isinstance(node, list):
        for v in node:
            collect_docs(v, out)


def copied_text(original, docs, min_words=6):
    """Entries of docs that equal an AWS doc string or contain a (long enough) AWS sentence."""
    aws = []
    collect_docs(original, aws)
    whole = {norm(t) for t in aws}
    sentences = set()
    for t in aws:
        for s in plain_sentences(t):
            if len(s.split()) >= min_words:
                sentences.add(norm(s))
    bad = []
    for key, text in docs.items():
        if not isinstance(text, str):
            continue
        n = norm(text)
        if n in whole:
            bad.append((key, "equals an AWS documentation string"))
            continue
        for s in sentences:
            if s in n:
                bad.append((key, f"contains AWS sentence: {s[:80]!r}"))
                break
    return bad


# --------------------------------------------------------------------------
# customizations.json

def did_you_mean(name, candidates):
    low = name.lower()
    for c in candidates:
        if c.lower() == low and c != name:
            return f" (did you mean '{c}'?)"
    return ""


def validate_customizations(model, cust, path="customizations.json"):
    """Return a list of error messages (empty if valid)."""
    errors = []
    shapes, ops = model["shapes"], model["operations"]
    if not isinstance(cust, dict):
        return [f"{path}: top level must be a JSON object"]
    allowed_top = {"version", "members", "shapes", "operations", "errorCodes"}
    for k in cust:
        if k not in allowed_top:
            errors.append(f"{path}: unknown top-level key '{k}'")
    if cust.get("version") != 1:
        errors.append(f"{path}: 'version' must be 1")

    # shapes reachable from each operation's input, to check that an error code
    # is one the operation can actually return
    def reach(start):
        seen, todo = set(), [start]
        while todo:
            s = todo.pop()
            if s in seen or s not in shapes:
                continue
            seen.add(s)
            sh = shapes[s]
            for m in sh.get("members", {}).values():
                todo.append(m["shape"])
            for k in ("member", "key", "value"):
                if k in sh:
                    todo.append(sh[k]["shape"])
        return seen
    ops_using = {}
    for op, o in ops.items():
        if "input" in o:
            for s in reach(o["input"]["shape"]):
                ops_using.setdefault(s, []).append(op)

    def check_error_code(where, code, shape_name):
        if not isinstance(code, str):
            errors.append(f"{where}: 'errorCode' must be a string")
            return
        if code not in shapes or not shapes[code].get("exception"):
            errors.append(f"{where}: errorCode '{code}' is not an exception shape in the model"
                          + did_you_mean(code, shapes))
            return
        users = ops_using.get(shape_name, [])
        if users and not any(code in [e["shape"] for e in ops[op].get("errors", [])] for op in users):
            errors.append(f"{where}: errorCode '{code}' is not listed in the errors of "
                          + ", ".join(sorted(users)))

    def member_target(where, target):
        """Resolve 'Shape$Member' -> (shape_name, member_shape_name) or None."""
        if not isinstance(target, str) or target.count("$") != 1:
            errors.append(f"{where}: 'target' must look like 'Shape$Member'")
            return None
        sn, mn = target.split("$")
        if sn not in shapes:
            errors.append(f"{where}: shape '{sn}' not in the model" + did_you_mean(sn, shapes))
            return None
        members = shapes[sn].get("members", {})
        if mn not in members:
            errors.append(f"{where}: shape '{sn}' has no member '{mn}'" + did_you_mean(mn, members))
            return None
        return sn, members[mn]["shape"]

    def entries(key):
        v = cust.get(key, [])
        if not isinstance(v, list):
            errors.append(f"{path}: '{key}' must be an array")
            return []
        out = []
        for i, e in enumerate(v):
            where = f"{path}: {key}[{i}]" + (f" (target '{e.get('target')}')" if isinstance(e, dict) else "")
            if not isinstance(e, dict):
                errors.append(f"{where}: entry must be an object")
                continue
            out.append((where, e))
        return out

    seen = set()
    for where, e in entries("members"):
        extra = set(e) - {"target", "errorCode", "items"} - set(MEMBER_KINDS)
        if extra:
            errors.append(f"{where}: unknown keys {sorted(extra)}")
        kinds = [k for k in MEMBER_KINDS if k in e]
        if len(kinds) > 1:
            errors.append(f"{where}: only one of {', '.join(MEMBER_KINDS)} allowed, got {kinds}")
        if not kinds and "errorCode" not in e:
            errors.append(f"{where}: needs one of {', '.join(MEMBER_KINDS)} or an errorCode")
        key = (repr(e.get("target")), tuple(kinds))
        if key in seen:
            errors.append(f"{where}: duplicate entry")
        seen.add(key)
        t = member_target(where, e.get("target"))
        if t is None:
            continue
        sn, ms = t
        mshape = shapes[ms]
        if "items" in e:
            if not isinstance(e["items"], bool):
                errors.append(f"{where}: 'items' must be true or false")
            elif e["items"]:
                if mshape.get("type") != "list":
                    errors.append(f"{where}: 'items' needs a list member, '{ms}' is {mshape.get('type')}")
                else:
                    ms = mshape["member"]["shape"]
                    mshape = shapes[ms]
        vtype = mshape.get("type")
        if "rule" in e:
            if e["rule"] not in MEMBER_RULES:
                errors.append(f"{where}: unknown rule '{e['rule']}' (known: {', '.join(MEMBER_RULES)})")
            if vtype != "string":
                errors.append(f"{where}: rule '{e['rule']}' needs a string value, '{ms}' is {vtype}")
        if "weightedLength" in e:
            w = e["weightedLength"]
            if not isinstance(w, dict) or set(w) - {"min", "max", "doubled"} or not ({"min", "max"} & set(w)):
                errors.append(f"{where}: 'weightedLength' must be an object with min and/or max and optional doubled")
            else:
                for k in ("min", "max"):
                    if k in w and (not isinstance(w[k], int) or isinstance(w[k], bool) or w[k] < 0):
                        errors.append(f"{where}: weightedLength.{k} must be a non-negative integer")
                if not isinstance(w.get("doubled", ""), str):
                    errors.append(f"{where}: weightedLength.doubled must be a string of characters")
            if vtype != "string":
                errors.append(f"{where}: 'weightedLength' needs a string value, '{ms}' is {vtype}")
        if "count" in e:
            c = e["count"]
            if not isinstance(c, dict) or set(c) - {"min", "max"} or not c:
                errors.append(f"{where}: 'count' must be an object with min and/or max")
            else:
                for k in ("min", "max"):
                    if k in c and (not isinstance(c[k], int) or isinstance(c[k], bool) or c[k] < 0):
                        errors.append(f"{where}: count.{k} must be a non-negative integer")
            if vtype not in ("list", "map"):
                errors.append(f"{where}: 'count' needs a list or map member, '{ms}' is {vtype}")
        if "default" in e and not isinstance(e["default"], str):
            errors.append(f"{where}: 'default' must be a string")
        if "allowedValues" in e:
            av = e["allowedValues"]
            if not isinstance(av, list) or not av or not all(isinstance(x, str) for x in av):
                errors.append(f"{where}: 'allowedValues' must be a non-empty array of strings")
            if vtype != "string":
                errors.append(f"{where}: 'allowedValues' needs a string value, '{ms}' is {vtype}")
        if "errorCode" in e:
            check_error_code(where, e["errorCode"], sn)

    def resolve_path(where, sn, arg):
        """'A[].B[].C[]' from structure sn; every segment must be a member, [] only on lists."""
        cur = sn
        for seg in arg.split("."):
            m = re.fullmatch(r"([A-Za-z0-9_]+)((?:\[\])*)", seg)
            if not m:
                errors.append(f"{where}: bad path segment '{seg}' in '{arg}'")
                return None
            name, brackets = m.group(1), m.group(2).count("[]")
            members = shapes[cur].get("members", {})
            if name not in members:
                errors.append(f"{where}: '{cur}' has no member '{name}' (in '{arg}')" + did_you_mean(name, members))
                return None
            cur = members[name]["shape"]
            for _ in range(brackets):
                if shapes[cur].get("type") != "list":
                    errors.append(f"{where}: '{name}[]' in '{arg}' but '{cur}' is not a list")
                    return None
                cur = shapes[cur]["member"]["shape"]
        return cur

    for where, e in entries("shapes"):
        extra = set(e) - {"target", "rule", "arguments", "limit", "errorCode"}
        if extra:
            errors.append(f"{where}: unknown keys {sorted(extra)}")
        sn = e.get("target")
        if sn not in shapes:
            errors.append(f"{where}: shape '{sn}' not in the model" + did_you_mean(str(sn), shapes))
            continue
        if shapes[sn].get("type") != "structure":
            errors.append(f"{where}: shape '{sn}' is not a structure")
            continue
        rule, args = e.get("rule"), e.get("arguments")
        if rule not in SHAPE_RULES:
            errors.append(f"{where}: unknown rule '{rule}' (known: {', '.join(SHAPE_RULES)})")
        if not isinstance(args, list) or not args or not all(isinstance(a, str) for a in args):
            errors.append(f"{where}: 'arguments' must be a non-empty array of strings")
            continue
        if rule in ("not-after", "mutually-exclusive"):
            if rule == "not-after" and len(args) != 2:
                errors.append(f"{where}: 'not-after' takes exactly two member names")
            for a in args:
                if a not in shapes[sn].get("members", {}):
                    errors.append(f"{where}: shape '{sn}' has no member '{a}'"
                                  + did_you_mean(a, shapes[sn].get("members", {})))
        if rule == "not-after":
            for a in args:
                ms = shapes[sn].get("members", {}).get(a, {}).get("shape")
                if ms and shapes[ms].get("type") != "timestamp":
                    errors.append(f"{where}: 'not-after' member '{a}' is not a timestamp")
        if rule == "total-count":
            for a in args:
                if not a.endswith("[]"):
                    errors.append(f"{where}: total-count path '{a}' must end in []")
                resolve_path(where, sn, a)
            lim = e.get("limit")
            if not isinstance(lim, int) or isinstance(lim, bool) or lim < 0:
                errors.append(f"{where}: 'total-count' needs an integer 'limit'")
        elif "limit" in e:
            errors.append(f"{where}: 'limit' only applies to total-count")
        if "errorCode" in e:
            check_error_code(where, e["errorCode"], sn)

    for where, e in entries("operations"):
        extra = set(e) - {"target", "rateLimit"}
        if extra:
            errors.append(f"{where}: unknown keys {sorted(extra)}")
        if e.get("target") not in ops:
            errors.append(f"{where}: operation '{e.get('target')}' not in the model"
                          + did_you_mean(str(e.get("target")), ops))
        r = e.get("rateLimit")
        if "rateLimit" in e and (isinstance(r, bool) or not isinstance(r, (int, float)) or r <= 0):
            errors.append(f"{where}: 'rateLimit' must be a positive number (requests per second)")

    seen = set()
    for where, e in entries("errorCodes"):
        extra = set(e) - {"target", "errorCode"}
        if extra:
            errors.append(f"{where}: unknown keys {sorted(extra)}")
        if repr(e.get("target")) in seen:
            errors.append(f"{where}: duplicate target")
        seen.add(repr(e.get("target")))
        t = member_target(where, e.get("target"))
        if "errorCode" not in e:
            errors.append(f"{where}: missing 'errorCode'")
        elif t is not None:
            check_error_code(where, e["errorCode"], t[0])
    return errors


# --------------------------------------------------------------------------
# main

def dump(obj):
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


def first_difference(old, new):
    a, b = old.splitlines(), new.splitlines()
    for i, (x, y) in enumerate(zip(a, b), 1):
        if x != y:
            return f"line {i}: on disk {x.strip()[:70]!r}, expected {y.strip()[:70]!r}"
    return f"line {min(len(a), len(b)) + 1}: files differ in length ({len(a)} vs {len(b)} lines)"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--service", default="cloudtrail", help="botocore service name (default: cloudtrail)")
    ap.add_argument("--version", default="2013-11-01", help="API version folder (default: 2013-11-01)")
    ap.add_argument("--botocore-data", metavar="DIR",
                    help="botocore's data folder (default: the installed botocore's)")
    ap.add_argument("--out", metavar="DIR", default=MODEL_DIR,
                    help="model root to write/check (default: the folder of this script)")
    ap.add_argument("--check", action="store_true",
                    help="write nothing; fail if files are out of date or docs/customizations are invalid")
    args = ap.parse_args(argv)

    try:
        if args.botocore_data:
            data_dir, bc_version = args.botocore_data, "unknown (given by --botocore-data)"
            if not os.path.isdir(data_dir):
                raise InputError(f"--botocore-data: not a folder: {data_dir}")
        else:
            data_dir, bc_version = find_botocore()
        src_dir = os.path.join(data_dir, args.service, args.version)
        if not os.path.isdir(src_dir):
            raise InputError(f"no botocore model for {args.service} {args.version}: {src_dir} does not exist")

        original = read_json(find_data_file(src_dir, "service-2.json"), "botocore service model")
        if not isinstance(original, dict) or not isinstance(original.get("shapes"), dict) \
                or not isinstance(original.get("operations"), dict):
            raise InputError("botocore service model: expected an object with 'operations' and 'shapes'")
        pag_path = find_data_file(src_dir, "paginators-1.json", required=False)
        paginators = read_json(pag_path, "botocore paginators") if pag_path else None

        svc_dir = os.path.join(args.out, args.service)
        docs_path = os.path.join(svc_dir, "documentation.json")
        docs = read_json(docs_path, "documentation.json") if os.path.exists(docs_path) else {}
        if not isinstance(docs, dict):
            raise InputError(f"documentation.json: top level must be a JSON object ({docs_path})")

        problems = []
        try:
            model = merge_docs(original, docs)
        except InputError as e:
            problems.append(str(e))
        for key, why in copied_text(original, docs):
            problems.append(f"documentation.json: key '{key}' {why}")

        cust_path = os.path.join(svc_dir, "customizations.json")
        if os.path.exists(cust_path):
            cust = read_json(cust_path, "customizations.json")
            problems += validate_customizations(original, cust)

        if problems:
            for p in problems:
                for line in p.splitlines():
                    print("error: " + line, file=sys.stderr)
            return 1

        outputs = [(os.path.join(svc_dir, args.version, "service-2.json"), dump(model))]
        if paginators is not None:
            outputs.append((os.path.join(svc_dir, args.version, "paginators-1.json"), dump(paginators)))

        n_ops, n_shapes = len(model["operations"]), len(model["shapes"])
        if args.check:
            stale = []
            for path, text in outputs:
                rel = os.path.relpath(path)
                if not os.path.exists(path):
                    stale.append(f"{rel} is missing")
                    continue
                with open(path, encoding="utf-8", newline="") as f:
                    old = f.read()
                if old != text:
                    stale.append(f"{rel} is out of date ({first_difference(old, text)})")
            if stale:
                for s in stale:
                    print("error: " + s, file=sys.stderr)
                print("run: python3 " + os.path.relpath(os.path.abspath(__file__)), file=sys.stderr)
                return 1
            print(f"ok: {args.service} {args.version} up to date with botocore {bc_version} "
                  f"({n_ops} operations, {n_shapes} shapes, {len(docs)} documentation entries)")
            return 0

        for path, text in outputs:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            print(f"wrote {os.path.relpath(path)}")
        print(f"from botocore {bc_version}: {n_ops} operations, {n_shapes} shapes, "
              f"{len(docs)} documentation entries merged")
        return 0
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
