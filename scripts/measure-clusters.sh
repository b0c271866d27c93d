#!/usr/bin/env bash
# Measures, in headless Debian Chromium on this machine, how long the app's map module takes to cluster and paint
# N stations (default 5,000; target < 1 s). Not a test: numbers depend on the machine.
# Usage: scripts/measure-clusters.sh [N=5000] [RUNS=5]. Needs `npm ci` (wwwroot/lib) and chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-5000}"; RUNS="${2:-5}"; PORT="${PORT:-5297}"
CHROMIUM="${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}"
[ -f wwwroot/lib/leaflet/leaflet.js ] || npm ci --no-audit --no-fund >/dev/null
work="$(mktemp -d)"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
# A static server for wwwroot plus the measurement page; /hold answers once the page calls /done (or after 120 s).
python3 - "$PORT" "$PWD/wwwroot" "$PWD/scripts/measure-clusters.html" <<'PY' >"$work/server.log" 2>&1 &
import functools, http.server, sys, threading
done = threading.Event()
port, root, page = int(sys.argv[1]), sys.argv[2], sys.argv[3]
class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, '.js': 'text/javascript'}
    def do_GET(self):
        if self.path.startswith('/measure'):
            body = open(page, 'rb').read()
            self.send_response(200); self.send_header('Content-Type', 'text/html; charset=utf-8')
            self.send_header('Content-Length', str(len(body))); self.end_headers(); self.wfile.write(body); return
        if self.path in ('/hold', '/done'):
            if self.path == '/done': done.set()
            else: done.wait(120)
            self.send_response(204); self.end_headers(); return
        super().do_GET()
http.server.ThreadingHTTPServer(('127.0.0.1', port), functools.partial(Handler, directory=root)).serve_forever()
PY
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/measure"; do sleep 0.1; done
"$CHROMIUM" --headless --no-sandbox --disable-gpu --window-size=390,844 --dump-dom \
  "http://127.0.0.1:$PORT/measure?n=$N&runs=$RUNS" 2>/dev/null | grep -oE '(clustered|pending)[^<]*' | head -1
