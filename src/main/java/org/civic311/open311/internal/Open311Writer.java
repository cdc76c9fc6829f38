package org.civic311.open311.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.civic311.open311.internal.Open311Document.Bool;
import org.civic311.open311.internal.Open311Document.Field;
import org.civic311.open311.internal.Open311Document.Items;
import org.civic311.open311.internal.Open311Document.Node;
import org.civic311.open311.internal.Open311Document.Num;
import org.civic311.open311.internal.Open311Document.Obj;
import org.civic311.open311.internal.Open311Document.Text;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Writes an {@link Open311Document} as XML or JSON, UTF-8 encoded. */
final class Open311Writer {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper JSON = JsonMapper.shared();

  private Open311Writer() {}

  static byte[] write(Open311Document document, Format format) {
    return switch (format) {
      case XML -> xml(document).getBytes(StandardCharsets.UTF_8);
      case JSON -> JSON.writeValueAsBytes(json(document.root()));
    };
  }

  static String xml(Open311Document document) {
    var out = new StringBuilder(512).append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    element(out, document.rootName(), document.root(), 0);
    return out.append('\n').toString();
  }

  private static void element(StringBuilder out, String name, Node node, int depth) {
    indent(out, depth);
    switch (node) {
      case Text(var value) -> leaf(out, name, value);
      case Num(var value) -> leaf(out, name, value == null ? null : plain(value));
      case Bool(var value) -> leaf(out, name, Boolean.toString(value));
      case Obj(var fields) -> {
        if (fields.isEmpty()) {
          out.append('<').append(name).append("/>");
          return;
        }
        out.append('<').append(name).append(">\n");
        for (Field field : fields) {
          element(out, field.name(), field.value(), depth + 1);
          out.append('\n');
        }
        indent(out, depth);
        out.append("</").append(name).append('>');
      }
      case Items(var itemName, var items) -> {
        if (items.isEmpty()) {
          out.append('<').append(name).append("/>");
          return;
        }
        out.append('<').append(name).append(">\n");
        for (Node item : items) {
          element(out, itemName, item, depth + 1);
          out.append('\n');
        }
        indent(out, depth);
        out.append("</").append(name).append('>');
      }
    }
  }

  private static void leaf(StringBuilder out, String name, @Nullable String value) {
    if (value == null || value.isEmpty()) {
      out.append('<').append(name).append("/>");
      return;
    }
    out.append('<').append(name).append('>');
    escape(out, value);
    out.append("</").append(name).append('>');
  }

  private static void indent(StringBuilder out, int depth) {
    out.repeat("  ", depth);
  }

  /** Escapes markup and drops what XML 1.0 cannot carry at all, so every document parses. */
  private static void escape(StringBuilder out, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\r' -> out.append("&#13;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (isXmlChar(c)) {
            out.append(c);
          } else {
            out.append('\uFFFD');
          }
        }
      }
    }
  }

  private static boolean isXmlChar(char c) {
    return c == '\t' || c == '\n' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
  }

  private static String plain(Number number) {
    if (number instanceof Double d) return BigDecimal.valueOf(d).toPlainString();
    if (number instanceof Float f) return new BigDecimal(Float.toString(f)).toPlainString();
    return number.toString();
  }

  private static JsonNode json(Node node) {
    return switch (node) {
      case Text(var value) -> value == null ? NODES.nullNode() : NODES.textNode(wellFormed(value));
      case Num(var value) -> numberNode(value);
      case Bool(var value) -> NODES.booleanNode(value);
      case Obj(var fields) -> {
        ObjectNode object = NODES.objectNode();
        for (Field field : fields) object.set(field.name(), json(field.value()));
        yield object;
      }
      case Items(var ignored, var items) -> {
        ArrayNode array = NODES.arrayNode();
        for (Node item : items) array.add(json(item));
        yield array;
      }
    };
  }

  private static JsonNode numberNode(@Nullable Number value) {
    return switch (value) {
      case null -> NODES.nullNode();
      case Integer i -> NODES.numberNode(i);
      case Long l -> NODES.numberNode(l);
      case Double d when d.isNaN() || d.isInfinite() -> NODES.nullNode();
      case Double d -> NODES.numberNode(d);
      default -> NODES.numberNode(new BigDecimal(value.toString()));
    };
  }

  /** Replaces unpaired surrogates, which no UTF-8 writer can encode. */
  private static String wellFormed(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      if (paired) {
        if (out != null) out.append(c).append(text.charAt(i + 1));
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) out = new StringBuilder(text.length()).append(text, 0, i);
        out.append('\uFFFD');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}
