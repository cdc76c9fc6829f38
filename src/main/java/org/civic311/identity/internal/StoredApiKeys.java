package org.civic311.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.civic311.identity.ApiClient;
import org.civic311.identity.ApiKeyScope;
import org.civic311.identity.ApiKeySummary;
import org.civic311.identity.ApiKeys;
import org.civic311.identity.IssuedApiKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * API keys kept in {@code identity.api_key}, stored as SHA-256 hashes of their secrets.
 *
 * <p>Why a fast hash and not bcrypt/argon2: those are slow on purpose so that a stolen table does
 * not give away low-entropy human passwords by brute force. Our secrets are 32 bytes from {@link
 * SecureRandom} (256 bits): nobody can enumerate them, however fast the hash, so slowness buys no
 * safety. It would cost a lot: every Open311 POST checks a key and we aim at 2,000 POST/s and more,
 * where a 50-100 ms password hash per request would need dozens of cores just for authentication. A
 * plain SHA-256 is also deterministic, so the key is found by an index lookup on its hash instead of
 * comparing against every stored hash; the secret never meets a timing-sensitive comparison in Java.
 *
 * <p>Successful authentications are remembered for {@link #CACHE_FOR} in this node, so a busy client
 * costs no database round-trip for its key. A revocation clears the entry here at once; other nodes
 * keep accepting the key for at most {@link #CACHE_FOR}. {@code last_used_at} is written at most once
 * per {@link #TOUCH_EVERY} per key and node, never on every request.
 */
@Service
class StoredApiKeys implements ApiKeys {

  static final String SECRET_PREFIX = "c311_";
  static final Duration CACHE_FOR = Duration.ofSeconds(30);
  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
  /** Enough for every real client; a flood of distinct valid keys just empties the cache. */
  private static final int MAX_CACHED = 10_000;
  /** Longer input is no key of ours; checked before hashing so junk costs nothing. */
  private static final int MAX_SECRET_LENGTH = 256;
  private static final int MAX_NAME_LENGTH = 200;

  private static final Logger log = LoggerFactory.getLogger(StoredApiKeys.class);
  private static final HexFormat HEX = HexFormat.of();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  /** Keyed by the hex SHA-256, so no secret is kept in memory longer than a request. */
  private final Map<String, CachedClient> authenticated = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();

  StoredApiKeys(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public IssuedApiKey create(String clientName) {
    return create(clientName, ApiKeyScope.DEFAULT);
  }

  @Override
  public IssuedApiKey create(String clientName, Set<ApiKeyScope> scopes) {
    if (scopes.isEmpty()) throw new IllegalArgumentException("An API key needs at least one scope");
    String name = validName(clientName);
    byte[] secretBytes = new byte[32];
    random.nextBytes(secretBytes);
    String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    String id = insert(name, sha256(secret), false, scopes);
    return new IssuedApiKey(id, name, secret);
  }

  @Override
  public Optional<ApiClient> authenticate(String secret) {
    if (secret.isBlank() || secret.length() > MAX_SECRET_LENGTH) return Optional.empty();
    byte[] hash = sha256(secret);
    String cacheKey = HEX.formatHex(hash);
    Instant now = clock.instant();
    CachedClient cached = authenticated.get(cacheKey);
    if (cached != null && now.isBefore(cached.expiresAt())) {
      touch(cached.client().keyId(), now);
      return Optional.of(cached.client());
    }
    Optional<ApiClient> found =
        jdbc.sql("select id, client_name, scopes from identity.api_key where secret_hash = ? and revoked_at is null")
            .param(hash)
            .query((rs, row) -> new ApiClient(rs.getString("id"), rs.getString("client_name"), scopes(rs.getArray("scopes"))))
            .optional();
    if (found.isEmpty()) {
      authenticated.remove(cacheKey);
      return found;
    }
    if (authenticated.size() >= MAX_CACHED) authenticated.clear();
    authenticated.put(cacheKey, new CachedClient(found.get(), now.plus(CACHE_FOR)));
    touch(found.get().keyId(), now);
    return found;
  }

  @Override
  public List<ApiKeySummary> list() {
    return jdbc.sql(
            """
            select id, client_name, created_at, last_used_at, revoked_at, scopes
            from identity.api_key
            order by created_at, id
            """)
        .query(
            (rs, row) ->
                new ApiKeySummary(
                    rs.getString("id"),
                    rs.getString("client_name"),
                    rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
                    instant(rs.getObject("last_used_at", java.time.OffsetDateTime.class)),
                    instant(rs.getObject("revoked_at", java.time.OffsetDateTime.class)),
                    scopes(rs.getArray("scopes"))))
        .list();
  }

  @Override
  public boolean revoke(String keyId) {
    int revoked =
        jdbc.sql("update identity.api_key set revoked_at = ? where id = ? and revoked_at is null")
            .param(timestamp(clock.instant()))
            .param(keyId)
            .update();
    authenticated.values().removeIf(cached -> cached.client().keyId().equals(keyId));
    if (revoked == 1) log.info("API key {} revoked", keyId);
    return revoked == 1;
  }

  /**
   * A revoked key stays revoked: revocation is a security decision that a restart with the same
   * environment must not undo. The caller is told through the log and {@link #isRevoked}.
   */
  @Override
  public ApiClient ensureExists(String secret, String clientName) {
    if (secret.isBlank() || secret.length() > MAX_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "An API key secret must be 1 to " + MAX_SECRET_LENGTH + " characters long");
    }
    String name = validName(clientName);
    byte[] hash = sha256(secret);
    insert(name, hash, true, ApiKeyScope.DEFAULT);
    return jdbc.sql("select id, client_name, scopes from identity.api_key where secret_hash = ?")
        .param(hash)
        .query((rs, row) -> new ApiClient(rs.getString("id"), rs.getString("client_name"), scopes(rs.getArray("scopes"))))
        .single();
  }

  boolean isRevoked(String keyId) {
    return jdbc.sql("select revoked_at is not null from identity.api_key where id = ?")
        .param(keyId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /** Inserts a key under a fresh id; an id collision (1 in 4 billion per pair) just draws another. */
  private String insert(String name, byte[] hash, boolean ignoreExistingSecret, Set<ApiKeyScope> scopes) {
    String sql =
        "insert into identity.api_key (id, client_name, secret_hash, created_at, scopes) values (?, ?, ?, ?, ?::text[])"
            + (ignoreExistingSecret ? " on conflict (secret_hash) do nothing" : "");
    String scopeArray =
        scopes.stream().map(ApiKeyScope::value).sorted().collect(java.util.stream.Collectors.joining(",", "{", "}"));
    for (int attempt = 1; ; attempt++) {
      String id = newId();
      try {
        jdbc.sql(sql).param(id).param(name).param(hash).param(timestamp(clock.instant())).param(scopeArray).update();
        return id;
      } catch (DuplicateKeyException idTaken) {
        if (attempt == 5) throw idTaken;
      }
    }
  }

  private String newId() {
    byte[] bytes = new byte[4];
    random.nextBytes(bytes);
    return "k_" + HEX.formatHex(bytes);
  }

  /**
   * Records use at most once per {@link #TOUCH_EVERY}: an admin wants to know whether a key is still
   * in use, not the time of each request, and a write per POST would double the database load.
   */
  private void touch(String keyId, Instant now) {
    boolean[] due = {false};
    lastTouched.compute(
        keyId,
        (id, last) -> {
          if (last != null && now.isBefore(last.plus(TOUCH_EVERY))) return last;
          due[0] = true;
          return now;
        });
    if (!due[0]) return;
    try {
      jdbc.sql(
              "update identity.api_key set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
          .param(timestamp(now))
          .param(keyId)
          .param(timestamp(now))
          .update();
    } catch (DataAccessException e) {
      // The request itself was authenticated; a missed usage time is not worth failing it.
      log.warn("Could not record the use of API key {}: {}", keyId, e.getMessage());
    }
  }

  private static String validName(String clientName) {
    String name = clientName.strip();
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("A client name must be 1 to " + MAX_NAME_LENGTH + " characters long");
    }
    return name;
  }

  static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  private static java.time.OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(java.time.ZoneOffset.UTC);
  }

  private static @Nullable Instant instant(java.time.@Nullable OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }

  private static Set<ApiKeyScope> scopes(java.sql.Array array) throws java.sql.SQLException {
    java.util.EnumSet<ApiKeyScope> scopes = java.util.EnumSet.noneOf(ApiKeyScope.class);
    // A scope this version does not know (written by a newer node) grants nothing here.
    for (Object value : (Object[]) array.getArray()) ApiKeyScope.of(String.valueOf(value)).ifPresent(scopes::add);
    return scopes;
  }

  private record CachedClient(ApiClient client, Instant expiresAt) {}
}
