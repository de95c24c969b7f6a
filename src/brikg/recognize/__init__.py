"""Stage 3, recognisers: each module finds one kind of mention; ``recognizer`` runs them all."""
