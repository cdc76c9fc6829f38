package org.civic311.open311.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A response in the shape both formats share (the Spark convention): objects of named fields and
 * lists of items. XML names each list's items; JSON drops the outer element and turns lists into
 * arrays.
 *
 * @param rootName the outer XML element, e.g. {@code services}
 * @param root an {@link Items} for list responses or an {@link Obj} for single documents
 */
record Open311Document(String rootName, Node root) {

  sealed interface Node permits Text, Num, Bool, Obj, Items {}

  /** A string; null is an empty element in XML and null in JSON. */
  record Text(@Nullable String value) implements Node {}

  /** A number; null is an empty element in XML and null in JSON. */
  record Num(@Nullable Number value) implements Node {}

  record Bool(boolean value) implements Node {}

  record Field(String name, Node value) {}

  record Obj(List<Field> fields) implements Node {
    Obj {
      fields = List.copyOf(fields);
    }

    static Builder builder() {
      return new Builder();
    }
  }

  /** A list; in XML each item is an element named {@code itemName} inside the list's element. */
  record Items(String itemName, List<Node> items) implements Node {
    Items {
      items = List.copyOf(items);
    }

    static Items ofTexts(String itemName, List<String> values) {
      return new Items(itemName, values.stream().<Node>map(Text::new).toList());
    }
  }

  static final class Builder {
    private final List<Field> fields = new ArrayList<>();

    Builder text(String name, @Nullable String value) {
      return node(name, new Text(value));
    }

    Builder number(String name, @Nullable Number value) {
      return node(name, new Num(value));
    }

    Builder bool(String name, boolean value) {
      return node(name, new Bool(value));
    }

    Builder node(String name, Node value) {
      fields.add(new Field(name, value));
      return this;
    }

    Obj build() {
      return new Obj(fields);
    }
  }
}
