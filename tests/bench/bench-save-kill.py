#!/usr/bin/env python3
"""kill -9 during a session save, 100 rounds (issue 17, F11).

Each round starts `test-session --save-loop PATH` (the session test in its
helper mode: it saves two different sessions in turn, as fast as it can),
waits for its first complete save, kills it with SIGKILL at a random moment
within 0.4 s, then runs `test-session --load-and-save PATH`: the session
must load and be one of the two, and after that save no temporary file may
be left beside it.

Targets: 0 sessions lost or unloadable, 0 temporary files left after the
next save. Exit 1 when missed.
"""
import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", help="parallax-cli (its build folder holds tests/test-session)")
    parser.add_argument("--test-session", help="the test-session program")
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args()

    program = args.test_session
    if program is None:
        build = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(args.cli or "build/src/cli/parallax-cli"))))
        program = os.path.join(build, "tests", "test-session")
    if not os.access(program, os.X_OK):
        print("skip: no %s (build the tests)" % program)
        return 0

    rng = random.Random(17)
    lost = leftovers_before = leftovers_after = 0
    with tempfile.TemporaryDirectory(prefix="px-bench-kill-") as folder:
        path = os.path.join(folder, "killed.parallax")
        ready = path + ".ready"
        for _ in range(args.rounds):
            child = subprocess.Popen([program, "--save-loop", path], stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 120
            while not os.path.exists(ready):
                if time.monotonic() > deadline or child.poll() is not None:
                    sys.exit("the save loop did not start")
                time.sleep(0.001)
            os.unlink(ready)
            time.sleep(rng.uniform(0.001, 0.4))
            child.send_signal(signal.SIGKILL)
            child.wait()
            leftovers_before += len([n for n in os.listdir(folder) if n != "killed.parallax"])
            status = subprocess.run([program, "--load-and-save", path], stderr=subprocess.PIPE).returncode
            if status != 0:
                lost += 1
            leftovers_after += len([n for n in os.listdir(folder) if n != "killed.parallax"])
    print("%d rounds of kill -9 during a save: %d sessions lost or unloadable; "
          "%d temporary files left by the kills, %d after the next save"
          % (args.rounds, lost, leftovers_before, leftovers_after))
    return 0 if lost == 0 and leftovers_after == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
