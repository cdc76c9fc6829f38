package org.civic311.webhooks.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How webhook deliveries are sent and retried.
 *
 * @param pollInterval how often a node looks for due deliveries
 * @param batchSize deliveries a node takes at a time
 * @param firstRetry wait before the first retry; each later retry waits twice as long
 * @param maxRetryInterval the longest wait between two attempts
 * @param giveUpAfter how long a delivery is retried before it is marked failed
 * @param timeout how long an endpoint has to answer
 * @param lease how long a node holds deliveries it took; after a crash another node retries them
 */
@ConfigurationProperties("civic311.webhooks")
record WebhookProperties(
    Duration pollInterval,
    int batchSize,
    Duration firstRetry,
    Duration maxRetryInterval,
    Duration giveUpAfter,
    Duration timeout,
    Duration lease) {}
