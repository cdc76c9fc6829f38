package org.civic311.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Phone numbers that replied STOP, by keyed hash only. An opt-out covers every request (that is what
 * carriers and residents expect of STOP) and cancels the messages not sent yet; START ends it.
 */
@Component
class SmsOptOuts {

  private final JdbcClient jdbc;
  private final LinkSigner signer;
  private final DeliveryStore deliveries;

  SmsOptOuts(JdbcClient jdbc, LinkSigner signer, DeliveryStore deliveries) {
    this.jdbc = jdbc;
    this.signer = signer;
    this.deliveries = deliveries;
  }

  /** Records that {@code e164} wants no more text messages; returns how many waiting ones were cancelled. */
  @Transactional
  int optOut(String e164, String keyword, Instant now) {
    jdbc.sql(
            """
            INSERT INTO notifications.sms_opt_out (phone_key, keyword, at) VALUES (?, ?, ?)
            ON CONFLICT (phone_key) DO UPDATE SET keyword = EXCLUDED.keyword, at = EXCLUDED.at
            """)
        .params(signer.phoneKey(e164), keyword, Timestamp.from(now))
        .update();
    return deliveries.cancelPendingSms(e164);
  }

  /** Ends an opt-out: later messages to {@code e164} are sent again (cancelled ones stay cancelled). */
  void optIn(String e164) {
    jdbc.sql("DELETE FROM notifications.sms_opt_out WHERE phone_key = ?").param(signer.phoneKey(e164)).update();
  }

  boolean isOptedOut(String e164) {
    return !optedOut(Set.of(e164)).isEmpty();
  }

  /** Those of the numbers (E.164) that opted out. */
  Set<String> optedOut(Collection<String> numbers) {
    if (numbers.isEmpty()) return Set.of();
    java.util.Map<String, String> byKey = new java.util.HashMap<>();
    for (String n : numbers) byKey.put(signer.phoneKey(n), n);
    Set<String> out = new HashSet<>();
    jdbc.sql("SELECT phone_key FROM notifications.sms_opt_out WHERE phone_key = ANY(?)")
        .param(byKey.keySet().toArray(String[]::new))
        .query(String.class)
        .list()
        .forEach(k -> out.add(byKey.get(k)));
    return out;
  }
}
