/**
 * How the catalog is kept: PostgreSQL tables in the {@code catalog} schema written from the city file
 * or an Open311 import, and an immutable in-memory snapshot that every read is served from.
 */
@NullMarked
package org.civic311.catalog.internal;

import org.jspecify.annotations.NullMarked;
