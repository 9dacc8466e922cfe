import sys

from ita_lib.cli.main import main

sys.exit(main())
