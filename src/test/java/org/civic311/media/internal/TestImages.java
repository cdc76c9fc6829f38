package org.civic311.media.internal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images made by the tests, byte by byte where a camera would add something ImageIO cannot write. */
final class TestImages {

  private TestImages() {}

  /** A JPEG whose left half is red and right half is blue, so a rotation can be checked. */
  static byte[] jpeg(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height);
    g.setColor(Color.BLUE);
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    return write(image, "jpeg");
  }

  static byte[] png(int width, int height, boolean transparentCorner) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    var g = image.createGraphics();
    g.setColor(Color.GREEN);
    g.fillRect(0, 0, width, height);
    g.dispose();
    if (transparentCorner) image.setRGB(0, 0, 0x00000000);
    return write(image, "png");
  }

  /**
   * Inserts, right after SOI, an APP1 Exif segment as a phone writes it: IFD0 with an Orientation
   * tag and a pointer to a GPS IFD holding a latitude reference and a marker text.
   */
  static byte[] withExifGps(byte[] jpeg, int orientation) {
    ByteBuffer tiff = ByteBuffer.allocate(128); // big-endian, "MM"
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    // IFD0 at 8: two entries
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
    int gpsIfd = 8 + 2 + 2 * 12 + 4;
    tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
    tiff.putInt(0);
    // GPS IFD: latitude ref "N" and a processing-method text we can search for
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
    int textOffset = gpsIfd + 2 + 2 * 12 + 4;
    byte[] text = "GPS-SECRET-HOME".getBytes(StandardCharsets.US_ASCII);
    tiff.putShort((short) 0x001B).putShort((short) 7).putInt(text.length).putInt(textOffset);
    tiff.putInt(0);
    tiff.put(text);
    byte[] tiffBytes = new byte[tiff.position()];
    tiff.flip().get(tiffBytes);

    byte[] exifHeader = {'E', 'x', 'i', 'f', 0, 0};
    int length = 2 + exifHeader.length + tiffBytes.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.write(0xFF);
    out.write(0xE1);
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(exifHeader);
    out.writeBytes(tiffBytes);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** A valid PNG header claiming a huge image, with no pixel data worth mentioning. */
  static byte[] pngClaiming(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** The payload of every APPn segment before the image data, as "APPn:first bytes as text". */
  static List<String> appSegments(byte[] jpeg) {
    List<String> segments = new ArrayList<>();
    int pos = 2;
    while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
      int marker = jpeg[pos + 1] & 0xFF;
      if (marker == 0xDA || marker == 0xD9) break;
      int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
      if (marker >= 0xE0 && marker <= 0xEF) {
        int n = Math.min(6, length - 2);
        segments.add("APP" + (marker - 0xE0) + ":" + new String(jpeg, pos + 4, n, StandardCharsets.ISO_8859_1));
      }
      pos += 2 + length;
    }
    return segments;
  }

  static BufferedImage read(byte[] bytes) {
    try {
      return ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] write(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
