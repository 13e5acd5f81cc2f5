/**
 * Workload W5a of benchmarks.md (internal, not published): one ticket through five transitions with a four-eyes
 * guard on approval and one audit event per accepted transition, in opsbook's declared {@code StateMachine} beside
 * stateless4j, Spring Statemachine and a hand-written enum switch (the floor).
 */
package org.opsbook.benchmarks.fsm;
