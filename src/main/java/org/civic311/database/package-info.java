/**
 * Where the city's data lives: an embedded PostgreSQL that Civic311 starts, keeps in a folder and stops
 * (the zero-setup default), or an external PostgreSQL 15+ given by URL. Every other module only sees a
 * {@link javax.sql.DataSource}.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package org.civic311.database;

import org.jspecify.annotations.NullMarked;
