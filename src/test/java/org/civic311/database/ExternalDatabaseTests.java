package org.civic311.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.civic311.Civic311Application;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With CIVIC311_DATABASE_URL, Civic311 uses that PostgreSQL (here one started by the test, standing in
 * for a city's server with its own user and password) and starts no database of its own.
 */
class ExternalDatabaseTests {

  static EmbeddedPostgres external;
  @TempDir static Path dataDir;

  @BeforeAll
  static void startTheCitysServer() throws Exception {
    external = EmbeddedPostgres.builder().start();
    try (Connection c = external.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE USER city311 PASSWORD 'S3cret-pass'");
      s.execute("CREATE DATABASE city311 OWNER city311");
    }
  }

  @AfterAll
  static void stopIt() throws Exception {
    external.close();
  }

  @Test
  void an_external_database_url_is_used_and_nothing_is_started() {
    String url = "jdbc:postgresql://127.0.0.1:" + external.getPort() + "/city311";
    SpringApplication app = new SpringApplication(Civic311Application.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    try (ConfigurableApplicationContext context =
        app.run(
            "--civic311.database.url=" + url,
            "--civic311.database.username=city311",
            "--civic311.database.password=S3cret-pass",
            "--civic311.database.data-dir=" + dataDir)) {
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("city311");
      assertThat(jdbc.sql("SELECT count(*) FROM catalog.service_category").query(Integer.class).single()).isPositive();
      assertThat(Files.exists(dataDir.resolve("postgres"))).as("no embedded cluster folder").isFalse();
    }
  }
}
