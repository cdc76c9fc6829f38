package org.civic311.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.civic311.media.PhotoRejected;
import org.civic311.media.Photos.PhotoContent;
import org.civic311.media.Photos.StoredPhoto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReencodingPhotosTests {

  @TempDir Path folder;

  private ReencodingPhotos photos() {
    return new ReencodingPhotos(new LocalDiskPhotoStore(folder), 10_485_760, "https://311.example.org/");
  }

  @Test
  void a_phone_photo_loses_its_exif_and_gps_and_is_turned_upright() {
    byte[] upload = TestImages.withExifGps(TestImages.jpeg(2400, 1600), 6);
    assertThat(TestImages.appSegments(upload)).anyMatch(s -> s.startsWith("APP1:Exif"));
    assertThat(ExifOrientation.of(upload)).isEqualTo(6);

    ReencodingPhotos photos = photos();
    StoredPhoto stored = photos.store(upload, "IMG_0042.JPG");

    assertThat(stored.url()).isEqualTo("https://311.example.org/media/" + stored.id() + ".jpg");
    PhotoContent content = photos.load(stored.id()).orElseThrow();
    assertThat(content.contentType()).isEqualTo("image/jpeg");
    assertThat(TestImages.appSegments(content.bytes())).noneMatch(s -> s.startsWith("APP1"));
    assertThat(new String(content.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("GPS-SECRET-HOME");
    BufferedImage image = TestImages.read(content.bytes());
    // 2400 x 1600 turned 90° clockwise, then scaled so the longer side is 2048
    assertThat(image.getWidth()).isEqualTo(1365);
    assertThat(image.getHeight()).isEqualTo(2048);
    // the red left half of the sensor is now at the top
    assertThat(isRed(image.getRGB(680, 100))).isTrue();
    assertThat(isRed(image.getRGB(680, 1900))).isFalse();
  }

  @Test
  void a_thumbnail_is_at_most_320_pixels_and_has_no_exif() {
    ReencodingPhotos photos = photos();
    StoredPhoto stored = photos.store(TestImages.withExifGps(TestImages.jpeg(1000, 600), 1), "pothole.jpg");

    byte[] thumbnail = photos.loadThumbnail(stored.id()).orElseThrow().bytes();

    BufferedImage image = TestImages.read(thumbnail);
    assertThat(image.getWidth()).isEqualTo(320);
    assertThat(image.getHeight()).isEqualTo(192);
    assertThat(TestImages.appSegments(thumbnail)).noneMatch(s -> s.startsWith("APP1"));
  }

  @Test
  void a_small_photo_is_not_enlarged() {
    ReencodingPhotos photos = photos();
    StoredPhoto stored = photos.store(TestImages.jpeg(200, 100), "small.jpg");

    BufferedImage image = TestImages.read(photos.load(stored.id()).orElseThrow().bytes());
    assertThat(image.getWidth()).isEqualTo(200);
    assertThat(image.getHeight()).isEqualTo(100);
  }

  @Test
  void an_opaque_png_is_accepted_and_stored_as_jpeg() {
    ReencodingPhotos photos = photos();
    StoredPhoto stored = photos.store(TestImages.png(300, 200, false), "screenshot.png");

    assertThat(stored.url()).endsWith(".jpg");
    assertThat(photos.load(stored.id()).orElseThrow().contentType()).isEqualTo("image/jpeg");
  }

  @Test
  void a_png_with_transparency_stays_a_png() {
    ReencodingPhotos photos = photos();
    StoredPhoto stored = photos.store(TestImages.png(300, 200, true), "sign.png");

    assertThat(stored.url()).endsWith("/media/" + stored.id() + ".png");
    PhotoContent content = photos.load(stored.id()).orElseThrow();
    assertThat(content.contentType()).isEqualTo("image/png");
    assertThat(TestImages.read(content.bytes()).getRGB(0, 0) >>> 24).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Just some text, not an image",
        "<!DOCTYPE html><html><script>alert(1)</script></html>",
        "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj",
        "GIF89a......"
      })
  void a_file_that_is_not_a_photo_is_rejected_whatever_its_name(String content) {
    assertThatThrownBy(() -> photos().store(content.getBytes(StandardCharsets.UTF_8), "photo.jpg"))
        .isInstanceOf(PhotoRejected.class)
        .hasMessage("photo.jpg is not a photo: send a JPEG, PNG or WebP image");
  }

  @Test
  void an_empty_file_is_rejected() {
    assertThatThrownBy(() -> photos().store(new byte[0], "C:\\Users\\me\\empty.jpg"))
        .isInstanceOf(PhotoRejected.class)
        .hasMessage("empty.jpg is not a photo: send a JPEG, PNG or WebP image");
  }

  @Test
  void a_photo_over_the_size_limit_is_rejected_before_it_is_read() {
    byte[] tooBig = Arrays.copyOf(TestImages.jpeg(10, 10), 10_485_761);

    assertThatThrownBy(() -> photos().store(tooBig, "huge.jpg"))
        .isInstanceOf(PhotoRejected.class)
        .hasMessage("huge.jpg is too big (10.0 MB): a photo can be at most 10 MB");
  }

  @Test
  void a_decompression_bomb_is_rejected_from_its_header() {
    assertThatThrownBy(() -> photos().store(TestImages.pngClaiming(100_000, 100_000), "bomb.png"))
        .isInstanceOf(PhotoRejected.class)
        .hasMessageContaining("at most 50 megapixels");
  }

  @Test
  void a_truncated_jpeg_is_rejected_with_a_clear_message() {
    byte[] full = TestImages.jpeg(800, 600);
    byte[] truncated = Arrays.copyOf(full, full.length * 6 / 10);

    assertThatThrownBy(() -> photos().store(truncated, "cut.jpg"))
        .isInstanceOf(PhotoRejected.class)
        .hasMessage("cut.jpg could not be read: the image is damaged or incomplete. Please send it again.");
  }

  @Test
  void a_jpeg_with_garbage_after_its_header_is_rejected() {
    byte[] garbage = TestImages.jpeg(100, 100);
    Arrays.fill(garbage, 20, garbage.length, (byte) 0x5A);

    assertThatThrownBy(() -> photos().store(garbage, "noise.jpg")).isInstanceOf(PhotoRejected.class);
  }

  @Test
  void a_heic_photo_is_rejected_with_a_message_saying_so() {
    byte[] heic = new byte[64];
    byte[] header = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'};
    System.arraycopy(header, 0, heic, 0, header.length);

    assertThatThrownBy(() -> photos().store(heic, "IMG_1234.HEIC"))
        .isInstanceOf(PhotoRejected.class)
        .hasMessageStartingWith("IMG_1234.HEIC is a HEIC photo, which is not supported yet");
  }

  @Test
  void unknown_and_malformed_ids_load_nothing() {
    ReencodingPhotos photos = photos();
    assertThat(photos.load("00000000-0000-0000-0000-000000000000")).isEmpty();
    assertThat(photos.load("../../etc/passwd")).isEmpty();
    assertThat(photos.load("..")).isEmpty();
    assertThat(photos.loadThumbnail("../x")).isEmpty();
  }

  @Test
  void the_webp_reader_is_registered() {
    assertThat(javax.imageio.ImageIO.getImageReadersByFormatName("webp").hasNext()).isTrue();
  }

  private static boolean isRed(int rgb) {
    int r = (rgb >> 16) & 0xFF;
    int b = rgb & 0xFF;
    return r > 200 && b < 60;
  }
}
