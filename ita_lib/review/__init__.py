"""The review step: what an agency must check before its report is a publication.

`ita-report review AGENCY` writes a review file (review/file.py's `review_text`): the values the
documents do not settle, the spellings of the name, the district and province, the sign-off and the
report's date, each with what was found and a Thai comment on what to do. The agency fills it in;
`ita-report confirm FILE` checks it (review/model.py) and stores what it gives as facts of the kind
`confirmed` (review/confirm.py), which win over every document from then on.
"""
