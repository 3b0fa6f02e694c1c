"""Entity resolution: name keys, transliteration and alias matching."""
