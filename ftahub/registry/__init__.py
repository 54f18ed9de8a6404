"""The foreign-affairs registry of a province: partners and relationships, delegations, agreements and MOUs with
their follow-up actions, international organisations' projects and ODA/NGO commitments, FDI projects, and the
trade profiles of enterprises."""
