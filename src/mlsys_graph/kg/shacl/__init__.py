"""The oxigraph validation engine: SHACL shapes compiled into SPARQL (docs/validation.md).

* :mod:`.shapes` reads a shapes graph into records and refuses SHACL it does not implement;
* :mod:`.paths` property paths, :mod:`.regex` ``sh:pattern`` in Oxigraph's regex syntax,
  :mod:`.sparql` SPARQL-based constraints and targets;
* :mod:`.compile` the queries that return what fails: one scan per property path for every
  shape, one query per set of focus nodes, one per SPARQL-based constraint;
* :mod:`.functions` the Python functions the queries call for pySHACL's exact rules;
* :mod:`.engine` runs the queries on a store and builds the violations.

The public entry points are :func:`mlsys_graph.kg.validate.validate` and
:func:`mlsys_graph.kg.validate.validate_store`.
"""
