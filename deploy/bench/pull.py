"""A new device's first sync: pulls GET /api/v1/sync/changes, 500 changes a request, until nothing more is waiting.
Prints {"changes": n, "findings": n, "requests": n, "bytes": n, "seconds": s}.

    python3 pull.py http://127.0.0.1:58080 TOKEN
"""
import json
import sys
import time
import urllib.parse
import urllib.request
import uuid

base, token = sys.argv[1], sys.argv[2]
client, cursor = str(uuid.uuid4()), None
totals = {"changes": 0, "findings": 0, "requests": 0, "bytes": 0}
started = time.monotonic()
while True:
    query = f"clientId={client}&limit=500" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
    request = urllib.request.Request(f"{base}/api/v1/sync/changes?{query}",
                                     headers={"Authorization": f"Bearer {token}", "Accept": "application/json"})
    body = urllib.request.urlopen(request, timeout=120).read()
    page = json.loads(body)
    totals["requests"] += 1
    totals["bytes"] += len(body)
    totals["changes"] += len(page["changes"])
    totals["findings"] += sum(1 for change in page["changes"] if change["entity"] == "FINDING")
    cursor = page["next"]
    if not page["hasMore"]:
        break
totals["seconds"] = round(time.monotonic() - started, 3)
print(json.dumps(totals))
