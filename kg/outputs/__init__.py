"""What users read: ``kg beats`` (``beats``, name suggestions in ``names``), named
queries (``queries``), ``kg stats``/``kg show`` (``stats``), the HTML site (``site``,
``site_data``, ``site_html``), ``kg explain`` (``explain``), ``kg push`` (``push``) and the
CLI's output formatting (``cli_output``).
"""
