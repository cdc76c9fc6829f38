package org.civic311;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class ApplicationStartsTests {

  @Autowired JdbcClient jdbc;

  @Test
  void starts_on_an_embedded_postgresql_18() {
    String version = jdbc.sql("show server_version").query(String.class).single();
    assertThat(version).startsWith("18.");
  }
}
