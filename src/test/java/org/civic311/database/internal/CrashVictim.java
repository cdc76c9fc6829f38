package org.civic311.database.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import org.civic311.database.DatabaseProperties;

/**
 * The process that a crash test kills: starts the embedded server on a folder, then inserts rows one
 * transaction at a time and prints {@code ACK <id>} only after each commit returned, as a web
 * request would answer 2xx only after its commit.
 *
 * <p>Arguments: data folder, durable ({@code true}/{@code false}). Prints {@code READY <port>} once
 * the table exists.
 */
public final class CrashVictim {

  private CrashVictim() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    boolean durable = Boolean.parseBoolean(args[1]);
    var settings =
        new DatabaseProperties.Embedded(0, durable, Duration.ofSeconds(30), Duration.ofSeconds(30));
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, settings);
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
      try (var s = c.createStatement()) {
        s.execute("create table if not exists acked (id bigint primary key, payload text not null)");
      }
      System.out.println("READY " + server.port());
      System.out.flush();
      c.setAutoCommit(false);
      String payload = "x".repeat(200);
      try (var insert = c.prepareStatement("insert into acked (id, payload) values (?, ?)")) {
        for (long id = 1; id < 10_000_000; id++) {
          insert.setLong(1, id);
          insert.setString(2, payload);
          insert.executeUpdate();
          c.commit();
          System.out.println("ACK " + id);
          System.out.flush();
        }
      }
    }
  }
}
