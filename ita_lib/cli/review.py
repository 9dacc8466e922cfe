"""`ita-report review AGENCY`: the review file the agency fills in; `ita-report confirm FILE`: what
it confirmed, into the store. Statuses as everywhere (exit_codes): a review file that cannot be used
is one line and PARTIAL when others were taken, STOPPED when it was the only one."""
from __future__ import annotations

import argparse
from pathlib import Path

from ita_lib.cli import exit_codes
from ita_lib.cli.say import line, say_path, tell, tell_error
from ita_lib.errors import ReviewError

DEFAULT_REVIEW_DIR = Path("params/review")


def cmd_review(args: argparse.Namespace) -> int:
    from ita_lib.analysis import load
    from ita_lib.files import atomic_write
    from ita_lib.review.model import load_review
    from ita_lib.review.signers import signers_in_files
    from ita_lib.review.write import review_text
    from ita_lib.store.slugs import agency_slug

    analysis = load(args.agency, args.db, province=args.province)
    agency = analysis.agency  # the store's name names its files, even once the agency confirmed another
    slug = agency_slug(agency.get("name_in_documents") or agency["name"], agency["agency_id"])
    target = Path(args.out) if args.out else DEFAULT_REVIEW_DIR / f"{slug}.yaml"
    earlier = load_review(target)[0] if target.is_file() else None  # keep what the agency already wrote
    latest = analysis.sources[analysis.sources["fiscal_year"] == analysis.latest_year]
    atomic_write(target, review_text(analysis, earlier, signers_in_files(latest["path"])))
    left = len(analysis.open_items)
    tell("review file for {agency}, fiscal year {year}: {left}{kept}", agency=analysis.agency["name"],
         year=analysis.latest_year, left=line("{count} open items", count=left) if left else line("nothing left open"),
         kept=line(", the agency's earlier answers kept") if earlier else "")
    say_path(target)
    return exit_codes.OK


def cmd_confirm(args: argparse.Namespace) -> int:
    from ita_lib.review.confirm import confirm

    aliases = args.aliases if args.aliases and Path(args.aliases).exists() else None
    failed = 0
    for path in args.files:
        try:
            done = confirm(path, db=args.db, aliases=aliases)
        except ReviewError as error:
            if len(args.files) == 1:
                raise
            tell_error(error)
            failed += 1
            continue
        replaced = line(", replacing {count} earlier confirmation", count=done.replaced) if done.replaced else ""
        tell("{path}: {count} values confirmed for {agency}, fiscal year {year}{replaced}", path=path,
             count=done.values, agency=done.agency, year=done.fiscal_year, replaced=replaced)
    return exit_codes.PARTIAL if failed else exit_codes.OK
