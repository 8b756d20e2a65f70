#!/usr/bin/env python3
"""Vendor the botocore models the tests compile, with AWS's documentation text removed.

Tests must not depend on whichever botocore a machine has installed, so the models they read live here:
``<service>/<api-version>/service-2.json`` and ``paginators-1.json`` for each service below, taken from the
installed botocore (or ``--botocore-data DIR``), with every ``documentation`` string removed exactly as
``model/derive.py`` removes it, written with the same formatting. ``botocore-version`` records where they came from.

``--check`` writes nothing and fails if the files here differ from what would be written (with the same botocore
version; with another one it says so and only checks that every file is present and documentation-free).
"""

import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in model/
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "model"))
import derive  # noqa: E402  one implementation of reading, stripping and formatting models

SERVICES = {"cloudtrail": "2013-11-01", "kms": "2014-11-01", "dynamodb": "2012-08-10", "logs": "2014-03-28"}
VERSION_FILE = os.path.join(HERE, "botocore-version")


def outputs(data_dir):
    for service, version in SERVICES.items():
        src = os.path.join(data_dir, service, version)
        if not os.path.isdir(src):
            raise derive.InputError(f"botocore has no {service} {version} model: {src} does not exist")
        model = derive.read_json(derive.find_data_file(src, "service-2.json"), f"{service} service model")
        yield os.path.join(HERE, service, version, "service-2.json"), derive.dump(derive.strip_docs(model))
        pag = derive.find_data_file(src, "paginators-1.json", required=False)
        if pag:
            yield os.path.join(HERE, service, version, "paginators-1.json"), derive.dump(derive.read_json(pag, f"{service} paginators"))


def has_docs(node, in_members=False):
    if isinstance(node, dict):
        return any((k == "documentation" and not in_members) or has_docs(v, k == "members" and not in_members) for k, v in node.items())
    return isinstance(node, list) and any(has_docs(v) for v in node)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--botocore-data", metavar="DIR", help="botocore's data folder (default: the installed botocore's)")
    ap.add_argument("--botocore-version", metavar="VERSION", help="the version of --botocore-data's botocore")
    ap.add_argument("--check", action="store_true", help="write nothing; fail if the vendored files are out of date")
    args = ap.parse_args(argv)
    try:
        if args.botocore_data:
            data_dir, bc_version = args.botocore_data, args.botocore_version or "unknown"
        else:
            data_dir, bc_version = derive.find_botocore()
        recorded = open(VERSION_FILE, encoding="utf-8").read().strip() if os.path.exists(VERSION_FILE) else None
        if args.check:
            if recorded != bc_version:
                print(f"note: the test models were vendored from botocore {recorded}; this machine has {bc_version}: "
                      "checking only that they are present and free of AWS documentation")
                bad = []
                for service, version in SERVICES.items():
                    path = os.path.join(HERE, service, version, "service-2.json")
                    if not os.path.exists(path):
                        bad.append(f"{os.path.relpath(path)} is missing")
                    elif has_docs(derive.read_json(path, service)):
                        bad.append(f"{os.path.relpath(path)} holds AWS documentation text")
                for b in bad:
                    print("error: " + b, file=sys.stderr)
                return 1 if bad else 0
            stale = [p for p, text in outputs(data_dir) if not os.path.exists(p) or derive.read_text(p) != text]
            for p in stale:
                print(f"error: {os.path.relpath(p)} is out of date", file=sys.stderr)
            if not stale:
                print(f"ok: test models up to date with botocore {bc_version}")
            return 1 if stale else 0
        for path, text in outputs(data_dir):
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            print(f"wrote {os.path.relpath(path)}")
        with open(VERSION_FILE, "w", encoding="utf-8", newline="\n") as f:
            f.write(bc_version + "\n")
        return 0
    except derive.InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
