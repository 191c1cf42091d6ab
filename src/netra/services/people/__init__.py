"""The civil-servant register behind Netra's pages and commands: import, lookup, links to cases, the person page,
repeat offenders and BKN's follow-up. Case-touching code sits in `links` and `follow_up` only, so it can move
under the case repository (issue 19) in one place."""
