"""Tariffs and the FTA finder: the HS nomenclature, Viet Nam's tariff lines and each agreement's rates."""
