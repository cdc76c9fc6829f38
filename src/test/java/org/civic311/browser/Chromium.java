package org.civic311.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where the system Chromium is and how browser tests start it. */
public final class Chromium {

  /** Debian's package puts it here; {@code .ci/run} installs it when it is missing. */
  public static final Path DEFAULT = Path.of("/usr/bin/chromium");

  /**
   * Headless, and quiet: no sandbox (CI runs as root), no GPU, no shared memory limits of containers,
   * and nothing that talks to the network on its own (updates, sync, field trials), so a test only
   * sees the requests the page makes.
   */
  public static final List<String> FLAGS = List.of(
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync");

  private Chromium() {}

  /** The Chromium to use: {@code CIVIC311_CHROMIUM} when set, else {@link #DEFAULT}; empty when not there. */
  public static Optional<Path> executable() {
    String configured = System.getenv("CIVIC311_CHROMIUM");
    Path path = configured == null || configured.isBlank() ? DEFAULT : Path.of(configured.strip());
    return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
  }
}
