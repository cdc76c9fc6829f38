package org.civic311.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalDiskPhotoStoreTests {

  @TempDir Path folder;

  @Test
  void a_stored_file_is_read_back_and_no_temporary_file_is_left() throws Exception {
    LocalDiskPhotoStore store = new LocalDiskPhotoStore(folder.resolve("media"));

    store.put("ab/abc.jpg", new byte[] {1, 2, 3});
    store.put("ab/abc.jpg", new byte[] {4, 5});

    assertThat(store.get("ab/abc.jpg")).hasValue(new byte[] {4, 5});
    assertThat(store.get("ab/other.jpg")).isEmpty();
    try (var files = Files.list(folder.resolve("media/ab"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("abc.jpg");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"../secret", "ab/../../x.jpg", "/etc/passwd", "ab//c.jpg", "..", ".", "a/./b", "a\\b", "a b", "", "ab/"})
  void keys_that_could_leave_the_folder_are_refused(String key) {
    LocalDiskPhotoStore store = new LocalDiskPhotoStore(folder);

    assertThatThrownBy(() -> store.get(key)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.put(key, new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
  }
}
