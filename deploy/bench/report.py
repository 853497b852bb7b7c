"""Writes report.md and report.json from the run's results.jsonl: every figure beside its baseline and target."""
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

results_file, mode, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
results = [json.loads(line) for line in Path(results_file).read_text().splitlines() if line.strip()]


def get(id_, metric):
    return next(r for r in results if r["id"] == id_ and r["metric"] == metric)


rows, failures = [], []


def row(id_, workload, figure, baseline, ratio, target, met, detail=""):
    rows.append({"id": id_, "workload": workload, "figure": figure, "baseline": baseline, "ratio": ratio,
                 "target": target, "met": met, "detail": detail})


def cpu_ms(r):
    return r["cpuSecondsPerRequest"] * 1000


def latency(r):
    return (f"p50 {r['p50Ms']:.1f} / p95 {r['p95Ms']:.1f} / p99 {r['p99Ms']:.1f} ms, "
            f"{r['cpuSecondsPerRequest'] * 1000:.2f} ms CPU/request" + paused(r))


def paused(r):
    """The collector's pauses in the window: a full collection moves a p99 by itself."""
    c = r.get("collections")
    if not c:
        return ""
    full = ", ".join(f"{ms:.0f} ms" for ms in c["fullMs"]) or "none"
    return (f"; collector: {c['young']} young pauses (p50 {c['youngP50Ms']:.1f} ms, {c['youngMs']:.0f} ms in all), "
            f"full collections: {full}")


for r in results:
    if r.get("errors", 0) or r.get("non2xx", 0):
        failures.append(f"{r['id']} {r['metric']}: {r.get('errors')} socket errors, {r.get('non2xx')} non-2xx answers")
    if "requests" in r and r["requests"] == 0:
        failures.append(f"{r['id']} {r['metric']}: no request completed in {r['seconds']:.1f} s")

p1, p1b = get("P1", "service"), get("P1", "baseline")
ratio = p1["requestsPerSecond"] / p1b["tps"]
row("P1", "GET one official, 16 connections", f"{p1['requestsPerSecond']:.0f} req/s", f"{p1b['tps']:.0f} tps (pgbench)",
    ratio, "≥ 0.12; ≤ 0.25 ms CPU", ratio >= 0.12 and cpu_ms(p1) <= 0.25,
    f"{latency(p1)}; warmed up {get('P1', 'warmUp')['seconds']} s, until a window's CPU a request was within 5 % of "
    "the one before")
floor = get("P1", "floor")
row("P1 floor", "the same GET answered by the HTTP layer and the one SQL statement alone (Floor.java)",
    f"{floor['requestsPerSecond']:.0f} req/s", f"{p1b['tps']:.0f} tps (pgbench)", floor["requestsPerSecond"] / p1b["tps"],
    "a reference, no target", None,
    f"{latency(floor)}; the service reaches {p1['requestsPerSecond'] / floor['requestsPerSecond']:.2f} of the floor's "
    f"requests a second at {cpu_ms(p1) / cpu_ms(floor):.1f} × its CPU a request")

page1, deep = get("P2", "page1"), get("P2", "deep")
ratio = deep["p95Ms"] / page1["p95Ms"]
row("P2", f"findings by unit + status, page at depth {get('P2', 'depth')['rows']:,} vs page 1",
    f"p95 {deep['p95Ms']:.1f} ms", f"p95 {page1['p95Ms']:.1f} ms (page 1)", ratio, "≤ 1.2; ≤ 3 ms CPU a page",
    ratio <= 1.2 and cpu_ms(deep) <= 3, f"deep: {latency(deep)}; page 1: {latency(page1)}")

p3, applied, p3b = get("P3", "service"), get("P3", "applied"), get("P3", "baseline")
per_second = applied["findings"] / p3["seconds"]
copy_per_second = p3b["rows"] / p3b["seconds"]
ratio = per_second / copy_per_second
row("P3", f"sync push, {applied['perRequest']} findings a request, 4 connections", f"{per_second:,.0f} findings/s",
    f"{copy_per_second:,.0f} rows/s (COPY)", ratio, "≥ 0.3; ≤ 0.15 ms CPU a finding",
    ratio >= 0.3 and cpu_ms(p3) / applied["perRequest"] <= 0.15,
    f"{latency(p3)}, {cpu_ms(p3) / applied['perRequest']:.2f} ms CPU a finding; warmed up "
    f"{get('P3', 'warmUp')['seconds']} s")

