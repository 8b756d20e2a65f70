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

It also writes ``model/<service>/<version>/botocore-version``, the version
of botocore the files were derived from.

``--check`` writes nothing. With the botocore version the files were derived
from, it fails (exit status 1) if the files on disk differ from what would be
written. With another version it says so and checks what does not depend on
the version: that ``documentation.json`` resolves against the model on disk and
reproduces its documentation exactly, and that it copies no text from the
installed botocore's documentation.

``customizations.json`` is not checked here: the generator is its one checker
(CTGEN008, at the offending line, on every build).

Standard library only. Exit status: 0 ok; 1 files out of date or
documentation.json invalid; 2 missing or malformed input, bad usage.
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

# The botocore version the files on disk were derived from, written next to them so --check can say which one it
# compares against (another version's model differs for reasons that are not ours to fix).
SOURCE_FILE = "botocore-version"


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
# helpers

def did_you_mean(name, candidates):
    low = name.lower()
    for c in candidates:
        if c.lower() == low and c != name:
            return f" (did you mean '{c}'?)"
    return ""


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


def read_text(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def recorded_version(out_dir):
    path = os.path.join(out_dir, SOURCE_FILE)
    try:
        return read_text(path).strip() or None
    except OSError:
        return None


def report(problems):
    for p in problems:
        for line in p.splitlines():
            print("error: " + line, file=sys.stderr)


def check_other_version(args, svc_dir, out_dir, original, docs, recorded, bc_version):
    """--check against a botocore other than the one the files came from: check what does not depend on the version."""
    print(f"note: {args.service} {args.version} was derived from botocore {recorded or 'unknown (no ' + SOURCE_FILE + ' file)'}; "
          f"this machine has botocore {bc_version}.")
    print("note: the model files are not compared with this botocore (its model differs for reasons that are not ours);"
          " checking documentation.json against the model on disk and for text copied from this botocore instead.")
    service_path = os.path.join(out_dir, "service-2.json")
    if not os.path.exists(service_path):
        report([f"{os.path.relpath(service_path)} is missing"])
        return 1
    on_disk = read_json(service_path, "model on disk")
    problems = []
    try:
        rebuilt = merge_docs(on_disk, docs)
        if dump(rebuilt) != read_text(service_path):
            problems.append(f"{os.path.relpath(service_path)}: its documentation differs from documentation.json "
                            f"({first_difference(read_text(service_path), dump(rebuilt))})")
    except InputError as e:
        problems.append(str(e))
    for key, why in copied_text(original, docs):
        problems.append(f"documentation.json: key '{key}' {why}")
    if problems:
        report(problems)
        return 1
    print(f"ok: {args.service} {args.version}: documentation.json matches the model on disk "
          f"({len(on_disk['operations'])} operations here, {len(original['operations'])} in botocore {bc_version}); "
          f"install botocore {recorded} for the full check")
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--service", default="cloudtrail", help="botocore service name (default: cloudtrail)")
    ap.add_argument("--version", default="2013-11-01", help="API version folder (default: 2013-11-01)")
    ap.add_argument("--botocore-data", metavar="DIR",
                    help="botocore's data folder (default: the installed botocore's)")
    ap.add_argument("--botocore-version", metavar="VERSION",
                    help="the version of the botocore given by --botocore-data (default: unknown)")
    ap.add_argument("--out", metavar="DIR", default=MODEL_DIR,
                    help="model root to write/check (default: the folder of this script)")
    ap.add_argument("--check", action="store_true",
                    help="write nothing; fail if the files are out of date or documentation.json is invalid")
    args = ap.parse_args(argv)

    try:
        if args.botocore_data:
            data_dir, bc_version = args.botocore_data, args.botocore_version or "unknown"
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
        out_dir = os.path.join(svc_dir, args.version)
        docs_path = os.path.join(svc_dir, "documentation.json")
        docs = read_json(docs_path, "documentation.json") if os.path.exists(docs_path) else {}
        if not isinstance(docs, dict):
            raise InputError(f"documentation.json: top level must be a JSON object ({docs_path})")

        recorded = recorded_version(out_dir)
        if args.check and recorded != bc_version:
            return check_other_version(args, svc_dir, out_dir, original, docs, recorded, bc_version)

        problems = []
        try:
            model = merge_docs(original, docs)
        except InputError as e:
            problems.append(str(e))
        for key, why in copied_text(original, docs):
            problems.append(f"documentation.json: key '{key}' {why}")
        if problems:
            report(problems)
            return 1

        outputs = [(os.path.join(out_dir, "service-2.json"), dump(model))]
        if paginators is not None:
            outputs.append((os.path.join(out_dir, "paginators-1.json"), dump(paginators)))
        outputs.append((os.path.join(out_dir, SOURCE_FILE), bc_version + "\n"))

        n_ops, n_shapes = len(model["operations"]), len(model["shapes"])
        if args.check:
            stale = []
            for path, text in outputs:
                rel = os.path.relpath(path)
                if not os.path.exists(path):
                    stale.append(f"{rel} is missing")
                    continue
                old = read_text(path)
                if old != text:
                    stale.append(f"{rel} is out of date ({first_difference(old, text)})")
            if stale:
                report(stale)
                print("run: python3 " + os.path.relpath(os.path.abspath(__file__)), file=sys.stderr)
                return 1
            print(f"ok: {args.service} {args.version} up to date with botocore {bc_version}, the version it was derived from "
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
