/**
 * Photos residents attach to reports: checked by content (not by name), decoded and re-encoded so
 * EXIF and GPS data are dropped, stored behind a {@link org.civic311.media.PhotoStore} port and served
 * at a public URL.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Media")
package org.civic311.media;

import org.jspecify.annotations.NullMarked;
