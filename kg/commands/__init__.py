"""The bodies of the ``kg`` commands, one module per kind of work; :mod:`kg.cli`
assembles them into the ``kg`` group.

* ``build``: ``kg build`` (reports into the store) and ``kg extract`` (reports to N-Quads files);
* ``exchange``: graphs in and out of the store: ``kg load``, ``kg export``, ``kg push``;
* ``query``: ``kg query`` (SPARQL) and ``kg beats``;
* ``inspect``: ``kg show``, ``kg stats``, ``kg validate``, ``kg report`` (the site) and
  ``kg explain``;
* ``serve``: ``kg serve``;
* ``common``: what several commands share: options defined once, opening the store,
  size values, name suggestions, Ctrl-C during a query.

How the commands speak (one-line errors, tables, progress) is
:mod:`kg.outputs.cli_output`.
"""
