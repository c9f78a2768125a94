"""Views of the dossiers app, split by audience: staff.py (/werk/) and portal.py (/mijn/)."""
