/*
code: EPI
name: child_without_episodes_or_oc3
message: 'WARNING: Episodes need to be loaded for this child before further validation is possible [NOTE: This refers to the DfE portal - here, all checks that can be performed with only the available data will be.]'
fields: [CHILD]
tables: [header, episodes, oc3]
years: 2023/24-
severity: query
differs_from_peer: >
  A check the DfE portal runs without documenting it (the peer's commit "Added undocumented EPI
  rule from DFE portal": each header CHILD must be in the episodes or the OC3 table). A warning,
  not an error, so it is a query here. The peer runs it without an episodes or OC3 file (treating
  the missing file as empty); we skip it then, as for every rule whose table was not supplied.
  CHILD ids are compared exactly after trimming ('012' is not '12').
*/
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.child IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM episodes AS e WHERE e.child = h.child)
  AND NOT EXISTS (SELECT 1 FROM oc3 AS o WHERE o.child = h.child)
