package org.civic311.portal.internal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.ServiceCategory;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.ServiceRequestDetails;
import org.jspecify.annotations.Nullable;

/**
 * What the status page and the map show of a request, in the page's language and the city's time
 * zone: public fields only (the details the requests module gives the public carry no contact).
 */
final class StatusViews {

  private static final Pattern STORED_PHOTO = Pattern.compile(".*/media/([0-9a-f-]{36})\\.(jpg|png)$");

  private StatusViews() {}

  /** A photo: the full-size address and its small version for the page. */
  record Photo(String full, String thumbnail) {}

  /** One public step of the timeline. */
  record TimelineItem(String when, String isoWhen, String kindKey, String stageKey, @Nullable String text) {}

  static String categoryName(Catalog catalog, String code, Locale locale) {
    return catalog.categoryIncludingInactive(code).map(c -> c.name(locale)).orElse(code);
  }

  static @Nullable ServiceCategory category(Catalog catalog, String code, Locale locale) {
    return catalog.categoryIncludingInactive(code).map(c -> c.localized(locale)).orElse(null);
  }

  static String stageKey(ServiceRequestDetails request) {
    return "portal.track.stage." + request.status().name();
  }

  static String date(@Nullable Instant at, ZoneId zone, Locale locale) {
    if (at == null) return "";
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(at.atZone(zone));
  }

  static String dateTime(Instant at, ZoneId zone, Locale locale) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
        .withLocale(locale)
        .format(at.atZone(zone));
  }

  static List<Photo> photos(ServiceRequestDetails request) {
    var photos = new ArrayList<Photo>();
    // A crew's photo of the finished work comes with the public step that resolved the request.
    var urls = new ArrayList<>(request.mediaUrls());
    request.history().forEach(entry -> urls.addAll(entry.mediaUrls()));
    for (String url : urls) {
      Matcher stored = STORED_PHOTO.matcher(url);
      // Our own photos have a small version; a photo hosted elsewhere is shown as it is.
      photos.add(stored.matches()
          ? new Photo("/media/" + stored.group(1) + "." + stored.group(2), "/media/" + stored.group(1) + "/thumbnail.jpg")
          : new Photo(url, url));
    }
    return photos;
  }

  /**
   * The public history, newest first. The requests module gives public entries only; the check on
   * {@code publicEntry} is kept so an internal note can never reach this page by a later change there.
   * "Me too" follows are counted, not listed.
   */
  static List<TimelineItem> timeline(ServiceRequestDetails request, ZoneId zone, Locale locale) {
    var items = new ArrayList<TimelineItem>();
    for (HistoryEntry entry : request.history()) {
      if (!entry.publicEntry() || entry.kind() == HistoryEntry.Kind.INTERNAL_NOTE
          || entry.kind() == HistoryEntry.Kind.FOLLOWED) continue;
      items.add(new TimelineItem(
          dateTime(entry.at(), zone, locale),
          entry.at().toString(),
          "portal.track.kind." + entry.kind().name(),
          "portal.track.stage." + entry.status().name(),
          entry.text() == null || entry.text().isBlank() ? null : entry.text()));
    }
    return items.reversed();
  }
}
