package org.civic311.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Imports a real city's Open311 services list (and its service definitions) as this city's catalog. */
public interface CatalogImport {

  /**
   * Replaces the active categories with the services of {@code servicesXml}, keeping the jurisdiction
   * and departments as they are and leaving every imported category without a department.
   *
   * @param servicesXml an Open311 {@code services.xml}
   * @param definitionsDir a folder of Open311 service definition files ({@code <service_definition>}),
   *     matched to services by their {@code service_code}; null when there are none
   * @throws CatalogFileException when a file cannot be read or is not a valid Open311 document
   */
  default Summary importOpen311(Path servicesXml, @Nullable Path definitionsDir) {
    return importOpen311(new Source(servicesXml, definitionsDir, null, Map.of(), Map.of(), Mode.REPLACE));
  }

  /**
   * Imports as {@code source} says.
   *
   * @throws CatalogFileException when a file cannot be read or is not a valid Open311 document, or a
   *     mapping names a department the catalog does not have
   */
  Summary importOpen311(Source source);

  /**
   * What to import and how.
   *
   * @param servicesXml an Open311 {@code services.xml}
   * @param definitionsDir a folder of service definition files; null when there are none
   * @param jurisdiction replaces the current jurisdiction; null keeps it
   * @param departmentByServiceCode department code for a service_code; wins over the group mapping
   * @param departmentByGroup department code for every service of an Open311 group
   * @param mode whether categories missing from the import are retired
   */
  record Source(
      Path servicesXml,
      @Nullable Path definitionsDir,
      @Nullable Jurisdiction jurisdiction,
      Map<String, String> departmentByServiceCode,
      Map<String, String> departmentByGroup,
      Mode mode) {

    public Source {
      departmentByServiceCode = Map.copyOf(departmentByServiceCode);
      departmentByGroup = Map.copyOf(departmentByGroup);
    }
  }

  /** Whether an import stands for the whole catalog or adds to it. */
  enum Mode {
    /** Categories not in the import become inactive (they are kept: requests refer to them). */
    REPLACE,
    /** Categories not in the import stay as they are. */
    MERGE
  }

  /**
   * What an import did.
   *
   * @param categoriesAdded categories that did not exist before
   * @param categoriesUpdated existing categories overwritten (and reactivated) by the import
   * @param categoriesRetired active categories made inactive because the import replaced them
   * @param questions questions (attributes) imported, over all categories
   * @param warnings things skipped or odd, e.g. a definition file whose service is not in the list
   */
  record Summary(
      int categoriesAdded, int categoriesUpdated, int categoriesRetired, int questions, List<String> warnings) {

    public Summary {
      warnings = List.copyOf(warnings);
    }
  }
}
