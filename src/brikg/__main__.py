"""``python -m brikg``: the same CLI as the ``brikg`` command."""

from brikg.cli import main

main()
