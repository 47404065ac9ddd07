"""Outcome cases, share 1 of 2 (outcome_cases.py says what they check)."""
import unittest

import outcome_cases
from outcome_cases import CfCaseOutcomes  # noqa: F401 (unittest finds it here)

outcome_cases.add_tests(0, 2)

if __name__ == '__main__':
    unittest.main()
