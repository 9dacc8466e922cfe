"""Compare the store's agency identity with the synthetic dataset's truth.

    .venv/bin/python bench/check_identity.py DATASET_DIR STORE.duckdb

Counts true agencies split over several store agencies (missed links) and store agencies holding
records of several true agencies (wrong merges, the worse error), with examples.
"""
from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pandas as pd


def main(data: Path, db: Path) -> int:
    truth = pd.read_csv(data / "truth.csv",
                        usecols=["file", "expected_name", "fiscal_year", "agency_key", "misspelled"])
    truth["path"] = truth["file"].map(lambda f: str(data / f))
    con = duckdb.connect(str(db), read_only=True)
    got = con.execute("""SELECT s.path, r.agency AS expected_name, r.fiscal_year, l.agency_id, l.method, l.similarity
                         FROM records r JOIN sources s ON s.sha256 = r.sha256
                         JOIN agency_links l USING (record_id)""").df()
    joined = truth.merge(got, on=["path", "expected_name", "fiscal_year"], how="left")
    unmatched = joined["agency_id"].isna().sum()
    split = joined.groupby("agency_key")["agency_id"].nunique()
    merged = joined.groupby("agency_id")["agency_key"].nunique()
    print(f"records {len(truth)}, not found in store {unmatched}")
    print(f"true agencies {truth['agency_key'].nunique()}, store agencies {joined['agency_id'].nunique()}")
    print(f"true agencies split over several store agencies: {(split > 1).sum()}")
    print(f"store agencies merging several true agencies: {(merged > 1).sum()}")
    print("link methods:", joined["method"].value_counts().to_dict())
    for key in split[split > 1].index[:5]:
        columns = ["expected_name", "fiscal_year", "agency_id", "method", "misspelled"]
        rows = joined[joined["agency_key"] == key][columns]
        print(rows.drop_duplicates(["expected_name", "agency_id"]).to_string(index=False))
    for agency_id in merged[merged > 1].index[:5]:
        members = joined[joined["agency_id"] == agency_id][["agency_key", "expected_name", "method"]]
        print(members.drop_duplicates().to_string(index=False))
    return 1 if (merged > 1).any() else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
