package org.civic311.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.civic311.media.PhotoStore;

/**
 * Photos in a folder of this node ({@code <data-dir>/media}), the zero-setup default. Several app
 * nodes need a shared store (S3-compatible) instead.
 *
 * <p>Each file is written to a temporary name in its target folder and then moved into place, so a
 * reader (or a crash) never sees half a photo.
 */
class LocalDiskPhotoStore implements PhotoStore {

  /** Slash-separated segments of letters, digits, '_' and '-', each with optional dotted extensions. */
  private static final Pattern KEY =
      Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9]+)*(/[A-Za-z0-9_-]+(\\.[A-Za-z0-9]+)*)*");

  private static final int MAX_KEY_LENGTH = 200;

  private final Path root;

  LocalDiskPhotoStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  @Override
  public void put(String key, byte[] bytes) {
    Path target = resolve(key);
    try {
      Files.createDirectories(target.getParent());
      Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
      try {
        Files.write(temporary, bytes);
        try {
          Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not store photo file " + key + " in " + root, e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    Path file = resolve(key);
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException missing) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read photo file " + key + " in " + root, e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      Files.deleteIfExists(resolve(key));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete photo file " + key + " in " + root, e);
    }
  }

  /** Keys come from our own code, but a bug that lets a request path through must not leave the folder. */
  private Path resolve(String key) {
    if (key.length() > MAX_KEY_LENGTH || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("Not a valid photo key: " + key);
    }
    Path resolved = root.resolve(key).normalize();
    if (!resolved.startsWith(root) || resolved.equals(root)) {
      throw new IllegalArgumentException("Not a valid photo key: " + key);
    }
    return resolved;
  }
}
