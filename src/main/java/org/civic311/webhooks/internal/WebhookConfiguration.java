package org.civic311.webhooks.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
@EnableScheduling
class WebhookConfiguration {

  /** Polls for due deliveries; off where a node should not send (and in tests that send by hand). */
  @Component
  @ConditionalOnProperty(name = "civic311.webhooks.sender-enabled", havingValue = "true", matchIfMissing = true)
  static class SendSchedule {

    private static final Logger log = LoggerFactory.getLogger(SendSchedule.class);
    private final WebhookSender sender;

    SendSchedule(WebhookSender sender) {
      this.sender = sender;
    }

    @Scheduled(fixedDelayString = "${civic311.webhooks.poll-interval}", initialDelayString = "${civic311.webhooks.poll-interval}")
    void sendDue() {
      try {
        while (sender.sendDue() > 0) {
          // keep going while there is a backlog, so a burst does not wait a poll interval per batch
        }
      } catch (RuntimeException e) {
        log.warn("Webhook deliveries could not be sent this round; retrying at the next", e);
      }
    }
  }
}
