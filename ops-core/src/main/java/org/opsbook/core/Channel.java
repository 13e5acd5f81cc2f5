package org.opsbook.core;

/** The channels through which a duty is discharged (rules-catalog §0.3). */
public enum Channel {
  /** A phone call. */
  PHONE,
  /** An SMS, usually a mass send by the 68284 duty desk. */
  SMS,
  /** A web posting (服营网站, I-OFFICE, 合作伙伴门户, BBS). */
  NOTICE,
  /** The provincial ticket and maintenance system. */
  AMS,
  /** The collaboration ticket system. */
  CMCP,
  /** The ITC monitoring system. */
  ITC,
  /** E-mail. */
  EMAIL,
  /** A document: report, log or form. */
  DOC,
  /** In person. */
  IN_PERSON
}
