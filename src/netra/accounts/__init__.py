"""Who may do what, where: roles, regional scope and password hashing."""
