package org.civic311.database;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Civic311 keeps its data: an external PostgreSQL when {@code url} is set, otherwise an embedded
 * one in a folder under {@code dataDir}.
 *
 * @param dataDir the folder for the embedded database (and, for other modules, stored photos)
 * @param url JDBC URL of an external PostgreSQL 15+; when set, nothing is started
 * @param username user for the external database
 * @param password password for the external database
 * @param poolSize maximum number of pooled connections
 * @param embedded settings of the embedded server
 */
@ConfigurationProperties("civic311.database")
public record DatabaseProperties(
    @DefaultValue("data") Path dataDir,
    @Nullable String url,
    @Nullable String username,
    @Nullable String password,
    @DefaultValue("32") int poolSize,
    @DefaultValue Embedded embedded) {

  /** True when Civic311 must start its own PostgreSQL. */
  public boolean usesEmbedded() {
    return url == null || url.isBlank();
  }

  /**
   * Settings of the embedded PostgreSQL.
   *
   * @param port TCP port on 127.0.0.1; 0 picks a free one
   * @param durable turn {@code fsync} and {@code synchronous_commit} on, so an acknowledged write
   *     survives a crash (tests turn it off for speed)
   * @param startupWait how long to wait for the server to accept connections
   * @param orphanStopWait how long to wait for a server left behind by a killed Civic311 to stop
   */
  public record Embedded(
      @DefaultValue("0") int port,
      @DefaultValue("true") boolean durable,
      @DefaultValue("60s") Duration startupWait,
      @DefaultValue("60s") Duration orphanStopWait) {}
}