p4, p4b = get("P4", "service"), get("P4", "baseline")
ratio = p4b["seconds"] / p4["seconds"]
row("P4", f"NDJSON export of {p4['rows']:,} findings", f"{p4['seconds']:.1f} s, RSS +{p4['rssGrowthMb']} MB",
    f"{p4b['seconds']:.1f} s (COPY … TO STDOUT)", ratio, "≥ 0.4; RSS growth < 64 MB",
    ratio >= 0.4 and p4["rssGrowthMb"] < 64, f"{p4['bytes']:,} bytes")

start, rss = get("P5", "start"), get("P5", "rssAfterP1")
row("P5", "start to ready (migrated database); RSS", f"{start['seconds']:.1f} s; {start['rssMb']} MB after start, "
    f"{rss['rssMb']} MB after P1", "", None, "< 2 s; < 300 MB", start["seconds"] < 2 and rss["rssMb"] < 300)

admin, officer = get("P6", "admin"), get("P6", "officer")
ratio = officer["p95Ms"] / admin["p95Ms"]
row("P6", "a unit officer's findings vs an admin's", f"p95 {officer['p95Ms']:.1f} ms",
    f"p95 {admin['p95Ms']:.1f} ms (admin)", ratio, "≤ 1.25", ratio <= 1.25,
    f"officer: {latency(officer)}; admin: {latency(admin)}")

p7, p7b = get("P7", "service"), get("P7", "baseline")
ratio = p7b["seconds"] / p7["seconds"]
row("P7", f"a new device's sync snapshot ({p7['findings']:,} findings)",
    f"{p7['changes']:,} changes in {p7['seconds']:.1f} s, RSS +{p7['rssGrowthMb']} MB",
    f"{p7b['seconds']:.1f} s (COPY … TO STDOUT of the findings)", ratio, "≥ 0.3; RSS growth < 64 MB",
    ratio >= 0.3 and p7["rssGrowthMb"] < 64, f"{p7['requests']} requests, {p7['bytes']:,} bytes; after a first "
    f"device's pull of the same snapshot, to warm up, in {get('P7', 'warmUp')['seconds']} s")

p8, polls = get("P8", "service"), get("P8", "polls")
ratio = p8["p99Ms"] / p1["p99Ms"]
if polls["failed"] or polls["opened"] == 0:
    failures.append(f"P8 polls: {polls['opened']} opened, {polls['failed']} failed ({polls.get('firstFailure')})")
row("P8", f"P1 beside {polls['opened']:,} long polls at a steady pace", f"p99 {p8['p99Ms']:.1f} ms",
    f"p99 {p1['p99Ms']:.1f} ms (P1)", ratio, "p99 rises < 20 %", ratio < 1.2, latency(p8))

java = subprocess.run([os.environ.get("BENCH_JAVA", "java"), "-version"], capture_output=True,
                      text=True).stderr.splitlines()[0]
if os.environ.get("BENCH_JVM_OPTIONS", "").strip():
    java += f" with `{os.environ['BENCH_JVM_OPTIONS'].strip()}`"
report = {"mode": mode, "machine": f"{platform.machine()}, {subprocess.getoutput('nproc')} cores", "java": java,
          "rows": rows, "failures": failures, "results": results}
(out / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
lines = [f"# Benchmark ({mode})", "", f"{report['machine']}, {java}. Each figure beside its baseline of the same "
         "work done by PostgreSQL itself in the same run." + (" Smoke mode: a small data set and 3-second "
         "workloads; the targets hold for the full run only." if mode == "smoke" else ""), "",
         "| id | workload | figure | baseline | ratio | target | met |", "|---|---|---|---|---|---|---|"]
for r in rows:
    ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}"
    lines.append(f"| {r['id']} | {r['workload']} | {r['figure']} | {r['baseline']} | {ratio} | {r['target']} | "
                 f"{'—' if r['met'] is None else 'yes' if r['met'] else 'no'} |")
lines += ["", "Latencies and CPU:", ""] + [f"- {r['id']}: {r['detail']}" for r in rows if r["detail"]]
if failures:
    lines += ["", "**Failures:**", ""] + [f"- {f}" for f in failures]
(out / "report.md").write_text("\n".join(lines) + "\n")
print("\n".join(lines))
sys.exit(1 if failures else 0)
