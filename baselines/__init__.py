"""Baseline systems for the three NewsDAC tasks."""
