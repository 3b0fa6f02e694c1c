"""Training code for the arabic-kg NER model (needs the ``train`` extra: gensim)."""
