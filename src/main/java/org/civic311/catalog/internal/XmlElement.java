package org.civic311.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.civic311.catalog.CatalogFileException;
import org.jspecify.annotations.Nullable;

/**
 * A small read-only XML tree: Open311 documents are tiny and shallow, so a tree keeps the mapping code
 * plain, while StAX (with DTDs and external entities off) keeps the reading safe from XXE and entity
 * expansion.
 *
 * @param name the element's local name (Open311 uses no namespaces, but some servers declare them)
 * @param text the element's own character data, exactly as written (entities decoded, nothing trimmed)
 * @param children child elements in document order
 * @param line where the element starts, for messages
 */
record XmlElement(String name, String text, List<XmlElement> children, int line) {

  /** Services lists of the largest cities are well under a megabyte; anything this big is a mistake. */
  static final long MAX_FILE_SIZE = 32L * 1024 * 1024;

  XmlElement {
    children = List.copyOf(children);
  }

  static XmlElement parse(Path file) {
    try {
      if (Files.size(file) > MAX_FILE_SIZE) {
        throw new CatalogFileException(file + " is larger than " + MAX_FILE_SIZE / (1024 * 1024) + " MB");
      }
      try (InputStream in = Files.newInputStream(file)) {
        return parse(file.toString(), in);
      }
    } catch (IOException e) {
      throw new CatalogFileException(file + " cannot be read: " + e.getMessage(), e);
    }
  }

  static XmlElement parse(String source, InputStream in) {
    XMLStreamReader reader = null;
    try {
      reader = factory().createXMLStreamReader(in);
      Deque<Builder> open = new ArrayDeque<>();
      XmlElement root = null;
      while (reader.hasNext()) {
        switch (reader.next()) {
          case XMLStreamConstants.DTD ->
              throw new CatalogFileException(source + " line " + reader.getLocation().getLineNumber()
                  + ": a DOCTYPE is not allowed in an Open311 document");
          case XMLStreamConstants.START_ELEMENT ->
              open.push(new Builder(reader.getLocalName(), reader.getLocation().getLineNumber()));
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
            if (!open.isEmpty()) open.peek().text.append(reader.getText());
          }
          case XMLStreamConstants.END_ELEMENT -> {
            XmlElement done = open.pop().build();
            if (open.isEmpty()) root = done;
            else open.peek().children.add(done);
          }
          default -> {}
        }
      }
      if (root == null) throw new CatalogFileException(source + " has no XML element");
      return root;
    } catch (XMLStreamException e) {
      var location = e.getLocation();
      throw new CatalogFileException(
          source + (location == null ? "" : " line " + location.getLineNumber()) + " is not well-formed XML: "
              + e.getMessage(), e);
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // Nothing left to release that matters once the document has been read or rejected.
        }
      }
    }
  }

  private static XMLInputFactory factory() {
    // The JDK's own implementation, so a StAX provider on the class path cannot change the safety settings.
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  @Nullable XmlElement child(String childName) {
    for (XmlElement child : children) {
      if (child.name.equals(childName)) return child;
    }
    return null;
  }

  List<XmlElement> children(String childName) {
    return children.stream().filter(child -> child.name.equals(childName)).toList();
  }

  /** The child's text with surrounding whitespace removed; null when there is no such child. */
  @Nullable String childText(String childName) {
    XmlElement child = child(childName);
    return child == null ? null : child.text.strip();
  }

  private static final class Builder {
    private final String name;
    private final int line;
    private final StringBuilder text = new StringBuilder();
    private final List<XmlElement> children = new ArrayList<>();

    Builder(String name, int line) {
      this.name = name;
      this.line = line;
    }

    XmlElement build() {
      return new XmlElement(name, text.toString(), children, line);
    }
  }
}
