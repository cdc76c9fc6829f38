package org.civic311.geo.internal;

import java.io.Reader;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.civic311.geo.Address;
import org.civic311.geo.Addresses;
import org.civic311.geo.ImportSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The addresses facade over the geo schema. */
@Service
class DefaultAddresses implements Addresses {

  /** Farther than this, a "nearest address" would not be where the resident stands. */
  static final int MAX_NEAREST_METERS = 5_000;

  private final AddressStore store;
  private final Clock clock;

  DefaultAddresses(AddressStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Address> suggest(@Nullable String typed, int limit) {
    if (typed == null || typed.length() > MAX_TYPED_LENGTH || limit < 1) return List.of();
    String key = SearchKey.of(typed);
    if (key.isEmpty()) return List.of();
    return store.suggest(key, Math.min(limit, MAX_SUGGESTIONS));
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Address> find(long id) {
    return store.find(id);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Address> nearest(double latitude, double longitude, int withinMeters) {
    if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180) || withinMeters < 1) return Optional.empty();
    return store.nearest(latitude, longitude, Math.min(withinMeters, MAX_NEAREST_METERS));
  }

  /** An import by hand: from then on, start-up leaves the addresses alone (see {@link AddressFileStartup}). */
  @Override
  @Transactional
  public ImportSummary importCsv(Reader csv, Mode mode) {
    AddressCsv.Rows rows = AddressCsv.read(csv);
    ImportSummary summary = store.store(rows, mode);
    store.recordSource(AddressFileStartup.IMPORT, null, null, store.count(), clock.instant());
    return summary;
  }

  /** The start-up load of the address file, remembered with its checksum. */
  @Transactional
  ImportSummary loadAddressFile(AddressCsv.Rows rows, String location, String sha256) {
    ImportSummary summary = store.store(rows, Mode.REPLACE);
    store.recordSource(AddressFileStartup.ADDRESS_FILE, location, sha256, store.count(), clock.instant());
    return summary;
  }
}
