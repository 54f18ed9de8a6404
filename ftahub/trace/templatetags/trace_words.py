"""Filters that turn EPCIS codes into words in the reader's language (see ftahub.trace.words)."""

from django import template

from ftahub.trace import words

register = template.Library()
register.filter("biz_step", words.biz_step)
register.filter("disposition", words.disposition)
register.filter("event_type", words.event_type)
register.filter("measurement", words.measurement)
register.filter("unit", words.unit)
register.filter("alert_text", words.alert_text)
