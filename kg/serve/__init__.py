"""``kg serve``: the HTTP server of the SPARQL 1.1 Protocol (``server``, ``sparql_http``,
the query page in ``page``), the query guard that refuses SERVICE and oversized queries
(``query_guard``) and the pool of query worker processes with time and memory limits
(``query_pool``, ``query_worker``).
"""
