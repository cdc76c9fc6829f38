package org.civic311.catalog.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.civic311.catalog.CatalogFileException;
import org.civic311.catalog.CategoryTranslation;
import org.civic311.catalog.Department;
import org.civic311.catalog.Jurisdiction;
import org.civic311.catalog.Question;
import org.civic311.catalog.QuestionDatatype;
import org.civic311.catalog.ServiceCategory;
import org.civic311.catalog.ServiceType;
import org.civic311.catalog.SlaTarget;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a city file and checks everything a city can get wrong in it, reporting all problems at once
 * so a city fixes its file in one go rather than one start-up failure at a time.
 */
final class CityFileReader {

  /** Codes end up in URLs ({@code /services/POTHOLE.json}) and form fields ({@code attribute[SIZE]}). */
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]+");

  /** A language of translations: a lowercase ISO 639 code such as {@code es}. */
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

  private static final YAMLMapper MAPPER =
      YAMLMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  /** A city with a thousand categories fits in well under a megabyte. */
  private static final int MAX_FILE_SIZE = 4 * 1024 * 1024;

  private CityFileReader() {}

  /**
   * Finds keys the file format does not have, with their line: Jackson reports an unknown key of a
   * record only at the end of its mapping, which points a city at the wrong line.
   */
  private static void checkKeys(String source, byte[] yaml) {
    try (JsonParser parser = MAPPER.createParser(yaml)) {
      if (parser.nextToken() == null) throw new CatalogFileException("City file " + source + " is empty");
      checkKeys(source, parser, CityFile.class, "");
    }
  }

  private static void checkKeys(String source, JsonParser parser, Type expected, String path) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT && expected instanceof Class<?> type && type.isRecord()) {
      Map<String, Type> keys = new LinkedHashMap<>();
      for (RecordComponent component : type.getRecordComponents()) {
        keys.put(kebab(component.getName()), component.getGenericType());
      }
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String key = parser.currentName();
        Type value = keys.get(key);
        String here = path.isEmpty() ? key : path + "." + key;
        if (value == null) {
          throw new CatalogFileException("City file " + source + " line " + parser.currentTokenLocation().getLineNr()
              + " (at " + here + "): unknown key '" + key + "'; known keys here: " + String.join(", ", keys.keySet()));
        }
        parser.nextToken();
        checkKeys(source, parser, value, here);
      }
    } else if (token == JsonToken.START_OBJECT && expected instanceof ParameterizedType map
        && map.getRawType() == Map.class) {
      // translations: any language code as key, each value checked as its type
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String here = path + "." + parser.currentName();
        parser.nextToken();
        checkKeys(source, parser, map.getActualTypeArguments()[1], here);
      }
    } else if (token == JsonToken.START_ARRAY && expected instanceof ParameterizedType list
        && list.getRawType() == List.class) {
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        checkKeys(source, parser, list.getActualTypeArguments()[0], path + "[" + index++ + "]");
      }
    } else if (token != null && token.isStructStart()) {
      // A list where a value belongs, or the reverse: binding reports it with its line.
      parser.skipChildren();
    }
  }

  private static String kebab(String camelCase) {
    return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
  }

  /**
   * Reads and checks a city file.
   *
   * @param source how to name the file in messages, e.g. {@code classpath:city/springfield.yml}
   * @throws CatalogFileException naming the file and each problem
   */
  static CityDefinition read(String source, InputStream in) {
    CityFile file;
    try {
      byte[] yaml = in.readNBytes(MAX_FILE_SIZE + 1);
      if (yaml.length > MAX_FILE_SIZE) {
        throw new CatalogFileException("City file " + source + " is larger than " + MAX_FILE_SIZE / 1024 + " KB");
      }
      checkKeys(source, yaml);
      file = MAPPER.readValue(yaml, CityFile.class);
    } catch (IOException e) {
      throw new CatalogFileException("City file " + source + " cannot be read: " + e.getMessage(), e);
    } catch (CatalogFileException e) {
      throw e;
    } catch (JacksonException e) {
      throw new CatalogFileException("City file " + source + " cannot be read: " + describe(e), e);
    }
    if (file == null) {
      throw new CatalogFileException("City file " + source + " is empty");
    }
    var problems = new ArrayList<String>();
    CityDefinition definition = new Checker(problems).check(file);
    if (!problems.isEmpty()) {
      throw new CatalogFileException(
          "City file " + source + " has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
              + ":\n  - " + String.join("\n  - ", problems));
    }
    return definition;
  }

  static CityDefinition read(String source, String yaml) {
    return read(source, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  static CityDefinition read(String source, Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return read(source, in);
    } catch (IOException e) {
      throw new CatalogFileException("City file " + source + " cannot be opened: " + e.getMessage(), e);
    }
  }

  private static String describe(JacksonException e) {
    var where = new StringBuilder();
    TokenStreamLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      where.append("line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
    }
    String path = path(e);
    if (!path.isEmpty()) {
      where.append(where.isEmpty() ? "" : " ").append("(at ").append(path).append(")");
    }
    String problem;
    if (e instanceof UnrecognizedPropertyException unknown) {
      problem =
          "unknown key '" + unknown.getPropertyName() + "'; known keys here: "
              + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    } else {
      problem = Objects.requireNonNullElse(e.getOriginalMessage(), e.getClass().getSimpleName());
    }
    return where.isEmpty() ? problem : where + ": " + problem;
  }

  private static String path(JacksonException e) {
    var path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) path.append('.');
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** Collects problems instead of throwing, so one run reports them all. */
  private record Checker(List<String> problems) {

    CityDefinition check(CityFile file) {
      Jurisdiction jurisdiction = jurisdiction(file.jurisdiction());
      List<Department> departments = departments(nullToEmpty(file.departments()));
      Set<String> departmentCodes = departments.stream().map(Department::code).collect(Collectors.toSet());
      List<ServiceCategory> categories = categories(nullToEmpty(file.categories()), departmentCodes);
      return new CityDefinition(
          jurisdiction == null ? placeholderJurisdiction() : jurisdiction, departments, categories);
    }

    private @Nullable Jurisdiction jurisdiction(CityFile.@Nullable JurisdictionEntry entry) {
      if (entry == null) {
        problems.add("jurisdiction: missing (id, name, time-zone, contact and key-service are needed)");
        return null;
      }
      String id = required("jurisdiction", "id", entry.id());
      if (id != null && id.chars().anyMatch(Character::isWhitespace)) {
        problems.add("jurisdiction: id '" + id + "' must not contain spaces (use the city's web domain, e.g. springfield.example.gov)");
      }
      String name = required("jurisdiction", "name", entry.name());
      String zoneText = required("jurisdiction", "time-zone", entry.timeZone());
      ZoneId zone = null;
      if (zoneText != null) {
        try {
          zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
          problems.add("jurisdiction: time-zone '" + zoneText + "' is not a time zone (write e.g. America/Los_Angeles)");
        }
      }
      String contact = required("jurisdiction", "contact", entry.contact());
      String keyService = required("jurisdiction", "key-service", entry.keyService());
      Jurisdiction.Bounds bounds = bounds(entry.bounds());
      if (id == null || name == null || zone == null || contact == null || keyService == null) return null;
      return new Jurisdiction(id, name, zone, bounds, contact, keyService);
    }

    private Jurisdiction.@Nullable Bounds bounds(CityFile.@Nullable BoundsEntry entry) {
      if (entry == null) return null;
      if (entry.south() == null || entry.west() == null || entry.north() == null || entry.east() == null) {
        problems.add("jurisdiction: bounds needs all of south, west, north and east");
        return null;
      }
      double south = entry.south(), west = entry.west(), north = entry.north(), east = entry.east();
      if (Math.abs(south) > 90 || Math.abs(north) > 90 || Math.abs(west) > 180 || Math.abs(east) > 180) {
        problems.add("jurisdiction: bounds are outside the globe (latitudes within ±90, longitudes within ±180)");
        return null;
      }
      if (south >= north || west >= east) {
        problems.add("jurisdiction: bounds need south < north and west < east, got south " + south + ", north " + north
            + ", west " + west + ", east " + east);
        return null;
      }
      return new Jurisdiction.Bounds(south, west, north, east);
    }

    /** A code clients send back (service_code, attribute[CODE]) must be plain and unique among its kind. */
    private void checkCode(String where, String code, Set<String> seen, String other) {
      if (!CODE.matcher(code).matches()) problems.add(where + ": code may only use letters, digits, '_' and '-'");
      if (!seen.add(code)) problems.add(where + ": code " + code + " is used by " + other + " too");
    }

    private List<Department> departments(List<CityFile.@Nullable DepartmentEntry> entries) {
      var departments = new ArrayList<Department>();
      var seen = new HashSet<String>();
      for (int i = 0; i < entries.size(); i++) {
        CityFile.DepartmentEntry entry = entries.get(i);
        String where = "department #" + (i + 1);
        if (entry == null) {
          problems.add(where + ": empty");
          continue;
        }
        String code = required(where, "code", entry.code());
        if (code != null) {
          where += " (" + code + ")";
          checkCode(where, code, seen, "another department");
        }
        String name = required(where, "name", entry.name());
        String email = clean(entry.email());
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
          problems.add(where + ": email '" + email + "' is not an email address");
        }
        if (code != null && name != null) departments.add(new Department(code, name, email));
      }
      return departments;
    }

    private List<ServiceCategory> categories(List<CityFile.@Nullable CategoryEntry> entries, Set<String> departments) {
      var categories = new ArrayList<ServiceCategory>();
      var seen = new HashSet<String>();
      for (int i = 0; i < entries.size(); i++) {
        CityFile.CategoryEntry entry = entries.get(i);
        String where = "category #" + (i + 1);
        if (entry == null) {
          problems.add(where + ": empty");
          continue;
        }
        String code = required(where, "code", entry.code());
        if (code != null) {
          where += " (" + code + ")";
          checkCode(where, code, seen, "another category");
        }
        String name = required(where, "name", entry.name());
        String description = required(where, "description", entry.description());
        ServiceType type = type(where, entry.type());
        String department = clean(entry.department());
        if (department != null && !departments.contains(department)) {
          problems.add(where + ": department " + department + " is not listed under departments"
              + (departments.isEmpty() ? "" : " (known: " + String.join(", ", departments.stream().sorted().toList()) + ")"));
        }
        SlaTarget sla = null;
        String slaText = clean(entry.sla());
        if (slaText != null) {
          try {
            sla = SlaTarget.parse(slaText);
          } catch (IllegalArgumentException e) {
            problems.add(where + ": sla '" + slaText + "' is not a target; write e.g. '48 hours' or '5 business days'");
          }
        }
        List<Question> questions = questions(where, nullToEmpty(entry.questions()));
        boolean metadata =
            entry.metadata() != null ? entry.metadata() : questions.stream().anyMatch(Question::variable);
        if (!metadata) {
          String at = where;
          questions.stream()
              .filter(Question::required)
              .forEach(q -> problems.add(at + ": metadata is false, so clients never see its required question "
                  + q.code() + "; remove 'metadata: false' or make the question optional"));
        }
        Map<String, CategoryTranslation> translations =
            translations(where, entry, nullToEmpty(entry.questions()), questions);
        if (code != null && name != null && description != null && type != null) {
          categories.add(new ServiceCategory(code, name, description, clean(entry.group()), clean(entry.keywords()), type,
              metadata, questions, department, sla, clean(entry.serviceNotice()), translations));
        }
      }
      return categories;
    }

    /**
     * Gathers a category's translations, written next to each text in the file, into one per
     * language. A language is a lowercase ISO 639 code ({@code es}), as the portal matches it.
     */
    private Map<String, CategoryTranslation> translations(
        String where, CityFile.CategoryEntry entry, List<CityFile.@Nullable QuestionEntry> questionEntries,
        List<Question> questions) {
      var names = new LinkedHashMap<String, CityFile.CategoryTranslationEntry>();
      var questionTexts = new LinkedHashMap<String, Map<String, CityFile.QuestionTranslationEntry>>();
      var valueNames = new LinkedHashMap<String, Map<String, Map<String, String>>>();
      var languages = new java.util.LinkedHashSet<String>();
      nullToEmpty(entry.translations()).forEach((language, translation) -> {
        if (language(where, language) && translation != null) {
          names.put(language, translation);
          languages.add(language);
        }
      });
      var known = questions.stream().map(Question::code).collect(Collectors.toSet());
      for (CityFile.QuestionEntry question : questionEntries) {
        if (question == null || clean(question.code()) == null || !known.contains(clean(question.code()))) continue;
        String code = clean(question.code());
        String at = where + ", question " + code;
        nullToEmpty(question.translations()).forEach((language, translation) -> {
          if (!language(at, language) || translation == null) return;
          if (clean(translation.description()) == null && clean(translation.datatypeDescription()) == null) {
            problems.add(at + ": translation " + language + " has neither description nor datatype-description");
            return;
          }
          questionTexts.computeIfAbsent(language, l -> new LinkedHashMap<>()).put(code, translation);
          languages.add(language);
        });
        for (CityFile.ValueEntry value : nullToEmpty(question.values())) {
          if (value == null || clean(value.key()) == null) continue;
          nullToEmpty(value.translations()).forEach((language, name) -> {
            String at2 = at + ", value " + clean(value.key());
            if (!language(at2, language)) return;
            if (clean(name) == null) {
              problems.add(at2 + ": translation " + language + " is empty");
              return;
            }
            valueNames.computeIfAbsent(language, l -> new LinkedHashMap<>())
                .computeIfAbsent(code, c -> new LinkedHashMap<>())
                .put(clean(value.key()), clean(name));
            languages.add(language);
          });
        }
      }
      var translations = new LinkedHashMap<String, CategoryTranslation>();
      for (String language : languages) {
        var texts = questionTexts.getOrDefault(language, Map.of());
        var values = valueNames.getOrDefault(language, Map.of());
        var byQuestion = new LinkedHashMap<String, CategoryTranslation.QuestionTranslation>();
        for (String code : known) {
          if (texts.containsKey(code) || values.containsKey(code)) {
            CityFile.QuestionTranslationEntry text = texts.get(code);
            byQuestion.put(code, new CategoryTranslation.QuestionTranslation(
                text == null ? null : clean(text.description()), text == null ? null : clean(text.datatypeDescription()),
                values.getOrDefault(code, Map.of())));
          }
        }
        CityFile.CategoryTranslationEntry names0 = names.get(language);
        translations.put(language, new CategoryTranslation(
            names0 == null ? null : clean(names0.name()), names0 == null ? null : clean(names0.description()),
            names0 == null ? null : clean(names0.group()), names0 == null ? null : clean(names0.keywords()),
            names0 == null ? null : clean(names0.serviceNotice()), byQuestion));
      }
      return translations;
    }

    private boolean language(String where, String language) {
      if (LANGUAGE.matcher(language).matches()) return true;
      problems.add(where + ": translations key '" + language + "' is not a language code (write e.g. es)");
      return false;
    }

    private @Nullable ServiceType type(String where, @Nullable String text) {
      String type = clean(text);
      if (type == null) return ServiceType.REALTIME;
      return switch (type.toLowerCase(Locale.ROOT)) {
        case "realtime" -> ServiceType.REALTIME;
        case "batch" -> ServiceType.BATCH;
        case "blackbox" -> ServiceType.BLACKBOX;
        default -> {
          problems.add(where + ": type '" + type + "' must be realtime, batch or blackbox");
          yield null;
        }
      };
    }

    private List<Question> questions(String category, List<CityFile.@Nullable QuestionEntry> entries) {
      var questions = new ArrayList<Question>();
      var codes = new HashSet<String>();
      var orders = new LinkedHashMap<Integer, String>();
      for (int i = 0; i < entries.size(); i++) {
        CityFile.QuestionEntry entry = entries.get(i);
        String where = category + ", question #" + (i + 1);
        if (entry == null) {
          problems.add(where + ": empty");
          continue;
        }
        String code = required(where, "code", entry.code());
        if (code != null) {
          where = category + ", question " + code;
          checkCode(where, code, codes, "another question of this category");
        }
        String description = required(where, "description", entry.description());
        QuestionDatatype datatype = datatype(where, entry.datatype());
        boolean variable = entry.variable() == null || entry.variable();
        boolean required = entry.required() != null && entry.required();
        if (required && !variable) {
          problems.add(where + ": an informational question (variable: false) cannot be required");
        }
        int order = entry.order() == null ? i + 1 : entry.order();
        if (order <= 0) problems.add(where + ": order must be 1 or more, was " + order);
        String other = orders.putIfAbsent(order, code == null ? "#" + (i + 1) : code);
        if (other != null) problems.add(where + ": order " + order + " is also used by question " + other);
        List<Question.AllowedValue> values = values(where, datatype, entry.values());
        if (code != null && description != null && datatype != null) {
          questions.add(new Question(code, variable, datatype, required, clean(entry.datatypeDescription()), order,
              description, values));
        }
      }
      return questions;
    }

    private @Nullable QuestionDatatype datatype(String where, @Nullable String text) {
      String datatype = required(where, "datatype", text);
      if (datatype == null) return null;
      try {
        return QuestionDatatype.fromOpen311(datatype);
      } catch (IllegalArgumentException e) {
        problems.add(where + ": datatype '" + datatype
            + "' must be one of string, number, datetime, text, singlevaluelist, multivaluelist");
        return null;
      }
    }

    private List<Question.AllowedValue> values(
        String where, @Nullable QuestionDatatype datatype, @Nullable List<CityFile.@Nullable ValueEntry> entries) {
      List<CityFile.@Nullable ValueEntry> list = nullToEmpty(entries);
      if (datatype != null && datatype.hasValueList() && list.isEmpty()) {
        problems.add(where + ": a " + datatype.open311() + " needs values to choose from");
      }
      if (datatype != null && !datatype.hasValueList() && !list.isEmpty()) {
        problems.add(where + ": a " + datatype.open311() + " question cannot have values (only singlevaluelist and multivaluelist)");
      }
      var values = new ArrayList<Question.AllowedValue>();
      var keys = new HashSet<String>();
      for (int i = 0; i < list.size(); i++) {
        CityFile.ValueEntry entry = list.get(i);
        String here = where + ", value #" + (i + 1);
        if (entry == null) {
          problems.add(here + ": empty");
          continue;
        }
        String key = required(here, "key", entry.key());
        String name = required(here, "name", entry.name());
        if (key != null && !keys.add(key)) problems.add(here + ": key " + key + " is used by another value too");
        if (key != null && name != null) values.add(new Question.AllowedValue(key, name));
      }
      return values;
    }

    private @Nullable String required(String where, String field, @Nullable String value) {
      String cleaned = clean(value);
      if (cleaned == null) problems.add(where + ": " + field + " is missing");
      return cleaned;
    }

    /** Stands in when the jurisdiction is broken, so the other checks still run; never stored. */
    private static Jurisdiction placeholderJurisdiction() {
      return new Jurisdiction("invalid", "invalid", ZoneId.of("UTC"), null, "", "");
    }
  }

  private static <T> List<T> nullToEmpty(@Nullable List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <K, V> Map<K, V> nullToEmpty(@Nullable Map<K, V> map) {
    return map == null ? Map.of() : map;
  }

  /** Surrounding whitespace is never meaningful in a city file, and a blank value means "not given". */
  static @Nullable String clean(@Nullable String value) {
    if (value == null) return null;
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }
}
