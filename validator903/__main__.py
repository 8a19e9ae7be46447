"""Entry point (``python -m validator903`` and the ``validator903`` command). The command line
module is imported inside the guard: Ctrl+C during the second it takes to import must also end
with "interrupted" and exit 130, not a traceback."""
import sys


def interrupted() -> None:
    """Say so and exit 130. os._exit: after a Ctrl+C caught during an import, a normal exit can
    still end by the signal (status -2) instead of 130; every cleanup has run by now."""
    import os

    print("interrupted", file=sys.stderr)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(130)


def main() -> None:
    try:
        from .cli import main as cli_main
    except BaseException as e:  # noqa: BLE001 - only Ctrl+C is handled here
        cause = e
        while cause is not None and not isinstance(cause, KeyboardInterrupt):
            cause = cause.__cause__ or cause.__context__
        if cause is None:
            raise
        interrupted()
    cli_main()


if __name__ == "__main__":
    main()
