package org.opsbook.rules.internal.dataop;

/** Which criterion of DATAOP-DEF-02 made a modification a batch one. */
enum BatchCriterion {
  /** 「涉及1000条以上的后台记录数据的修改」: recordCount &gt;= batchRecordCount. */
  RECORD_COUNT,
  /** 「金额差异超过10万元的财务报表数据修正」: financial difference &gt; batchFinancialYuan. */
  FINANCIAL_DIFFERENCE,
  /** 「误差超1000的商品进销存报表核对数据修正」: inventory error &gt; batchInventoryError. */
  INVENTORY_ERROR
}
