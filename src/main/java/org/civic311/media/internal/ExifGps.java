package org.civic311.media.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.civic311.media.Photos.PhotoPosition;

/**
 * Where a photo says it was taken (EXIF GPS latitude and longitude), read before re-encoding drops
 * the EXIF block. The portal only offers this point to the resident, who decides whether to use it.
 *
 * <p>Reads the TIFF block of a JPEG's first Exif APP1 segment, of a WebP's {@code EXIF} chunk or of a
 * PNG's {@code eXIf} chunk; IFD0's GPS pointer (0x8825), then GPSLatitudeRef/GPSLatitude and
 * GPSLongitudeRef/GPSLongitude. Every offset is bounds-checked: the bytes come from the internet.
 */
final class ExifGps {

  private static final int GPS_IFD = 0x8825;
  private static final int RATIONAL = 5;

  private ExifGps() {}

  static Optional<PhotoPosition> of(byte[] content, ReencodingPhotos.Format format) {
    try {
      int[] tiff = switch (format) {
        case JPEG -> jpegTiff(content);
        case WEBP -> webpTiff(content);
        case PNG -> pngTiff(content);
        default -> null;
      };
      return tiff == null ? Optional.empty() : fromTiff(content, tiff[0], tiff[1]);
    } catch (IndexOutOfBoundsException | ArithmeticException malformed) {
      return Optional.empty();
    }
  }

  /** The start and end of the TIFF block in a JPEG, or null. */
  private static int[] jpegTiff(byte[] b) {
    int pos = 2;
    while (pos + 4 <= b.length) {
      if ((b[pos] & 0xFF) != 0xFF) return null;
      int marker = b[pos + 1] & 0xFF;
      if (marker == 0xFF) {
        pos++;
        continue;
      }
      if (marker == 0xDA || marker == 0xD9) return null;
      int length = u16(b, pos + 2, false);
      int start = pos + 4;
      int end = pos + 2 + length;
      if (length < 2 || end > b.length) return null;
      if (marker == 0xE1 && end - start >= 6 && ascii(b, start, 4).equals("Exif") && b[start + 4] == 0 && b[start + 5] == 0) {
        return new int[] {start + 6, end};
      }
      pos = end;
    }
    return null;
  }

  private static int[] webpTiff(byte[] b) {
    int pos = 12;
    while (pos + 8 <= b.length) {
      String type = ascii(b, pos, 4);
      long size = u32(b, pos + 4, true);
      int start = pos + 8;
      long end = start + size;
      if (end > b.length) return null;
      if (type.equals("EXIF")) return exifHeaderSkipped(b, start, (int) end);
      pos = (int) (end + (size & 1));
    }
    return null;
  }

  private static int[] pngTiff(byte[] b) {
    int pos = 8;
    while (pos + 8 <= b.length) {
      long size = u32(b, pos, false);
      String type = ascii(b, pos + 4, 4);
      int start = pos + 8;
      long end = start + size;
      if (end > b.length) return null;
      if (type.equals("eXIf")) return exifHeaderSkipped(b, start, (int) end);
      if (type.equals("IDAT") || type.equals("IEND")) return null;
      pos = (int) (end + 4);
    }
    return null;
  }

  /** Some writers put "Exif\0\0" before the TIFF header inside the chunk too. */
  private static int[] exifHeaderSkipped(byte[] b, int start, int end) {
    if (end - start >= 6 && ascii(b, start, 4).equals("Exif")) return new int[] {start + 6, end};
    return new int[] {start, end};
  }

  private static Optional<PhotoPosition> fromTiff(byte[] b, int tiff, int end) {
    if (tiff + 8 > end) return Optional.empty();
    boolean little;
    if (b[tiff] == 'I' && b[tiff + 1] == 'I') little = true;
    else if (b[tiff] == 'M' && b[tiff + 1] == 'M') little = false;
    else return Optional.empty();
    if (u16(b, tiff + 2, little) != 42) return Optional.empty();
    long gps = -1;
    long ifd0 = tiff + u32(b, tiff + 4, little);
    for (Entry entry : entries(b, ifd0, end, little)) {
      if (entry.tag == GPS_IFD) gps = tiff + entry.valueOrOffset;
    }
    if (gps < 0) return Optional.empty();
    String latRef = null;
    String lonRef = null;
    Double lat = null;
    Double lon = null;
    for (Entry entry : entries(b, gps, end, little)) {
      switch (entry.tag) {
        case 1 -> latRef = ascii(b, entry.at + 8, 1);
        case 3 -> lonRef = ascii(b, entry.at + 8, 1);
        case 2 -> lat = degrees(b, tiff, end, entry, little);
        case 4 -> lon = degrees(b, tiff, end, entry, little);
        default -> { }
      }
    }
    if (lat == null || lon == null || latRef == null || lonRef == null) return Optional.empty();
    double latitude = latRef.equals("S") ? -lat : lat;
    double longitude = lonRef.equals("W") ? -lon : lon;
    if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) return Optional.empty();
    // 0,0 is what some cameras write when they had no fix.
    if (latitude == 0 && longitude == 0) return Optional.empty();
    return Optional.of(new PhotoPosition(latitude, longitude));
  }

  /** Degrees, minutes and seconds as three rationals. */
  private static Double degrees(byte[] b, int tiff, int end, Entry entry, boolean little) {
    if (entry.type != RATIONAL || entry.count != 3) return null;
    long at = tiff + entry.valueOrOffset;
    if (at + 24 > end) return null;
    double value = 0;
    double unit = 1;
    for (int i = 0; i < 3; i++) {
      long numerator = u32(b, (int) at + 8 * i, little);
      long denominator = u32(b, (int) at + 8 * i + 4, little);
      if (denominator == 0) return null;
      value += (double) numerator / denominator / unit;
      unit *= 60;
    }
    return value;
  }

  private record Entry(int at, int tag, int type, long count, long valueOrOffset) {}

  private static java.util.List<Entry> entries(byte[] b, long ifd, int end, boolean little) {
    var list = new java.util.ArrayList<Entry>();
    if (ifd + 2 > end) return list;
    int count = u16(b, (int) ifd, little);
    for (int i = 0; i < count; i++) {
      long at = ifd + 2 + 12L * i;
      if (at + 12 > end) break;
      int e = (int) at;
      list.add(new Entry(e, u16(b, e, little), u16(b, e + 2, little), u32(b, e + 4, little), u32(b, e + 8, little)));
    }
    return list;
  }

  private static String ascii(byte[] b, int from, int length) {
    return new String(b, from, length, StandardCharsets.ISO_8859_1);
  }

  private static int u16(byte[] b, int at, boolean little) {
    int b0 = b[at] & 0xFF;
    int b1 = b[at + 1] & 0xFF;
    return little ? (b1 << 8) | b0 : (b0 << 8) | b1;
  }

  private static long u32(byte[] b, int at, boolean little) {
    long hi = u16(b, little ? at + 2 : at, little);
    long lo = u16(b, little ? at : at + 2, little);
    return (hi << 16) | lo;
  }
}
