package org.civic311.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What an API key may be used for; a key has one or more scopes. */
public enum ApiKeyScope {
  /** Submit service requests with Open311 POST requests. */
  OPEN311_POST("open311:post"),
  /** Push status updates with the Open311 servicerequestupdates POST (work-order systems). */
  OPEN311_UPDATES("open311:updates"),
  /** The integration API of city systems (webhooks, connectors). */
  INTEGRATION("integration"),
  /** Monitoring: the actuator endpoints other than health (Prometheus metrics), sent as a bearer token. */
  METRICS("metrics");

  /** What keys created without naming scopes (and every key made before scopes existed) may do. */
  public static final Set<ApiKeyScope> DEFAULT = Set.copyOf(EnumSet.of(OPEN311_POST, OPEN311_UPDATES));

  private final String value;

  ApiKeyScope(String value) {
    this.value = value;
  }

  /** The scope as written in the database, the CLI and lists, e.g. {@code open311:post}. */
  public String value() {
    return value;
  }

  /** The scope written as {@link #value()}, in any case. */
  public static Optional<ApiKeyScope> of(String value) {
    String wanted = value.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(scope -> scope.value.equals(wanted)).findFirst();
  }

  @Override
  public String toString() {
    return value;
  }
}
