"""Stage 2, Thai text: digits, normalisation of marks and vowels, repairs of PDF damage (thai.py);
HTML fragments in cells (fragments.py); numbered steps (steps.py). Everything below the parser that
is about Thai characters lives here."""
