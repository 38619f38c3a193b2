"""Sample corpus data files (JSON Lines); a package only so that the files ship in wheels."""
