"""Accounts, roles and enterprises: who may see and change what, province by province."""
