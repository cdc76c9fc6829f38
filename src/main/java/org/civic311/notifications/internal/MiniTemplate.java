package org.civic311.notifications.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.notifications.InvalidTemplate;

/**
 * A small mustache-like template that admins can edit without learning a programming language:
 * {@code {{name}}} inserts a value, {@code {{#name}}...{{/name}}} keeps its text only when the value
 * is not empty, {@code {{^name}}...{{/name}}} only when it is, and {@code {{&name}}} inserts a value
 * without escaping (layouts only).
 */
final class MiniTemplate {

  private static final Pattern TAG = Pattern.compile("\\{\\{\\s*([#^/&]?)\\s*([A-Za-z][A-Za-z0-9]*)?\\s*}}");

  private sealed interface Node permits Text, Value, Section {}

  private record Text(String text) implements Node {}

  private record Value(String name, boolean raw) implements Node {}

  private record Section(String name, boolean inverted, List<Node> children) implements Node {}

  private final List<Node> nodes;

  private MiniTemplate(List<Node> nodes) {
    this.nodes = nodes;
  }

  /**
   * Parses a template, checking it only uses {@code allowed} variables.
   *
   * @throws InvalidTemplate naming every problem
   */
  static MiniTemplate parse(String source, Set<String> allowed) {
    List<String> problems = new ArrayList<>();
    Deque<Section> open = new ArrayDeque<>();
    List<Node> root = new ArrayList<>();
    Matcher m = TAG.matcher(source);
    int last = 0;
    while (m.find()) {
      List<Node> target = open.isEmpty() ? root : open.peek().children();
      if (m.start() > last) target.add(new Text(source.substring(last, m.start())));
      last = m.end();
      String kind = m.group(1);
      String name = m.group(2);
      if (name == null) {
        problems.add("'" + m.group() + "' names no variable");
        continue;
      }
      if (!allowed.contains(name)) problems.add("unknown variable '" + name + "'");
      switch (kind) {
        case "#", "^" -> {
          Section s = new Section(name, kind.equals("^"), new ArrayList<>());
          target.add(s);
          open.push(s);
        }
        case "/" -> {
          if (open.isEmpty() || !open.peek().name().equals(name)) {
            problems.add("'{{/" + name + "}}' closes nothing that is open");
          } else {
            open.pop();
          }
        }
        default -> target.add(new Value(name, kind.equals("&")));
      }
    }
    if (last < source.length()) (open.isEmpty() ? root : open.peek().children()).add(new Text(source.substring(last)));
    for (Section s : open) problems.add("'{{" + (s.inverted() ? "^" : "#") + s.name() + "}}' is never closed");
    for (int at = source.indexOf("{{"); at >= 0; at = source.indexOf("{{", at + 2)) {
      Matcher tag = TAG.matcher(source).region(at, source.length());
      if (tag.lookingAt()) {
        at = tag.end() - 2;
      } else {
        problems.add("'{{' at character " + (at + 1) + " is not a variable");
        break;
      }
    }
    if (!problems.isEmpty()) throw new InvalidTemplate(problems);
    return new MiniTemplate(root);
  }

  /** The text with values inserted as they are (plain text, subjects). */
  String render(Map<String, String> values) {
    return render(values, UnaryOperator.identity());
  }

  /** The text with each value passed through {@code escape} (HTML), except {@code {{&raw}}} ones. */
  String render(Map<String, String> values, UnaryOperator<String> escape) {
    StringBuilder out = new StringBuilder();
    render(nodes, values, escape, out);
    return out.toString();
  }

  private static void render(List<Node> nodes, Map<String, String> values, UnaryOperator<String> escape, StringBuilder out) {
    for (Node node : nodes) {
      switch (node) {
        case Text t -> out.append(t.text());
        case Value v -> {
          String value = values.getOrDefault(v.name(), "");
          out.append(v.raw() ? value : escape.apply(value));
        }
        case Section s -> {
          boolean present = !values.getOrDefault(s.name(), "").isBlank();
          if (present != s.inverted()) render(s.children(), values, escape, out);
        }
      }
    }
  }

  static String escapeHtml(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
