"""Stage 7, batches: many agencies' reports in warm worker processes or on dask.distributed,
incremental and resumable, with a manifest, an index page and the province overview (runner.py)."""
