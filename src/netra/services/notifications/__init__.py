"""Notifications (issue 15): written with the change that causes them (planner), sent by the worker."""
