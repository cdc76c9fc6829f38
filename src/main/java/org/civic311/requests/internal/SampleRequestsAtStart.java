package org.civic311.requests.internal;

import org.civic311.requests.SampleRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In demo mode, gives an empty city some requests so the map, lists and Open311 output have something
 * to show. It never touches a city that already has requests.
 */
@Component
@ConditionalOnProperty(name = "civic311.demo.sample-requests")
class SampleRequestsAtStart implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SampleRequestsAtStart.class);

  private final SampleRequests samples;
  private final JdbcClient jdbc;
  private final int count;

  SampleRequestsAtStart(
      SampleRequests samples, JdbcClient jdbc, @Value("${civic311.demo.sample-requests}") int count) {
    this.samples = samples;
    this.jdbc = jdbc;
    this.count = count;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (count <= 0) return;
    boolean empty = jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM requests.service_request)").query(Boolean.class).single();
    if (!empty) return;
    int added = samples.generate(count, done -> {});
    log.info("Demo mode: added {} sample requests to the empty city", added);
  }
}
