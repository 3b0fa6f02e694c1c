"""Named-entity recognition: the Stanza NER tagger wrapper."""
