package org.civic311.database.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.civic311.database.DatabaseProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Gives the application its connection pool, starting the embedded PostgreSQL when no URL is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

  /** Null when an external PostgreSQL is used; closed by Spring after the pool. */
  @Bean(destroyMethod = "close")
  EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
    if (!properties.usesEmbedded()) {
      return new EmbeddedDatabase(null);
    }
    return new EmbeddedDatabase(
        EmbeddedPostgresServer.start(properties.dataDir(), properties.embedded()));
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(DatabaseProperties properties, EmbeddedDatabase embedded) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("civic311");
    config.setMaximumPoolSize(properties.poolSize());
    // PostgreSQL's DETAIL of a failed constraint quotes the whole row ("Failing row contains (...)"),
    // reporter name, email and phone included; keep it out of exception messages, which reach logs.
    config.addDataSourceProperty("logServerErrorDetail", "false");
    if (embedded.server() != null) {
      config.setJdbcUrl(embedded.server().jdbcUrl());
      config.setUsername("postgres");
    } else {
      config.setJdbcUrl(properties.url());
      config.setUsername(properties.username());
      config.setPassword(properties.password());
      log.info("Using the external PostgreSQL at {}", redact(properties.url()));
    }
    return new HikariDataSource(config);
  }

  /**
   * A JDBC URL may carry a password, as {@code password=} in its query string or properties, or as
   * {@code user:password@} before the host; never log it. Everything else stays, to help debugging.
   */
  static String redact(@Nullable String url) {
    if (url == null) return "";
    return url.replaceAll("(?i)(password\\s*=)[^&]*", "$1***")
        .replaceAll("//([^/@:?]*):[^/@?]*@", "//$1:***@");
  }

  /** Holder so the server is stopped after the pool that uses it is closed. */
  record EmbeddedDatabase(@Nullable EmbeddedPostgresServer server) implements AutoCloseable {
    @Override
    public void close() {
      if (server != null) server.close();
    }
  }
}
