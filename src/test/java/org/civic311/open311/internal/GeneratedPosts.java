package org.civic311.open311.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random POST Service Request inputs from a seed: a valid request for a category, then a few of the
 * ways real and hostile clients get it wrong (missing and unknown fields, wrong types, huge and weird
 * text, out-of-range coordinates, unknown codes, markup-looking values, repeated parameters).
 */
final class GeneratedPosts {

  /** A category code and the parameters that answer its required questions. */
  record Valid(String serviceCode, Map<String, String> answers) {}

  record Post(String extension, List<Map.Entry<String, String>> parameters, String description) {}

  private static final String[] WEIRD =
      {
        "<service_requests><request/></service_requests>",
        "{\"code\":400}",
        "]]>&amp;<![CDATA[x]]>",
        "' OR 1=1 --",
        "\u202Egnp.exe",
        "\uD83D\uDE00\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08",
        "Ｆｕｌｌｗｉｄｔｈ",
        "\u0000nul",
        "tab\tand\r\nnewline",
        "\u00e9\u0301\u0327",
        "%00%ZZ",
        "attribute[",
        "null",
        "-0",
        "1e309",
        "NaN",
        " ",
        ""
      };

  private static final String[] DATES =
      {"2026-11-20T10:00:00Z", "2026-13-01T00:00:00Z", "yesterday", "2013-01-01T00:00:00 01:00", "0000-00-00"};

  private final Random random;
  private final String apiKey;
  private final Valid valid;

  GeneratedPosts(long seed, String apiKey, Valid valid) {
    this.random = new Random(seed);
    this.apiKey = apiKey;
    this.valid = valid;
  }

  Post next() {
    var p = new ArrayList<Map.Entry<String, String>>();
    p.add(Map.entry("api_key", apiKey));
    p.add(Map.entry("service_code", valid.serviceCode()));
    p.add(Map.entry("lat", "34.05"));
    p.add(Map.entry("long", "-118.25"));
    valid.answers().forEach((code, value) -> p.add(Map.entry("attribute[" + code + "]", value)));
    p.add(Map.entry("description", "Generated report"));
    int mutations = random.nextInt(5);
    var described = new StringBuilder();
    for (int i = 0; i < mutations; i++) described.append(mutate(p)).append("; ");
    return new Post(random.nextBoolean() ? "xml" : "json", p, described.toString());
  }

  private String mutate(List<Map.Entry<String, String>> p) {
    int kind = random.nextInt(14);
    switch (kind) {
      case 0 -> {
        var removed = p.remove(random.nextInt(p.size()));
        return "removed " + removed.getKey();
      }
      case 1 -> {
        String name = pick("first_name", "last_name", "email", "phone", "device_id", "deviceid", "account_id", "zipcode", "x_" + random.nextInt(99));
        p.add(Map.entry(name, weird()));
        return "added " + name;
      }
      case 2 -> {
        String name = pick("lat", "long");
        set(p, name, pick("abc", "1e999", "0x1p3", "", "12,5", "91", "-181", "200", "NaN", "Infinity"));
        return "bad " + name;
      }
      case 3 -> {
        set(p, "description", "x".repeat(random.nextBoolean() ? 4_001 : 1_000_000));
        return "long description";
      }
      case 4 -> {
        set(p, "description", weird() + weird());
        return "weird description";
      }
      case 5 -> {
        set(p, "service_code", pick("NOPE", "", "../etc/passwd", "<x>", "POTHOLE ", "bulky_items"));
        return "bad service_code";
      }
      case 6 -> {
        String name = "attribute[" + pick("UNKNOWN", "", "X][0", "ITEM_COUNT", "HOWMANYD") + "]" + pick("", "[]", "[3]", "[x]", "[]]");
        p.add(Map.entry(name, weird()));
        return "attribute " + name;
      }
      case 7 -> {
        var copy = p.get(random.nextInt(p.size()));
        p.add(Map.entry(copy.getKey(), weird()));
        return "repeated " + copy.getKey();
      }
      case 8 -> {
        p.add(Map.entry("media_url", pick("https://img.example.org/a.jpg", "ftp://x", "javascript:alert(1)", "not a url", "http://")));
        return "media_url";
      }
      case 9 -> {
        set(p, "api_key", pick("", "wrong", weird()));
        return "bad api_key";
      }
      case 10 -> {
        p.add(Map.entry("jurisdiction_id", pick("springfield.example.gov", "", "elsewhere.gov", weird())));
        return "jurisdiction_id";
      }
      case 11 -> {
        p.add(Map.entry(pick("start_date", "updated_datetime", "attribute[SEEN_AT]"), pick(DATES)));
        return "date";
      }
      case 12 -> {
        p.removeIf(e -> e.getKey().equals("lat") || e.getKey().equals("long"));
        p.add(Map.entry(pick("address_string", "address_id"), weird()));
        return "address instead of point";
      }
      default -> {
        String key = valid.answers().keySet().stream().findFirst().orElse("ITEM_COUNT");
        set(p, "attribute[" + key + "]", pick("-1", "999999999999999999999", "two", weird()));
        return "bad answer";
      }
    }
  }

  private void set(List<Map.Entry<String, String>> p, String name, String value) {
    p.removeIf(e -> e.getKey().equals(name));
    p.add(Map.entry(name, value));
  }

  private String weird() {
    return WEIRD[random.nextInt(WEIRD.length)];
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }
}
