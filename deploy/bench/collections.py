"""The collector's pauses in a window of a workload, from the service's GC log (-Xlog:gc with the utctime decorator):
how many young collections paused it and for how long, and every full collection. A full collection stops the
service for a hundred milliseconds or more, so one that falls in a window moves its p99 by itself; the report names
it beside the figure. Prints {"young": n, "youngP50Ms": x, "youngMs": total, "fullMs": [..]}.

    python3 collections.py GC_LOG FROM TO      (FROM and TO: seconds since the epoch)
"""
import json
import re
import sys
from datetime import datetime

log, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
pause = re.compile(r"^\[([^]]+)\].* Pause (Young|Full)\b.* ([\d.]+)ms$")
young, full = [], []
with open(log, encoding="utf-8") as lines:
    for line in lines:
        match = pause.match(line.strip())
        if not match:
            continue
        at = datetime.strptime(match.group(1), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
        if start <= at <= end:
            (young if match.group(2) == "Young" else full).append(float(match.group(3)))
young.sort()
print(json.dumps({"young": len(young), "youngP50Ms": young[len(young) // 2] if young else 0,
                  "youngMs": round(sum(young), 1), "fullMs": full}))
