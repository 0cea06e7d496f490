"""Security tests: who may read and change what, hostile input, controls, faults (issue 16)."""
