#!/usr/bin/env python3
# bench-window.py: how soon the window shows its columns, and whether the
# main loop ever stalls while they are highlighted (issue 18).
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the bench-window program of a build (tests/bench-window) under the
# display it is given (xvfb-run -a -s "-screen 0 1280x800x24" …):
#   - on the five seed articles, --runs times, each in a new process: the
#     time from the process's start to the window's first frame, to the
#     first frame with every column, to the comparison and to the last
#     highlight (medians);
#   - on 20 generated articles of 5,000 words, --big-runs times: the same,
#     and the main loop's longest iteration and how many took over 16 ms.
# Prints the figures and exits 1 when a target is missed: the columns
# painted before the comparison ends, no iteration over 16 ms.

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run_once(program, args, env):
    t0 = int(time.clock_gettime(time.CLOCK_MONOTONIC) * 1e6)
    out = subprocess.run([program, '--t0', str(t0)] + args, env=env, check=True,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    figures = {}
    for line in out.splitlines():
        key, _, value = line.rpartition(' ')
        figures[key] = float(value)
    return figures


def medians(runs):
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--build', default=os.path.join(ROOT, 'build'))
    parser.add_argument('--seeds', default=os.path.join(ROOT, '..', 'shared', 'seeds'))
    parser.add_argument('--runs', type=int, default=7)
    parser.add_argument('--big-runs', type=int, default=3)
    options = parser.parse_args()

    program = os.path.join(options.build, 'tests', 'bench-window')
    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        sys.exit('bench-window.py: no display; run it under xvfb-run -a -s "-screen 0 1280x800x24"')
    env = dict(os.environ)
    env.setdefault('GSETTINGS_BACKEND', 'memory')
    env.setdefault('GSETTINGS_SCHEMA_DIR', os.path.join(options.build, 'data'))
    env.setdefault('GTK_A11Y', 'none')
    env.setdefault('NO_AT_BRIDGE', '1')
    env['XDG_STATE_HOME'] = tempfile.mkdtemp(prefix='px-bench-state-')
    missed = []

    seeds = sorted(os.path.join(options.seeds, name) for name in os.listdir(options.seeds)
                   if name.endswith('.txt')) if os.path.isdir(options.seeds) else []
    if seeds:
        m = medians([run_once(program, seeds, env) for _ in range(options.runs)])
        print(f'seeds ({len(seeds)} articles, median of {options.runs} processes, ms from exec):')
        for key in ('main', 'startup', 'opened', 'first-frame', 'columns-frame', 'compared', 'highlights',
                    'longest-iteration', 'longest-iteration-cpu'):
            print(f'  {key:20} {m[key]:8.1f}')
    else:
        print('seeds: skipped (no ../shared/seeds)')

    runs = [run_once(program, ['--generate', '20,5000'], env) for _ in range(options.big_runs)]
    m = medians(runs)
    print(f'20 generated articles of 5,000 words (median of {options.big_runs}):')
    for key in ('first-frame', 'columns-frame', 'compared', 'highlights', 'iterations',
                'longest-iteration', 'iterations-over-16ms', 'longest-iteration-cpu', 'iterations-over-16ms-cpu'):
        print(f'  {key:20} {m[key]:8.1f}')
    print('  longest iteration of each run: ' + ', '.join(f'{r["longest-iteration"]:.1f}' for r in runs))
    if not all(r['columns-frame'] > 0 and r['columns-frame'] < r['compared'] for r in runs):
        missed.append('the columns were not painted before the comparison ended')
    if max(r['longest-iteration'] for r in runs) > 16:
        missed.append('an iteration of the main loop took over 16 ms (wall time)')
    if max(r['longest-iteration-cpu'] for r in runs) > 16:
        missed.append('an iteration of the main loop took over 16 ms of CPU time')

    for line in missed:
        print('MISSED: ' + line)
    return 1 if missed else 0


if __name__ == '__main__':
    sys.exit(main())
