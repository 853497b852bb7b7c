"""The rows of the COPY baseline for P3: findings as the sync push writes them, as CSV (inspection unit count)."""
import sys
import uuid

inspection, unit, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
out = sys.stdout
for n in range(count):
    out.write(f"{uuid.uuid4()},{inspection},{unit},INACTION,MINOR,上班时间脱岗 {n},2026-01-05T09:30:00+08:00,OPEN,"
              f"{uuid.uuid4().hex},0,2026-01-05T10:00:00Z,bench-lead,2026-01-05T10:00:00Z,bench-lead\n")
