from ita_lib.cli.main import run

run()
