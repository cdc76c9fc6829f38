/** The portal's settings and its web pages (under {@code web}). */
@NullMarked
package org.civic311.portal.internal;

import org.jspecify.annotations.NullMarked;
