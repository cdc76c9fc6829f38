package org.civic311.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.civic311.media.GpsJpeg;
import org.civic311.media.Photos.StoredPhoto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExifGpsTests {

  @TempDir Path folder;

  @Test
  void the_position_a_phone_wrote_is_read_before_the_exif_is_dropped() {
    byte[] upload = GpsJpeg.at(400, 300, 34.053691, -118.242767);
    var photos = new ReencodingPhotos(new LocalDiskPhotoStore(folder), 10_485_760, "https://311.example.org");

    StoredPhoto stored = photos.store(upload, "IMG_0001.JPG");

    assertThat(stored.takenAt()).isNotNull();
    assertThat(stored.takenAt().latitude()).isCloseTo(34.053691, within(0.000005));
    assertThat(stored.takenAt().longitude()).isCloseTo(-118.242767, within(0.000005));
    byte[] kept = photos.load(stored.id()).orElseThrow().bytes();
    assertThat(TestImages.appSegments(kept)).noneMatch(s -> s.startsWith("APP1"));
    assertThat(ExifGps.of(kept, ReencodingPhotos.Format.JPEG)).as("the stored file says nothing").isEmpty();
  }

  @Test
  void southern_and_eastern_positions_keep_their_sign() {
    byte[] upload = GpsJpeg.at(50, 50, -33.8688, 151.2093);
    assertThat(ExifGps.of(upload, ReencodingPhotos.Format.JPEG)).hasValueSatisfying(p -> {
      assertThat(p.latitude()).isCloseTo(-33.8688, within(0.00001));
      assertThat(p.longitude()).isCloseTo(151.2093, within(0.00001));
    });
  }

  @Test
  void a_photo_without_a_position_or_with_broken_exif_has_none() {
    assertThat(ExifGps.of(TestImages.jpeg(50, 50), ReencodingPhotos.Format.JPEG)).isEmpty();
    // GPS IFD with only a latitude reference and a text (TestImages' phone photo): no position
    assertThat(ExifGps.of(TestImages.withExifGps(TestImages.jpeg(50, 50), 1), ReencodingPhotos.Format.JPEG)).isEmpty();
    byte[] truncated = GpsJpeg.at(50, 50, 34.05, -118.24);
    byte[] cut = java.util.Arrays.copyOf(truncated, 60);
    assertThat(ExifGps.of(cut, ReencodingPhotos.Format.JPEG)).isEmpty();
    assertThat(ExifGps.of("RIFF....WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1), ReencodingPhotos.Format.WEBP)).isEmpty();
  }
}
