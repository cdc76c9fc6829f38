package org.civic311.geo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.civic311.geo.AddressFileException;
import org.civic311.geo.ImportSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads the address file ({@code civic311.address-file}) while the context starts, after Flyway, when
 * the address table is empty or the file is not the one last loaded (by location and SHA-256), so a
 * restart with the same file costs one checksum. Addresses imported by hand are left alone: a city
 * that imports its own list does not want the sample file back at the next start.
 */
@Component
@DependsOnDatabaseInitialization
class AddressFileStartup implements InitializingBean {

  static final String ADDRESS_FILE = "ADDRESS_FILE";
  static final String IMPORT = "IMPORT";

  private static final Logger log = LoggerFactory.getLogger(AddressFileStartup.class);

  private final DefaultAddresses addresses;
  private final AddressStore store;
  private final GeoProperties properties;
  private final ResourceLoader resources;

  AddressFileStartup(DefaultAddresses addresses, AddressStore store, GeoProperties properties, ResourceLoader resources) {
    this.addresses = addresses;
    this.store = store;
    this.properties = properties;
    this.resources = resources;
  }

  @Override
  public void afterPropertiesSet() {
    String location = properties.addressFile();
    if (location != null && !location.isBlank()) load(location.strip());
  }

  /** What start-up did with the address file. */
  enum Outcome { LOADED, UNCHANGED, KEPT_IMPORTED }

  Outcome load(String location) {
    byte[] content = read(location);
    String sha256 = sha256(content);
    Optional<AddressStore.Source> source = store.source();
    boolean empty = store.count() == 0;
    if (!empty && source.isPresent() && source.get().origin().equals(IMPORT)) {
      log.info("Addresses: keeping the {} addresses imported by hand; the address file {} is not loaded", store.count(), location);
      return Outcome.KEPT_IMPORTED;
    }
    if (!empty && source.isPresent() && location.equals(source.get().location()) && sha256.equals(source.get().sha256())) {
      return Outcome.UNCHANGED;
    }
    AddressCsv.Rows rows;
    try (var reader = new InputStreamReader(new java.io.ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
      rows = AddressCsv.read(reader);
    } catch (AddressFileException e) {
      throw new AddressFileException("The address file " + location, e.problems());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ImportSummary summary = addresses.loadAddressFile(rows, location, sha256);
    log.info("Addresses: loaded {}: {} added, {} updated, {} unchanged, {} removed", location,
        summary.added(), summary.updated(), summary.unchanged(), summary.removed());
    return Outcome.LOADED;
  }

  /** A bare path means a file, not a class path resource, which is what a city administrator expects. */
  private byte[] read(String location) {
    Resource resource = location.startsWith("classpath:") || location.startsWith("file:")
        ? resources.getResource(location)
        : new FileSystemResource(Path.of(location));
    if (!resource.exists()) {
      throw new IllegalStateException("Address file " + location
          + " does not exist; set civic311.address-file (environment CIVIC311_ADDRESS_FILE) to a file path, a classpath: location, or empty for none");
    }
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the address file " + location, e);
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
