package org.civic311.catalog.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.civic311.catalog.CatalogFileException;
import org.civic311.catalog.CatalogImport;
import org.civic311.catalog.Question;
import org.civic311.catalog.ServiceCategory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Turns an Open311 services list and its definitions into categories and writes them. */
@Component
class Open311Importer {

  private final CatalogStore store;

  Open311Importer(CatalogStore store) {
    this.store = store;
  }

  /** Writes the import; the caller reloads the catalog when it is already running. */
  CatalogImport.Summary run(CatalogImport.Source source) {
    List<Open311Documents.Service> services =
        Open311Documents.services(source.servicesXml().toString(), XmlElement.parse(source.servicesXml()));
    var warnings = new ArrayList<String>();
    Map<String, Open311Documents.Definition> definitions = definitions(source.definitionsDir(), warnings);

    Set<String> departments = store.activeDepartmentCodes();
    var unknown = new TreeSet<String>();
    Stream.concat(source.departmentByServiceCode().values().stream(), source.departmentByGroup().values().stream())
        .filter(code -> !departments.contains(code))
        .forEach(unknown::add);
    if (!unknown.isEmpty()) {
      throw new CatalogFileException("The department mapping names departments the catalog does not have: "
          + String.join(", ", unknown) + " (known: " + String.join(", ", new TreeSet<>(departments)) + ")");
    }
    if (source.jurisdiction() == null && !store.hasJurisdiction()) {
      throw new CatalogFileException("Importing " + source.servicesXml()
          + " needs a jurisdiction: apply a city file first or give one with the import");
    }

    var categories = new ArrayList<ServiceCategory>();
    var used = new HashSet<String>();
    for (Open311Documents.Service service : services) {
      Open311Documents.Definition definition = definitions.get(service.code());
      List<Question> questions = definition == null ? List.of() : definition.questions();
      if (definition != null) used.add(service.code());
      boolean metadata = service.metadata() != null ? service.metadata() : !questions.isEmpty();
      String department = source.departmentByServiceCode().get(service.code());
      if (department == null && service.group() != null) department = source.departmentByGroup().get(service.group());
      categories.add(new ServiceCategory(service.code(), service.name(), service.description(), service.group(),
          service.keywords(), service.type(), metadata, questions, department, null, null));
    }
    definitions.keySet().stream()
        .filter(code -> !used.contains(code))
        .sorted()
        .forEach(code -> warnings.add("a service definition for " + code + " was skipped: the services list has no such service"));

    CatalogStore.Changes changes =
        store.applyImport(source.jurisdiction(), categories, source.mode() == CatalogImport.Mode.REPLACE);
    return new CatalogImport.Summary(changes.added(), changes.updated(), changes.retired(), changes.questions(), warnings);
  }

  private static Map<String, Open311Documents.Definition> definitions(
      @Nullable Path folder, List<String> warnings) {
    var definitions = new LinkedHashMap<String, Open311Documents.Definition>();
    if (folder == null) return definitions;
    if (!Files.isDirectory(folder)) {
      throw new CatalogFileException("The service definitions folder " + folder + " does not exist or is not a folder");
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(Files::isRegularFile)
          .filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new CatalogFileException("The service definitions folder " + folder + " cannot be read: " + e.getMessage(), e);
    }
    for (Path file : files) {
      XmlElement root = XmlElement.parse(file);
      // The services list itself often sits in the same folder; only definitions matter here.
      if (!root.name().equals("service_definition")) {
        if (!root.name().equals("services")) {
          warnings.add(file + " was skipped: it is not a service definition (root <" + root.name() + ">)");
        }
        continue;
      }
      Open311Documents.Definition definition = Open311Documents.definition(file.toString(), root);
      if (definitions.putIfAbsent(definition.serviceCode(), definition) != null) {
        throw new CatalogFileException(file + " defines service " + definition.serviceCode()
            + " again; keep one definition file per service");
      }
    }
    return definitions;
  }
}
