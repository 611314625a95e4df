#!/usr/bin/env python3
"""Latency of `vsm lsp`: the first check of a workspace, then diagnostics after one-line edits.

    python3 scripts/lsp_latency.py VSM MODEL_DIR [EDITS]

Starts `VSM lsp` in MODEL_DIR, times `initialize` to the first diagnostics (the first full
load and check), opens the first file under MODEL_DIR/value-streams (or MODEL_DIR) that has a
`capabilities: [` line, then EDITS times (default 21) edits that line in the buffer, alternately
breaking and mending its first reference (`x` appended, then removed), so each edit changes the
file's diagnostics. It times each edit from sending `didChange` to receiving the file's
`publishDiagnostics`, and prints the first load and the median, minimum and maximum edit
latency in milliseconds. Timings are reported, never asserted. The client offers to watch files
(and accepts the server's registration); with LSP_NO_WATCH=1 it does not, and the server reads
the unopened files on every edit.
"""

import json
import os
import queue
import statistics
import subprocess
import sys
import threading
import time


def main():
    vsm, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 21
    proc = subprocess.Popen([vsm, "lsp"], cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    lock = threading.Lock()

    def send(message):
        body = json.dumps(message).encode()
        with lock:
            proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            proc.stdin.flush()

    # Messages are read on their own thread, as an editor reads them: a client that stops
    # reading while it writes a large buffer would block a server writing diagnostics.
    messages = queue.Queue()

    def read_messages():
        while True:
            length = None
            while True:
                line = proc.stdout.readline()
                if not line:
                    messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, value = line.decode().split(": ", 1)
                if name == "Content-Length":
                    length = int(value)
            message = json.loads(proc.stdout.read(length))
            if "method" in message and "id" in message:
                # A request of the server (the registration of watched files): accepted.
                send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            messages.put(message)

    threading.Thread(target=read_messages, daemon=True).start()

    def receive():
        message = messages.get()
        if message is None:
            raise SystemExit("vsm lsp ended")
        return message

    def wait_diagnostics(uri=None):
        while True:
            message = receive()
            if message.get("method") == "textDocument/publishDiagnostics":
                if uri is None or message["params"]["uri"] == uri:
                    return message

    start = time.perf_counter()
    # As VS Code does, the client says it can watch files for the server, which then reads
    # the unopened files once instead of on every edit (`LSP_NO_WATCH=1`: a client that cannot).
    capabilities = {} if os.environ.get("LSP_NO_WATCH") else {
        "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}}
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
          "params": {"capabilities": capabilities, "rootUri": "file://" + root}})
    receive()
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    # A generated model has findings, so the first check publishes some.
    wait_diagnostics()
    first_load = time.perf_counter() - start

    folder = os.path.join(root, "value-streams")
    folder = folder if os.path.isdir(folder) else root
    path = text = line_no = None
    for name in sorted(os.listdir(folder)):
        candidate = os.path.join(folder, name)
        with open(candidate, encoding="utf-8") as f:
            text = f.read()
        lines = text.split("\n")
        found = [i for i, l in enumerate(lines) if "capabilities: [" in l]
        if found:
            path, line_no = candidate, found[0]
            break
    if path is None:
        raise SystemExit("no line with `capabilities: [` found")
    uri = "file://" + path
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 0,
                                      "text": text}}})
    # The check of the opened buffer is done once this request is answered.
    send({"jsonrpc": "2.0", "id": 3, "method": "textDocument/documentSymbol",
          "params": {"textDocument": {"uri": uri}}})
    while receive().get("id") != 3:
        pass
    line = text.split("\n")[line_no]
    # The end of the first reference in the list (ASCII ids: UTF-16 units = bytes).
    bracket = line.index("[") + 1
    end = min(i for i in (line.find(",", bracket), line.find("]", bracket)) if i >= 0)
    times = []
    for n in range(edits):
        if n % 2 == 0:
            change = {"range": {"start": {"line": line_no, "character": end},
                                "end": {"line": line_no, "character": end}}, "text": "x"}
        else:
            change = {"range": {"start": {"line": line_no, "character": end},
                                "end": {"line": line_no, "character": end + 1}}, "text": ""}
        t0 = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri, "version": n + 1},
                         "contentChanges": [change]}})
        wait_diagnostics(uri)
        times.append((time.perf_counter() - t0) * 1000)
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    while receive().get("id") != 2:
        pass
    send({"jsonrpc": "2.0", "method": "exit"})
    proc.wait()
    print(f"first load and check: {first_load * 1000:.0f} ms")
    print(f"diagnostics after a one-line edit ({edits} edits): median "
          f"{statistics.median(times):.0f} ms, min {min(times):.0f} ms, max {max(times):.0f} ms")


if __name__ == "__main__":
    main()
