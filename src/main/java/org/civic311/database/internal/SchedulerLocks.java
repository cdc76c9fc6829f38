package org.civic311.database.internal;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A job that must run once per round however many app nodes run (SLA escalation) carries
 * {@code @SchedulerLock}: the node that takes the job's row in {@code scheduling.shedlock} runs it, the
 * others skip that round. Lock times come from the database's clock, so nodes whose clocks drift still
 * agree. Jobs every node runs (catalog refresh) or that share their work out row by row with
 * {@code SKIP LOCKED} (delivery workers, photo clean-up) carry no lock.
 *
 * <p>The default hold is the longest a round may take before another node may assume its runner died;
 * each job can shorten it.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulerLocks {

  @Bean
  LockProvider lockProvider(DataSource dataSource) {
    return new JdbcTemplateLockProvider(
        JdbcTemplateLockProvider.Configuration.builder()
            .withJdbcTemplate(new JdbcTemplate(dataSource))
            .withTableName("scheduling.shedlock")
            .usingDbTime()
            .build());
  }
}
