package org.civic311.open311.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.requests.Channel;
import org.civic311.requests.Location;
import org.civic311.requests.Reporter;
import org.civic311.requests.SubmitServiceRequest;
import org.jspecify.annotations.Nullable;

/**
 * Reads a POST Service Request the way real clients send it: attributes as {@code attribute[CODE]},
 * {@code attribute[CODE][]} (the spec) or {@code attribute[CODE][N]} (jreport), {@code media_url}
 * repeated (FixMyStreet), {@code deviceid} as well as {@code device_id}. It checks only what belongs to
 * the protocol (types, presence of a location, sizes); the requests module checks the rest.
 */
final class SubmissionForm {

  static final int MAX_PHOTOS = 5;
  private static final int MAX_MEDIA_URLS = 10;
  private static final int MAX_SHORT_TEXT = 255;
  private static final int MAX_ADDRESS = 1_000;
  private static final int MAX_URL = 2_048;

  private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\[\\]]{1,100})](?:\\[(\\d{0,6})])?");

  private SubmissionForm() {}

  /** What the parameters say; throws a 400 listing every problem found. */
  static Parsed parse(Open311Parameters parameters) {
    var problems = new Open311Exception.Problems();
    for (String name : parameters.withForbiddenCharacters()) {
      problems.add(name + " contains control characters, which are not allowed");
    }
    problems.throwIfAny();

    Optional<String> serviceCode = parameters.one("service_code");
    if (serviceCode.isEmpty()) problems.add("service_code missing -- can't proceed with create_request.");
    serviceCode.ifPresent(code -> limit(problems, "service_code", code, 100));

    Location location = location(parameters, problems);
    Map<String, List<String>> answers = answers(parameters, problems);
    List<String> mediaUrls = mediaUrls(parameters, problems);
    Reporter reporter = reporter(parameters, problems);
    problems.throwIfAny();

    String description = parameters.text("description").orElse(null);
    return new Parsed(serviceCode.orElseThrow(), answers, location, description, mediaUrls, reporter);
  }

  private static Location location(Open311Parameters parameters, Open311Exception.Problems problems) {
    Double lat = coordinate(parameters, "lat", problems);
    Double lon = coordinate(parameters, "long", problems);
    String address = parameters.one("address_string").orElse(null);
    String addressId = parameters.one("address_id").orElse(null);
    String zipcode = parameters.one("zipcode").orElse(null);
    boolean latGiven = parameters.one("lat").isPresent();
    boolean longGiven = parameters.one("long").isPresent();
    if (latGiven != longGiven) problems.add((latGiven ? "long" : "lat") + " missing: send lat and long together");
    if (!latGiven && !longGiven && address == null && addressId == null) {
      problems.add("A location is required: lat and long, address_string or address_id");
    }
    if (address != null) limit(problems, "address_string", address, MAX_ADDRESS);
    if (addressId != null) limit(problems, "address_id", addressId, MAX_SHORT_TEXT);
    if (zipcode != null) limit(problems, "zipcode", zipcode, 20);
    return new Location(lat, lon, address, addressId, zipcode);
  }

  private static @Nullable Double coordinate(
      Open311Parameters parameters, String name, Open311Exception.Problems problems) {
    Optional<String> value = parameters.one(name);
    if (value.isEmpty()) return null;
    Double number = Open311Parameters.decimal(value.get());
    if (number == null) problems.add(name + " must be a decimal number in WGS84 degrees, e.g. 38.8977");
    return number;
  }

  private static Map<String, List<String>> answers(Open311Parameters parameters, Open311Exception.Problems problems) {
    record Value(int index, String text) {}
    var byCode = new LinkedHashMap<String, List<Value>>();
    for (var entry : parameters.all().entrySet()) {
      String name = entry.getKey();
      if (!name.startsWith("attribute[")) continue;
      Matcher m = ATTRIBUTE.matcher(name);
      if (!m.matches()) {
        problems.add(
            Open311Parameters.printable(name)
                + " is not an attribute parameter: send attribute[CODE], attribute[CODE][] or attribute[CODE][N]");
        continue;
      }
      String code = m.group(1).strip();
      int index = m.group(2) == null || m.group(2).isEmpty() ? -1 : Integer.parseInt(m.group(2));
      for (String value : entry.getValue()) {
        if (value == null || value.isBlank()) continue;
        if (value.length() > 4_000) problems.add("attribute[" + code + "] is too long: at most 4000 characters");
        byCode.computeIfAbsent(code, c -> new ArrayList<>()).add(new Value(index, value.strip()));
      }
    }
    var answers = new TreeMap<String, List<String>>();
    byCode.forEach(
        (code, values) ->
            answers.put(
                code,
                values.stream()
                    .sorted(java.util.Comparator.comparingInt(Value::index))
                    .map(Value::text)
                    .toList()));
    return answers;
  }

  private static List<String> mediaUrls(Open311Parameters parameters, Open311Exception.Problems problems) {
    var urls = new ArrayList<String>(parameters.repeated("media_url"));
    urls.addAll(parameters.repeated("media_url[]"));
    if (urls.size() > MAX_MEDIA_URLS) problems.add("media_url: at most " + MAX_MEDIA_URLS + " URLs");
    for (String url : urls) {
      if (!isWebUrl(url)) problems.add("media_url must be an absolute http or https URL");
    }
    return urls.stream().distinct().toList();
  }

  static boolean isWebUrl(String url) {
    if (url.length() > MAX_URL) return false;
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      return scheme != null
          && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static Reporter reporter(Open311Parameters parameters, Open311Exception.Problems problems) {
    String deviceId = parameters.one("device_id").or(() -> parameters.one("deviceid")).orElse(null);
    var reporter =
        new Reporter(
            parameters.one("first_name").orElse(null),
            parameters.one("last_name").orElse(null),
            parameters.one("email").orElse(null),
            parameters.one("phone").orElse(null),
            deviceId,
            parameters.one("account_id").orElse(null));
    limitNullable(problems, "first_name", reporter.firstName());
    limitNullable(problems, "last_name", reporter.lastName());
    limitNullable(problems, "email", reporter.email());
    limitNullable(problems, "phone", reporter.phone());
    limitNullable(problems, "device_id", reporter.deviceId());
    limitNullable(problems, "account_id", reporter.accountId());
    return reporter;
  }

  private static void limitNullable(Open311Exception.Problems problems, String name, @Nullable String value) {
    if (value != null) limit(problems, name, value, MAX_SHORT_TEXT);
  }

  private static void limit(Open311Exception.Problems problems, String name, String value, int max) {
    if (value.length() > max) problems.add(name + " is too long: at most " + max + " characters");
  }

  /** A parsed submission, before photos are stored. */
  record Parsed(
      String serviceCode,
      Map<String, List<String>> answers,
      Location location,
      @Nullable String description,
      List<String> mediaUrls,
      Reporter reporter) {

    SubmitServiceRequest toCommand(
        List<String> photoUrls, @Nullable String idempotencyKey, @Nullable String idempotencyScope) {
      var media = new ArrayList<String>(photoUrls);
      media.addAll(mediaUrls);
      return new SubmitServiceRequest(
          serviceCode, answers, location, description, media, Channel.OPEN311, reporter, idempotencyKey, idempotencyScope);
    }

    /** Keeps personal data out of logs and messages. */
    @Override
    public String toString() {
      return "Parsed[serviceCode=" + serviceCode + ", …]";
    }
  }
}
