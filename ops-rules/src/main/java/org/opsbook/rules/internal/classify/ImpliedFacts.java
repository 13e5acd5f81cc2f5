package org.opsbook.rules.internal.classify;

import org.opsbook.core.FaultFacts;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.OpsParameters.AffectedCustomersMode;

/**
 * Internal (not API): what one fact of {@link FaultFacts} tells of another by the manual's own definitions, read as a
 * lower bound where the classification (FAULT-CLASS-DEF-04) reads the broader fact. A host that gives only the
 * narrower fact, as the centre-manager rules ask for it, gets the level the manual gives the fault:
 * <ul>
 *   <li><b>key interfaces</b> 「关键接口包括:Call Center、HLR、银行、网站、SMP等」: a full outage of a core interface (CC,
 *       HLR, bank active payment, SMP; ESC-CENTER-14) is a key interface that cannot serve, for as long
 *       (FAULT-CLASS-L1-10, L2-09);
 *   <li><b>hot business</b> 「热点业务是指用户缴费开机、清单查询、服务开通、套卡销售与激活四类业务」: customers unable to query
 *       or print 清单 through self-service (ESC-CENTER-07) is hot business affected, for as long (L1-02, L2-02);
 *   <li><b>complaints</b> 「引起客户投诉咨询」: complaints of one type (ESC-ROOM-03) and the customers who complained of a
 *       communication failure, a wrong suspension or an account anomaly (ESC-CENTER-01/03/05) are complaints, at
 *       least as many (L1-04, L2-04);
 *   <li><b>customers whose normal communication is affected</b>: those who complained they cannot communicate
 *       (ESC-CENTER-01) and those with the identical fault (FAULT-GEN-04) are confirmed affected, those who may not
 *       communicate (ESC-CENTER-02) potentially affected; either count above zero means normal communication is
 *       affected (L1-01, L2-01).
 * </ul>
 * Nothing here changes the facts a host gave: they are stored and written back as given. Stateless.
 */
public final class ImpliedFacts {
  private ImpliedFacts() {}

  /** The complaints 「引起客户投诉咨询」 counts: {@code complaintCount}, or more where a narrower count is higher. */
  public static int complaints(FaultFacts f) {
    return complaints(f, f.sameTypeComplaintCount());
  }

  /** As {@link #complaints(FaultFacts)}, with {@code sameType} read for {@code sameTypeComplaintCount}. */
  public static int complaints(FaultFacts f, int sameType) {
    return Math.max(Math.max(f.complaintCount(), sameType), Math.max(f.commFailureComplainingCustomers(),
        Math.max(f.wrongSuspensionComplainingCustomers(), f.accountAnomalyComplainingCustomers())));
  }

  /** The minutes a key interface could not serve: the host's figure, or a core interface's full outage if longer. */
  public static double keyInterfaceOutageMinutes(FaultFacts f) {
    return f.coreInterfaceFullOutageMinutes().isEmpty() ? f.keyInterfaceOutageMinutes()
        : Math.max(f.keyInterfaceOutageMinutes(), f.maxCoreInterfaceFullOutageMinutes());
  }

  /** The minutes hot business was affected: the host's figure, or the self-service 清单 outage if longer. */
  public static double hotBusinessOutageMinutes(FaultFacts f) {
    return Math.max(f.hotBusinessOutageMinutes(), f.selfServiceBillListOutageMinutes());
  }

  /** True when normal communication is affected: the host says so, or customers cannot or may not communicate. */
  public static boolean affectsNormalCommunication(FaultFacts f) {
    return f.affectsNormalCommunication() || f.commFailureComplainingCustomers() > 0
        || f.commFailurePotentialCustomers() > 0;
  }

  /** The customers confirmed affected: the host's count, or the same-fault or complaining customers if more. */
  public static int confirmedCustomers(FaultFacts f) {
    return Math.max(f.affectedCustomersConfirmed(),
        Math.max(f.effectiveSameFaultCustomerCount(), f.commFailureComplainingCustomers()));
  }

  /** The customers potentially affected: the host's count, or those who may not communicate if more. */
  public static int potentialCustomers(FaultFacts f) {
    return Math.max(f.affectedCustomersPotential(), f.commFailurePotentialCustomers());
  }

  /**
   * The derived fact {@code affectedCustomers} of §2.1: the larger of the confirmed and the potential count, or the
   * confirmed count alone under {@link AffectedCustomersMode#CONFIRMED_ONLY} (A-42, OQ-37).
   */
  public static int affectedCustomers(FaultFacts f, boolean confirmedOnly) {
    int confirmed = confirmedCustomers(f);
    return confirmedOnly ? confirmed : Math.max(confirmed, potentialCustomers(f));
  }

  /** As {@link #affectedCustomers(FaultFacts, boolean)}, the mode taken from {@code p}. */
  public static int affectedCustomers(FaultFacts f, OpsParameters p) {
    return affectedCustomers(f, p.affectedCustomersMode() == AffectedCustomersMode.CONFIRMED_ONLY);
  }
}
