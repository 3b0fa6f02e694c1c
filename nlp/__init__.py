"""The NLP stages of arabic-kg: offset-preserving tokenisation, entity recognition, alias resolution."""
