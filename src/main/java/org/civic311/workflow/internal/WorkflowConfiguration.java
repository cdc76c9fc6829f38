package org.civic311.workflow.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
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

  /**
   * Runs escalation on a schedule; off on nodes that should not (and in tests that run it by hand). With
   * several nodes, the one holding the ShedLock row runs each round and the others skip it; the scan
   * row's own lock ({@link EscalationStore#claimScan}) still keeps two rounds apart should one outlast
   * the ShedLock hold.
   */
  @Component
  @ConditionalOnProperty(name = "civic311.workflow.escalation.enabled", havingValue = "true", matchIfMissing = true)
  static class EscalationSchedule {

    static final String LOCK = "sla-escalation";
    private static final Logger log = LoggerFactory.getLogger(EscalationSchedule.class);
    private final SlaEscalation escalation;

    EscalationSchedule(SlaEscalation escalation) {
      this.escalation = escalation;
    }

    @Scheduled(
        fixedDelayString = "${civic311.workflow.escalation.interval}",
        initialDelayString = "${civic311.workflow.escalation.interval}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
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
