"""Stage 7, batches: one report per agency for a list, a province or the whole store, incremental
and resumable, with a manifest, an index page and the province overview.

- jobs.py: which agencies (Job, select_jobs, once_per_agency) and what became of each (Outcome).
- stamps.py: what a report depends on (code_hash, data_hashes, job_hash) and build.json (is_current).
- worker.py: one build in a worker with a warm kernel (build_job), its deadline and retry.
- pool.py: the local pool of worker processes (in_fresh_pools, usable_workers).
- cluster.py: the same jobs on a dask.distributed scheduler.
- manifest.py: the output folder, leftovers of a killed run, manifest.csv and the province overview.
- run.py: run_batch, which ties them together.
"""
