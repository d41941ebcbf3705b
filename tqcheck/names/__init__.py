"""Names: the names data and what the name checks (NM…) compute from it.

- ``runtime``: loading (shipped ``glossaries/names.tbx`` + ``names`` files), cached per process
- ``data``: ``NamesData``, indexes per language (approved, wrong, foreign, Russian-based forms)
- ``text``: capitalised word parts of a document, word frequency, declension
- ``similarity``: Jaro-Winkler / edit distance (rapidfuzz), Russian-based variants
- ``analysis``: one reading of a document against the data (NM001, NM003, NM004)
- ``cluster``: spelling clusters of the capitalised words of a document (NM002)
- ``source``: names of the source and what became of them in the target (NM005)

The data files are term bases (``tqcheck.glossary``): subject field person, place or
organisation; approved, deprecated (``x-errorKind``) and profiled (``x-profile``) terms.
"""
