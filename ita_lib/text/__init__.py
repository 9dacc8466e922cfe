"""Stage 2, Thai text: digits, normalisation of marks and vowels, repairs of PDF damage, numbered
steps (thai.py). Everything below the parser that is about Thai characters lives here."""
