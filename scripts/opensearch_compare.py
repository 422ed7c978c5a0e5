#!/usr/bin/env python3
"""Load the sample and evaluation corpora into an OpenSearch cluster and compare
hit counts with `newsidx search` for every judged query of tests/eval/queries.tsv.

For a user with a cluster (none runs on the development machines):

    cargo build --release
    scripts/opensearch_compare.py --cluster http://localhost:9200 [--user admin:secret]

It builds an index of corpus/ and tests/eval/corpus/ in a temporary folder,
exports it with `newsidx export --format opensearch`, loads the template and the
bulk files into the index `newsidx-compare` (deleted first), and for each query
asks `_count` with the DSL of `newsidx search --explain-as opensearch`. Prints
one line per query and exits 1 when any count differs. Standard library only.
"""

import argparse
import base64
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGET = "newsidx-compare"


def request(cluster, method, path, body=None, content_type="application/json", user=None):
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
    req = urllib.request.Request(cluster.rstrip("/") + path, data=data, method=method)
    req.add_header("Content-Type", content_type)
    if user:
        req.add_header("Authorization", "Basic " + base64.b64encode(user.encode()).decode())
    try:
        with urllib.request.urlopen(req) as response:
            return json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as e:
        if method == "DELETE" and e.code == 404:
            return {}
        sys.exit(f"{method} {path}: HTTP {e.code}: {e.read()[:500]!r}")


def newsidx(binary, *args):
    out = subprocess.run([str(binary), *args], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"newsidx {' '.join(args)}: {out.stderr}")
    return out.stdout


def judged_queries():
    for line in (ROOT / "tests/eval/queries.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("id\t"):
            continue
        yield line.split("\t")[2]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cluster", required=True, help="e.g. http://localhost:9200")
    parser.add_argument("--user", help="user:password for basic authentication")
    parser.add_argument("--binary", default=ROOT / "target/release/newsidx")
    args = parser.parse_args()

    work = pathlib.Path(tempfile.mkdtemp(prefix="newsidx-compare-"))
    corpus, index, out = work / "corpus", work / "index", work / "export"
    shutil.copytree(ROOT / "corpus", corpus / "sample")
    shutil.copytree(ROOT / "tests/eval/corpus", corpus / "eval")
    newsidx(args.binary, "build", "--corpus", str(corpus), "--index", str(index), "--quiet")
    newsidx(args.binary, "export", "--index", str(index), "--format", "opensearch",
            "--out", str(out), "--target", TARGET)

    request(args.cluster, "DELETE", f"/{TARGET}", user=args.user)
    template = json.loads((out / "template.json").read_text())
    request(args.cluster, "PUT", f"/_index_template/{TARGET}", template, user=args.user)
    for bulk in sorted(out.glob("bulk-*.ndjson")):
        answer = request(args.cluster, "POST", "/_bulk", bulk.read_bytes(),
                         "application/x-ndjson", user=args.user)
        if answer.get("errors"):
            sys.exit(f"{bulk.name}: bulk errors: {json.dumps(answer)[:1000]}")
    request(args.cluster, "POST", f"/{TARGET}/_refresh", user=args.user)

    differ = 0
    for query in judged_queries():
        dsl = json.loads(newsidx(args.binary, "search", "--index", str(index),
                                 "--explain-as", "opensearch", query))
        cluster = request(args.cluster, "POST", f"/{TARGET}/_count", dsl, user=args.user)["count"]
        local = json.loads(newsidx(args.binary, "search", "--index", str(index), "--json",
                                   "--limit", "1", query))["total"]
        mark = "ok" if cluster == local else "DIFFERS"
        differ += cluster != local
        print(f"{mark}\t{local}\t{cluster}\t{query}")
    shutil.rmtree(work)
    print(f"{differ} queries differ", file=sys.stderr)
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
