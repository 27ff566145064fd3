"""The pandas equivalent of CUST.SUMMARY's core, timed on the bench's log (CSV path as argument): one row per
customer with first and last purchase day, orders (distinct days), total, frequency, recency and T. Reading the CSV
is not timed. Prints {"medianMs": ..., "bestMs": ..., "pandas": version} as JSON."""
import json
import sys
import time

import numpy as np
import pandas as pd

log = pd.read_csv(sys.argv[1], dtype={"id": str, "date": float, "amount": float})


def summarise():
    day = np.floor(log["date"].to_numpy())
    frame = log.assign(day=day)
    grouped = frame.groupby("id", sort=False)
    out = grouped.agg(first=("day", "min"), last=("day", "max"), orders=("day", "nunique"), total=("amount", "sum"))
    as_of = day.max()
    out["frequency"] = out["orders"] - 1
    out["recency"] = out["last"] - out["first"]
    out["T"] = as_of - out["first"]
    out["average"] = out["total"] / grouped.size()
    return out


summarise()
times = []
for _ in range(5):
    start = time.perf_counter()
    summarise()
    times.append((time.perf_counter() - start) * 1000)
times.sort()
print(json.dumps({"medianMs": times[2], "bestMs": times[0], "pandas": pd.__version__}))
