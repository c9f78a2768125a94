"""Pure domain rules of the shared kernel: no Django imports here."""
