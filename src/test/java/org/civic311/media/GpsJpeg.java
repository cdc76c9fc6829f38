package org.civic311.media;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.imageio.ImageIO;

/** A JPEG as a phone writes it with location on: an Exif APP1 segment whose GPS IFD holds a position. */
public final class GpsJpeg {

  private GpsJpeg() {}

  /** A plain grey JPEG of the given size, taken at this latitude and longitude (degrees, WGS 84). */
  public static byte[] at(int width, int height, double latitude, double longitude) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(Color.GRAY);
    g.fillRect(0, 0, width, height);
    g.dispose();
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpeg", plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return withGps(plain.toByteArray(), latitude, longitude);
  }

  /** Inserts after SOI a little-endian ("II") Exif block: IFD0 with a GPS pointer, the GPS IFD, rationals. */
  public static byte[] withGps(byte[] jpeg, double latitude, double longitude) {
    ByteBuffer tiff = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
    tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    // IFD0 at 8: one entry, the GPS IFD pointer
    int gpsIfd = 8 + 2 + 12 + 4;
    tiff.putShort((short) 1);
    tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
    tiff.putInt(0);
    // GPS IFD: four entries, then the two triples of rationals
    int values = gpsIfd + 2 + 4 * 12 + 4;
    tiff.putShort((short) 4);
    tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) (latitude < 0 ? 'S' : 'N')).put((byte) 0).putShort((short) 0);
    tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(values);
    tiff.putShort((short) 3).putShort((short) 2).putInt(2).put((byte) (longitude < 0 ? 'W' : 'E')).put((byte) 0).putShort((short) 0);
    tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(values + 24);
    tiff.putInt(0);
    degrees(tiff, Math.abs(latitude));
    degrees(tiff, Math.abs(longitude));
    byte[] tiffBytes = new byte[tiff.position()];
    tiff.flip().get(tiffBytes);

    byte[] exifHeader = {'E', 'x', 'i', 'f', 0, 0};
    int length = 2 + exifHeader.length + tiffBytes.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.write(0xFF);
    out.write(0xE1);
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(exifHeader);
    out.writeBytes(tiffBytes);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** Degrees, minutes and seconds (in hundredths) as cameras write them. */
  private static void degrees(ByteBuffer tiff, double value) {
    int d = (int) value;
    double minutes = (value - d) * 60;
    int m = (int) minutes;
    long hundredthsOfSeconds = Math.round((minutes - m) * 60 * 100);
    tiff.putInt(d).putInt(1).putInt(m).putInt(1).putInt((int) hundredthsOfSeconds).putInt(100);
  }
}
