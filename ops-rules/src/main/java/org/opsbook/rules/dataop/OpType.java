package org.opsbook.rules.dataop;

/** What a back-end data operation does (DATAOP-DEF-01, DATAOP-DEF-04). */
public enum OpType {
  /** 后台数据修改: inserts, deletes or updates records directly in the back-end database (DATAOP-DEF-01). */
  MODIFICATION,
  /** 后台数据提取: queries <em>and exports</em> data (DATAOP-DEF-04). */
  EXTRACTION,
  /** A query whose result is not exported: outside every data-operation rule (DATAOP-DEF-04). */
  QUERY_ONLY
}
