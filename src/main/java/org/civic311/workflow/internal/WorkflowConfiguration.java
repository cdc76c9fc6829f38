package org.civic311.workflow.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkflowProperties.class)
@EnableScheduling
class WorkflowConfiguration {

  /** Runs escalation on a schedule; off on nodes that should not (and in tests that run it by hand). */
  @Component
  @ConditionalOnProperty(name = "civic311.workflow.escalation.enabled", havingValue = "true", matchIfMissing = true)
  static class EscalationSchedule {

    private static final Logger log = LoggerFactory.getLogger(EscalationSchedule.class);
    private final SlaEscalation escalation;

    EscalationSchedule(SlaEscalation escalation) {
      this.escalation = escalation;
    }

    @Scheduled(
        fixedDelayString = "${civic311.workflow.escalation.interval}",
        initialDelayString = "${civic311.workflow.escalation.interval}")
    void run() {
      try {
        int made = escalation.run();
        if (made > 0) log.info("SLA escalation: {} warnings and breaches", made);
      } catch (RuntimeException e) {
        log.warn("SLA escalation failed this round; the next round looks back over what it missed", e);
      }
    }
  }
}
