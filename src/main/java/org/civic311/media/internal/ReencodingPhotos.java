package org.civic311.media.internal;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.civic311.media.PhotoRejected;
import org.civic311.media.PhotoStore;
import org.civic311.media.Photos;
import org.civic311.media.Photos.PhotoPosition;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Accepts a photo only for what its bytes are, never for its name: sniffs the format, reads the
 * dimensions before decoding (a small file can claim billions of pixels), decodes, turns it upright,
 * scales it down and writes a new JPEG (or PNG when it has transparency). The new file carries no
 * metadata, so the EXIF block with the resident's GPS position, camera serial and time is gone.
 */
@Service
class ReencodingPhotos implements Photos {

  static final int MAX_SIDE = 2048;
  static final int THUMBNAIL_SIDE = 320;
  static final long MAX_PIXELS = 50_000_000L;
  private static final float JPEG_QUALITY = 0.85f;
  private static final String ACCEPTED = "send a JPEG, PNG or WebP image";
  private static final Pattern PHOTO_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final PhotoStore store;
  private final long maxBytes;
  private final String publicUrl;
  /**
   * Decoding takes up to ~70 MB of heap per photo; on virtual threads nothing else limits how many
   * run at once, so a burst of uploads could exhaust memory. Extra uploads wait their turn.
   */
  private final Semaphore decoding = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);

  private final @Nullable UnclaimedPhotos unclaimed;

  ReencodingPhotos(PhotoStore store, long maxBytes, String publicUrl) {
    this(store, maxBytes, publicUrl, null);
  }

  @Autowired
  ReencodingPhotos(
      PhotoStore store,
      @Value("${civic311.media.max-photo-bytes:10485760}") long maxBytes,
      @Value("${civic311.public-url}") String publicUrl,
      @Nullable UnclaimedPhotos unclaimed) {
    this.store = store;
    this.unclaimed = unclaimed;
    this.maxBytes = maxBytes;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    // ImageIO registers plugins from the class loader that first touches it; in the Spring Boot jar
    // that may miss the TwelveMonkeys readers (CMYK JPEG, WebP), so scan once explicitly.
    ImageIO.scanForPlugins();
  }

  @Override
  public StoredPhoto store(byte[] content, String fileName) {
    String name = displayName(fileName);
    if (content.length > maxBytes) {
      throw new PhotoRejected(name + " is too big (" + megabytes(content.length) + "): a photo can be at most " + megabytes(maxBytes));
    }
    Format format = Format.sniff(content);
    if (format == Format.UNKNOWN) throw new PhotoRejected(name + " is not a photo: " + ACCEPTED);
    Cleaned cleaned = clean(content, format, name);
    PhotoPosition takenAt = ExifGps.of(content, format).orElse(null);
    String id = UUID.randomUUID().toString();
    store.put(key(id, cleaned.extension()), cleaned.photo());
    store.put(thumbnailKey(id), cleaned.thumbnail());
    return new StoredPhoto(id, publicUrl + "/media/" + id + "." + cleaned.extension(), takenAt);
  }

  @Override
  public StoredPhoto storeUnclaimed(byte[] content, String fileName) {
    StoredPhoto stored = store(content, fileName);
    // Recorded after the files exist: a crash in between leaves a file no job deletes, never a row
    // whose files are missing.
    if (unclaimed != null) unclaimed.record(stored.id());
    return stored;
  }

  @Override
  public void claim(List<String> photoUrls) {
    if (unclaimed == null) return;
    List<String> ids = photoUrls.stream()
        .map(url -> url.startsWith(publicUrl + "/media/") ? url.substring(publicUrl.length() + 7) : "")
        .map(file -> file.contains(".") ? file.substring(0, file.indexOf('.')) : file)
        .filter(id -> PHOTO_ID.matcher(id).matches())
        .toList();
    if (ids.isEmpty()) return;
    var claimed = unclaimed.claim(ids);
    for (String id : ids) {
      // Not claimed now: either it never waited (an Open311 upload) or the cleanup deleted it.
      if (!claimed.contains(id) && store.get(thumbnailKey(id)).isEmpty()) {
        throw new PhotoRejected("A photo of this report was deleted because the report was not sent within the time allowed: please add it again");
      }
    }
  }

  /** Deletes an abandoned photo's files; its row goes in the caller's transaction. */
  void deleteFiles(String photoId) {
    if (!PHOTO_ID.matcher(photoId).matches()) return;
    store.delete(key(photoId, "jpg"));
    store.delete(key(photoId, "png"));
    store.delete(thumbnailKey(photoId));
  }

  @Override
  public void discard(String photoId) {
    if (!PHOTO_ID.matcher(photoId).matches()) return;
    deleteFiles(photoId);
    if (unclaimed != null) unclaimed.forget(photoId);
  }

  @Override
  public Optional<PhotoContent> load(String photoId) {
    if (!PHOTO_ID.matcher(photoId).matches()) return Optional.empty();
    Optional<byte[]> jpeg = store.get(key(photoId, "jpg"));
    if (jpeg.isPresent()) return Optional.of(new PhotoContent(jpeg.get(), "image/jpeg"));
    return store.get(key(photoId, "png")).map(bytes -> new PhotoContent(bytes, "image/png"));
  }

  /** The small JPEG shown in lists and on maps. */
  Optional<PhotoContent> loadThumbnail(String photoId) {
    if (!PHOTO_ID.matcher(photoId).matches()) return Optional.empty();
    return store.get(thumbnailKey(photoId)).map(bytes -> new PhotoContent(bytes, "image/jpeg"));
  }

  /** Two hex digits of fan-out keep folders small when a big city has millions of photos. */
  private static String key(String id, String extension) {
    return id.substring(0, 2) + "/" + id + "." + extension;
  }

  private static String thumbnailKey(String id) {
    return id.substring(0, 2) + "/" + id + ".thumbnail.jpg";
  }

  private Cleaned clean(byte[] content, Format format, String name) {
    try {
      decoding.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to process a photo", e);
    }
    try {
      BufferedImage decoded = decode(content, format, name);
      int orientation = format == Format.JPEG ? ExifOrientation.of(content) : ExifOrientation.NORMAL;
      boolean transparent = decoded.getColorModel().hasAlpha();
      BufferedImage photo = ExifOrientation.apply(scale(decoded, MAX_SIDE, transparent), orientation);
      boolean keepPng = transparent && hasTransparentPixel(photo);
      BufferedImage thumbnail = scale(photo, THUMBNAIL_SIDE, false);
      if (keepPng) return new Cleaned(png(photo), jpeg(thumbnail), "png");
      // An opaque image decoded with an alpha channel is flattened to RGB: JPEG has no alpha.
      BufferedImage rgb = transparent ? scale(photo, MAX_SIDE, false) : photo;
      return new Cleaned(jpeg(rgb), jpeg(thumbnail), "jpg");
    } finally {
      decoding.release();
    }
  }

  private BufferedImage decode(byte[] content, Format format, String name) {
    try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        throw new PhotoRejected(
            format == Format.HEIC
                ? name + " is a HEIC photo, which is not supported yet: " + ACCEPTED
                    + " (on an iPhone: Settings > Camera > Formats > Most Compatible)"
                : name + " is not a photo: " + ACCEPTED);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width <= 0 || height <= 0) throw damaged(name);
        if (width * height > MAX_PIXELS) {
          throw new PhotoRejected(
              name + " is too large (" + width + " × " + height + " pixels): a photo can have at most "
                  + MAX_PIXELS / 1_000_000 + " megapixels");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        // Skipping source pixels while decoding keeps memory near the output size; the scaling below
        // still smooths, and the decoded image stays at least MAX_SIDE on its longer side.
        int step = (int) Math.max(1, Math.max(width, height) / MAX_SIDE);
        if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage image = reader.read(0, param);
        // A truncated JPEG decodes "successfully" with grey where data is missing, and only warns.
        if (!warnings.isEmpty()) throw damaged(name);
        return image;
      } finally {
        reader.dispose();
      }
    } catch (PhotoRejected rejected) {
      throw rejected;
    } catch (IOException | RuntimeException unreadable) {
      // Decoders report broken input with any exception type (IIOException, IndexOutOfBounds...):
      // each is a bad upload, not a server error.
      throw damaged(name);
    }
  }

  private static PhotoRejected damaged(String name) {
    return new PhotoRejected(name + " could not be read: the image is damaged or incomplete. Please send it again.");
  }

  /**
   * Scales so the longer side is at most {@code maxSide}, halving step by step: a single bilinear
   * step from 4000 to 320 pixels would skip most source pixels and shimmer.
   */
  static BufferedImage scale(BufferedImage source, int maxSide, boolean keepAlpha) {
    int width = source.getWidth();
    int height = source.getHeight();
    double factor = Math.min(1.0, (double) maxSide / Math.max(width, height));
    int targetWidth = Math.max(1, (int) Math.round(width * factor));
    int targetHeight = Math.max(1, (int) Math.round(height * factor));
    int type = keepAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    BufferedImage current = source;
    do {
      width = Math.max(targetWidth, width / 2);
      height = Math.max(targetHeight, height / 2);
      if (current.getWidth() <= targetWidth * 2 && current.getHeight() <= targetHeight * 2) {
        width = targetWidth;
        height = targetHeight;
      }
      BufferedImage next = new BufferedImage(width, height, type);
      var g = next.createGraphics();
      try {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        if (!keepAlpha) {
          // Transparent parts of a PNG become white, not black, in a JPEG.
          g.setColor(Color.WHITE);
          g.fillRect(0, 0, width, height);
        }
        g.drawImage(current, 0, 0, width, height, null);
      } finally {
        g.dispose();
      }
      current = next;
    } while (current.getWidth() != targetWidth || current.getHeight() != targetHeight);
    return current;
  }

  /** Many PNGs carry an alpha channel that is opaque everywhere: those become JPEGs like any photo. */
  private static boolean hasTransparentPixel(BufferedImage argb) {
    for (int pixel : ((DataBufferInt) argb.getRaster().getDataBuffer()).getData()) {
      if (pixel >>> 24 != 0xFF) return true;
    }
    return false;
  }

  private static byte[] jpeg(BufferedImage rgb) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var output = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(output);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      // No metadata is passed: the output has a plain JFIF header and nothing from the upload.
      writer.write(null, new IIOImage(rgb, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not encode a JPEG", e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  private static byte[] png(BufferedImage argb) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(argb, "png", out)) throw new IllegalStateException("No PNG writer");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not encode a PNG", e);
    }
    return out.toByteArray();
  }

  /** The client's file name, only for messages: short, one line, never a path. */
  static String displayName(String fileName) {
    String name = fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
    if (name.isEmpty()) return "The file";
    return name.length() > 80 ? name.substring(0, 77) + "..." : name;
  }

  private static String megabytes(long bytes) {
    double mb = bytes / (1024.0 * 1024.0);
    return (mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb)) + " MB";
  }

  private record Cleaned(byte[] photo, byte[] thumbnail, String extension) {}

  /** What the first bytes say a file is. */
  enum Format {
    JPEG,
    PNG,
    WEBP,
    HEIC,
    UNKNOWN;

    private static final List<String> HEIC_BRANDS = List.of("heic", "heix", "heim", "heis", "hevc", "mif1", "msf1");

    static Format sniff(byte[] b) {
      if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) return JPEG;
      if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && ascii(b, 1, 3).equals("PNG") && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
        return PNG;
      }
      if (b.length >= 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) return WEBP;
      if (b.length >= 12 && ascii(b, 4, 4).equals("ftyp") && HEIC_BRANDS.contains(ascii(b, 8, 4))) return HEIC;
      return UNKNOWN;
    }

    private static String ascii(byte[] b, int from, int length) {
      return new String(b, from, length, StandardCharsets.ISO_8859_1);
    }
  }
}
