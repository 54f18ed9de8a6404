"""Trade agreements Vietnam is party to: parties, dates, proof of origin, each fact with its source."""
