#!/usr/bin/env python3
"""Peak memory per input byte on the worst shapes of text (issue 17, F4).

Shapes, each SIZE bytes (default 16 MB; --size): one-letter sentences,
one huge paragraph, many tiny paragraphs, text dense with facts. For each,
`parallax-cli segment` (import + segmentation) and `parallax-cli facts`
(the same, then fact extraction) run in a child whose peak RSS is read with
wait4(); the figure is (peak - the peak on a tiny input) / SIZE.

Target (issue 17): <= 12 bytes of memory per input byte. Exit 1 when missed.
"""
import argparse
import os
import sys
import tempfile

TARGET = 12.0


def shapes(size):
    def fill(unit):
        return (unit * (size // len(unit) + 1))[:size]
    yield "one-letter sentences", fill("A. B. C. D. E. F. G. H. I. J.\n")
    yield "one huge paragraph", fill("The mayor said the bridge will open soon and traffic will grow. ")
    yield "many tiny paragraphs", fill("Yes.\n\n")
    yield "many facts", fill("On 20 November 2022, 45 per cent of 8,300 voters paid $1.2 million at 8 p.m. ")


def peak_rss(cli, args):
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.execv(cli, [cli] + args)
    _, status, usage = os.wait4(pid, 0)
    if status != 0:
        sys.exit("parallax-cli %s failed" % " ".join(args))
    return usage.ru_maxrss * 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", default="build/src/cli/parallax-cli")
    parser.add_argument("--size", type=int, default=16 * 1024 * 1024)
    args = parser.parse_args()

    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="px-bench-memory-") as tmp:
        tiny = os.path.join(tmp, "tiny.txt")
        with open(tiny, "w", encoding="utf-8") as f:
            f.write("A tiny text.\n")
        for command in ("segment", "facts"):
            base = peak_rss(args.cli, [command, tiny])
            for name, text in shapes(args.size):
                path = os.path.join(tmp, "shape.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                peak = peak_rss(args.cli, [command, path])
                per_byte = (peak - base) / args.size
                worst = max(worst, per_byte)
                print("%-8s %-22s %6.1f MB in: peak RSS %7.1f MiB, %5.1f bytes per input byte"
                      % (command, name, args.size / 1e6, peak / 2**20, per_byte))
    print("worst: %.1f bytes per input byte (target <= %.0f)" % (worst, TARGET))
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
