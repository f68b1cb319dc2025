"""NewsDAC: a news corpus annotated for Duplication, Attribution and Certainty.

The core package holds the shared span and label types, the record schema,
the validator, the corpus build and the command-line interface.
"""

__version__ = "0.1.0"
