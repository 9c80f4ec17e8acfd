#!/usr/bin/env bash
# Seed the corpora from examples/ (then `cargo +nightly fuzz cmin TARGET`
# keeps what adds coverage): check, build_orders and fmt start from the
# example files as they are; lsp from a session that opens each example and
# asks about it; lsp_edits from each example followed by a few edits (the
# target's input format: a text, then NUL-separated edits).
set -euo pipefail
cd "$(dirname "$0")"
for t in check build_orders fmt lsp lsp_edits; do mkdir -p "corpus/$t"; done
python3 - <<'PY'
import json, pathlib
examples = sorted(pathlib.Path("../examples").rglob("*.koom"))
def frame(msg):
    body = json.dumps(msg).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body
for path in examples:
    name = "_".join(path.relative_to("../examples").with_suffix("").parts) + ".koom"
    data = path.read_bytes()
    for t in ("check", "build_orders", "fmt"):
        pathlib.Path("corpus", t, name).write_bytes(data)
    text = data.decode("utf-8", "replace")
    uri = "file:///koomc-fuzz/nowhere/" + name
    doc = {"uri": uri}
    at = {"textDocument": doc, "position": {"line": 3, "character": 9}}
    session = frame({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                     "params": {"textDocument": dict(doc, languageId="koom", version=1, text=text)}})
    for i, method in enumerate(["textDocument/hover", "textDocument/completion",
                                "textDocument/definition", "textDocument/documentSymbol",
                                "textDocument/codeAction", "textDocument/formatting"]):
        params = dict(at, range={"start": at["position"], "end": at["position"]},
                      context={"diagnostics": []}, options={"tabSize": 2, "insertSpaces": True})
        session += frame({"jsonrpc": "2.0", "id": i + 1, "method": method, "params": params})
    session += frame({"jsonrpc": "2.0", "id": 99, "method": "shutdown"})
    session += frame({"jsonrpc": "2.0", "method": "exit"})
    pathlib.Path("corpus/lsp", name).write_bytes(b"\0" + session)
    middle = bytes([128])
    edits = b"\0" + bytes([40, 3]) + b"goal" + b"\0" + middle + bytes([0]) + b" {" + b"\0" + bytes([250, 5])
    pathlib.Path("corpus/lsp_edits", name).write_bytes(data.replace(b"\0", b"") + edits)
PY
