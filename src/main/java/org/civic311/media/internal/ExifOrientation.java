package org.civic311.media.internal;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

/**
 * The EXIF orientation of a JPEG (tag 0x0112), applied to the pixels before the metadata is dropped.
 *
 * <p>Phones store portrait photos as landscape pixels plus this tag. Re-encoding removes all EXIF
 * (that is the point: GPS), so without turning the pixels first a resident's photo would show on its
 * side. Only IFD0 of the first Exif APP1 segment is read, with every offset bounds-checked: the bytes
 * come from the internet.
 */
final class ExifOrientation {

  static final int NORMAL = 1;

  private ExifOrientation() {}

  /** 1 to 8 as in the EXIF specification; {@link #NORMAL} when absent or unreadable. */
  static int of(byte[] jpeg) {
    try {
      int pos = 2; // after SOI
      while (pos + 4 <= jpeg.length) {
        if ((jpeg[pos] & 0xFF) != 0xFF) return NORMAL;
        int marker = jpeg[pos + 1] & 0xFF;
        if (marker == 0xFF) {
          pos++; // fill byte
          continue;
        }
        if (marker == 0xDA || marker == 0xD9) return NORMAL; // image data starts: no more metadata
        int length = u16(jpeg, pos + 2, false);
        int start = pos + 4;
        int end = pos + 2 + length;
        if (length < 2 || end > jpeg.length) return NORMAL;
        if (marker == 0xE1 && isExif(jpeg, start, end)) return fromTiff(jpeg, start + 6, end);
        pos = end;
      }
    } catch (IndexOutOfBoundsException malformed) {
      // fall through: an unreadable tag means "as stored"
    }
    return NORMAL;
  }

  private static boolean isExif(byte[] b, int start, int end) {
    return end - start >= 6
        && new String(b, start, 4, StandardCharsets.ISO_8859_1).equals("Exif")
        && b[start + 4] == 0
        && b[start + 5] == 0;
  }

  private static int fromTiff(byte[] b, int tiff, int end) {
    if (tiff + 8 > end) return NORMAL;
    boolean little;
    if (b[tiff] == 'I' && b[tiff + 1] == 'I') little = true;
    else if (b[tiff] == 'M' && b[tiff + 1] == 'M') little = false;
    else return NORMAL;
    if (u16(b, tiff + 2, little) != 42) return NORMAL;
    long ifd = tiff + u32(b, tiff + 4, little);
    if (ifd + 2 > end) return NORMAL;
    int entries = u16(b, (int) ifd, little);
    for (int i = 0; i < entries; i++) {
      long entry = ifd + 2 + 12L * i;
      if (entry + 12 > end) return NORMAL;
      int e = (int) entry;
      if (u16(b, e, little) == 0x0112 && u16(b, e + 2, little) == 3) {
        int value = u16(b, e + 8, little);
        return value >= 1 && value <= 8 ? value : NORMAL;
      }
    }
    return NORMAL;
  }

  /** The image turned or flipped so that it looks as the camera saw it. */
  static BufferedImage apply(BufferedImage image, int orientation) {
    if (orientation == NORMAL) return image;
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swaps = orientation >= 5;
    // AffineTransform(m00, m10, m01, m11, m02, m12): x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12
    AffineTransform transform =
        switch (orientation) {
          case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored
          case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
          case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored upside down
          case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
          case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // turned 90° clockwise
          case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transversed
          case 8 -> new AffineTransform(0, -1, 1, 0, 0, w); // turned 90° counter-clockwise
          default -> new AffineTransform();
        };
    BufferedImage turned = new BufferedImage(swaps ? h : w, swaps ? w : h, image.getType());
    var g = turned.createGraphics();
    try {
      g.drawImage(image, transform, null);
    } finally {
      g.dispose();
    }
    return turned;
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
