package org.civic311.portal.internal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.catalog.Catalog;
import org.civic311.portal.internal.DuplicateProperties;
import org.civic311.requests.NearbyRequest;
import org.civic311.requests.ServiceRequests;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * "Is it one of these?": the open requests of the report's category around its place, nearest first,
 * so a resident can follow one ("me too") instead of sending the same problem again. Public fields
 * only, as the requests module gives them.
 */
@Component
class DuplicateCandidates {

  /** More than a handful is a list nobody reads on a phone. */
  static final int MAX_SHOWN = 5;
  private static final Pattern STORED_PHOTO = Pattern.compile(".*/media/([0-9a-f-]{36})\\.(jpg|png)$");

  /**
   * One open request as the list shows it.
   *
   * @param age "reported today", "reported 3 days ago", in the page's language
   * @param thumbnail the small version of its first photo, when it has one
   */
  record Candidate(
      String number,
      String statusUrl,
      String stageKey,
      String age,
      int distanceMeters,
      @Nullable String address,
      int followers,
      @Nullable String thumbnail) {}

  private final ServiceRequests requests;
  private final Catalog catalog;
  private final MessageSource messages;
  private final Clock clock;
  private final int radiusMeters;

  DuplicateCandidates(ServiceRequests requests, Catalog catalog, MessageSource messages, Clock clock,
      DuplicateProperties properties) {
    this.requests = requests;
    this.catalog = catalog;
    this.messages = messages;
    this.clock = clock;
    this.radiusMeters = properties.duplicateRadiusMeters();
  }

  int radiusMeters() {
    return radiusMeters;
  }

  /** Open requests of the category near the point; none when there is no usable point. */
  List<Candidate> near(String categoryCode, @Nullable Double latitude, @Nullable Double longitude, Locale locale) {
    if (latitude == null || longitude == null || !(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) {
      return List.of();
    }
    ZoneId zone = catalog.jurisdiction().timeZone();
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    return requests.openNear(categoryCode, latitude, longitude, radiusMeters, MAX_SHOWN).stream()
        .map(nearby -> candidate(nearby, today, zone, locale))
        .toList();
  }

  private Candidate candidate(NearbyRequest nearby, LocalDate today, ZoneId zone, Locale locale) {
    long days = Math.max(0, ChronoUnit.DAYS.between(LocalDate.ofInstant(nearby.submittedAt(), zone), today));
    String age = messages.getMessage("portal.report.duplicates.age", new Object[] {days}, locale);
    return new Candidate(
        nearby.number().value(),
        "/requests/" + nearby.number().value(),
        "portal.track.stage." + nearby.status().name(),
        age,
        nearby.distanceMeters(),
        nearby.address(),
        nearby.followers(),
        thumbnail(nearby.firstMediaUrl()));
  }

  private static @Nullable String thumbnail(@Nullable String url) {
    if (url == null) return null;
    Matcher stored = STORED_PHOTO.matcher(url);
    // A photo hosted elsewhere (an Open311 client's link) is not loaded into the resident's page.
    return stored.matches() ? "/media/" + stored.group(1) + "/thumbnail.jpg" : null;
  }

  /** Meters between two points (haversine on the mean Earth radius), for "taken about 300 m away". */
  static int meters(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
    return (int) Math.round(6_371_008.8 * 2 * Math.asin(Math.sqrt(a)));
  }
}
