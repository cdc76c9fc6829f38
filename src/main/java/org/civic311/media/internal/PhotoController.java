package org.civic311.media.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.media.Photos.PhotoContent;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves stored photos and thumbnails. A photo never changes under its id, so browsers and CDNs may
 * keep it for a year; {@code nosniff} stops a browser from treating the bytes as anything else.
 */
@RestController
class PhotoController {

  private static final Pattern PHOTO_FILE = Pattern.compile("([0-9a-f-]{36})\\.(jpg|png)");
  private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

  private final ReencodingPhotos photos;

  PhotoController(ReencodingPhotos photos) {
    this.photos = photos;
  }

  @GetMapping("/media/{file}")
  ResponseEntity<byte[]> photo(@PathVariable String file) {
    Matcher matcher = PHOTO_FILE.matcher(file);
    if (!matcher.matches()) return ResponseEntity.notFound().build();
    String expectedType = matcher.group(2).equals("png") ? "image/png" : "image/jpeg";
    return serve(photos.load(matcher.group(1)).filter(content -> content.contentType().equals(expectedType)));
  }

  @GetMapping("/media/{id}/thumbnail.jpg")
  ResponseEntity<byte[]> thumbnail(@PathVariable String id) {
    return serve(photos.loadThumbnail(id));
  }

  private static ResponseEntity<byte[]> serve(Optional<PhotoContent> content) {
    return content
        .map(
            found ->
                ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(found.contentType()))
                    .cacheControl(FOREVER)
                    .header("X-Content-Type-Options", "nosniff")
                    .body(found.bytes()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
