"""The command line `ita-report` (main.py) and its subcommands for the store (store.py) and batches
(batch.py); option checks (options.py); one meaning per exit status (exit_codes.py); cache folders
set up before anything heavy is imported (home.py)."""
