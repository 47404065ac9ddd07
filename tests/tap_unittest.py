#!/usr/bin/env python3
"""Runs one python unittest file and prints TAP: one line per test method and
one per failing subTest, so the suite's totals count test cases. TAP goes to
a copy of the original standard output; the tests' own output (and their
children's) goes to standard error, so nothing they print can forge a result.
usage: tap_unittest.py path/to/test_something.py"""
import importlib.util
import os
import signal
import sys
import traceback
import unittest


class TapResult(unittest.TestResult):
    def __init__(self, out):
        super().__init__()
        self.out = out
        self.n = 0
        self.failed = 0
        self._sub_failed = set()

    def _emit(self, ok, name, detail=None, directive=''):
        self.n += 1
        if not ok:
            self.failed += 1
        print(f"{'ok' if ok else 'not ok'} {self.n} - {name}{directive}", file=self.out)
        if detail:
            for line in detail.rstrip().split('\n'):
                print('# ' + line, file=self.out)
        self.out.flush()

    @staticmethod
    def _name(test):
        return f"{type(test).__name__}.{test._testMethodName}"

    def _detail(self, err):
        return ''.join(traceback.format_exception(*err))

    def addSuccess(self, test):
        if test.id() not in self._sub_failed:
            self._emit(True, self._name(test))

    def addFailure(self, test, err):
        self._emit(False, self._name(test), self._detail(err))

    def addError(self, test, err):
        name = self._name(test) if hasattr(test, '_testMethodName') else str(test)
        self._emit(False, name, self._detail(err))

    def addSkip(self, test, reason):
        # A skip is reported as a failure: the project's tests never skip silently.
        self._emit(False, self._name(test), f"skipped: {reason}")

    def addExpectedFailure(self, test, err):
        # "not ok # TODO" is TAP's expected failure (XFAIL); it is not a failure of this run.
        self._emit(False, self._name(test), directive=' # TODO expected failure')
        self.failed -= 1

    def addUnexpectedSuccess(self, test):
        self._emit(False, self._name(test), 'unexpected success')

    def addSubTest(self, test, subtest, err):
        if err is not None:
            self._sub_failed.add(test.id())
            self._emit(False, f"{self._name(test)} {subtest._subDescription()}", self._detail(err))


def _on_sigterm(result):
    # The suite's timeout sends SIGTERM: the running test fails, its cleanups
    # stop the servers it started, and no further test starts.
    def handler(signum, frame):
        result.shouldStop = True
        raise SystemExit(f'terminated by signal {signum} (the suite timeout?)')
    return handler


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    path = os.path.abspath(sys.argv[1])
    sys.path.insert(0, os.path.dirname(path))
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'integration'))
    # TAP on a duplicate of fd 1; fd 1 itself (and sys.stdout) become stderr.
    sys.stdout.flush()
    tap = os.fdopen(os.dup(1), 'w')
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    result = TapResult(tap)
    signal.signal(signal.SIGTERM, _on_sigterm(result))
    try:
        spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        suite = unittest.defaultTestLoader.loadTestsFromModule(module)
        suite.run(result)
    except (Exception, SystemExit):
        result._emit(False, os.path.basename(path), traceback.format_exc())
    if result.n == 0:
        result._emit(False, os.path.basename(path), 'no test ran')
    print(f"1..{result.n}", file=tap)
    tap.flush()
    return 1 if result.failed else 0


if __name__ == '__main__':
    sys.exit(main())
