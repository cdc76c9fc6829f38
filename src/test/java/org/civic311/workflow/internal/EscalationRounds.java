package org.civic311.workflow.internal;

import org.springframework.context.ApplicationContext;

/** Lets tests of other modules run one escalation round now instead of waiting for its schedule. */
public final class EscalationRounds {

  private EscalationRounds() {}

  /** Runs one round; the warnings and breaches made, or -1 when another round is running. */
  public static int runOnce(ApplicationContext context) {
    return context.getBean(SlaEscalation.class).run();
  }
}
