"""Holds COUNT long polls open on the service for SECONDS, then closes them: each is a GET /api/v1/events?wait=25 for
units created (nothing creates one meanwhile), sent again as soon as it is answered. The polls open one after another
over the first RAMP seconds (0: all at once), so that with RAMP the wait's length they end and poll again at a steady
pace, as clients that came at different moments do, not all together. Prints {"opened": n, "answered": n,
"failed": n, "firstFailure": "..."}.

    python3 polls.py http://127.0.0.1:58080 TOKEN COUNT SECONDS [RAMP]
"""
import asyncio
import json
import resource
import sys
import urllib.parse
import urllib.request

base, token, count, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
ramp = float(sys.argv[5]) if len(sys.argv) > 5 else 0.0
url = urllib.parse.urlsplit(base)
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, count + 64)), hard))


def head_of_the_feed():
    """The cursor after the last event of the feed now, so that each poll waits instead of reading history."""
    cursor = None
    while True:
        query = "limit=500" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
        request = urllib.request.Request(f"{base}/api/v1/events?{query}",
                                         headers={"Authorization": f"Bearer {token}", "Accept": "application/json"})
        page = json.load(urllib.request.urlopen(request, timeout=30))
        cursor = page["next"]
        if not page["hasMore"]:
            return cursor


counts = {"opened": 0, "answered": 0, "failed": 0, "firstFailure": None}


def failed(why):
    counts["failed"] += 1
    counts["firstFailure"] = counts["firstFailure"] or why


async def poll(cursor, until, delay):
    await asyncio.sleep(delay)
    path = f"/api/v1/events?wait=25&types=org.zuofeng.unit.created&cursor={urllib.parse.quote(cursor)}"
    reader, writer = await asyncio.open_connection(url.hostname, url.port)
    counts["opened"] += 1
    try:
        while asyncio.get_running_loop().time() < until:
            writer.write((f"GET {path} HTTP/1.1\r\nHost: {url.netloc}\r\nAuthorization: Bearer {token}\r\n"
                          "Accept: application/json\r\n\r\n").encode())
            await writer.drain()
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), until - asyncio.get_running_loop().time())
            length = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                              if line.lower().startswith(b"content-length:")))
            await reader.readexactly(length)
            if not head.startswith(b"HTTP/1.1 200"):
                failed(head.split(b"\r\n")[0].decode())
                return
            counts["answered"] += 1
    except asyncio.TimeoutError:
        pass
    except (ConnectionError, asyncio.IncompleteReadError, StopIteration) as e:
        failed(repr(e))
    finally:
        writer.close()


async def main():
    cursor = head_of_the_feed()
    until = asyncio.get_running_loop().time() + seconds
    await asyncio.gather(*(poll(cursor, until, i * ramp / count) for i in range(count)))


asyncio.run(main())
print(json.dumps(counts))
