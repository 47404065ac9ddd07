"""tests/tap_unittest.py keeps its TAP stream apart from what a test prints.
If it did not, the "ok 7" lines below would reach the TAP driver as results
out of sequence: an ERROR for this file."""
import os
import subprocess
import unittest


class TapStreamTest(unittest.TestCase):
    def test_print_is_not_a_result(self):
        print('ok 7 - forged by print')
        print('1..1')

    def test_child_output_is_not_a_result(self):
        subprocess.run(['echo', 'not ok 8 - forged by a child'], check=True)
        os.write(1, b'not ok 9 - forged on descriptor 1\n')


if __name__ == '__main__':
    unittest.main()
