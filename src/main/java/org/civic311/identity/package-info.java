/**
 * Who may do what: API keys for Open311 clients and city systems (later staff users, roles and
 * sessions). Keys are shown once and stored hashed.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.civic311.identity;

import org.jspecify.annotations.NullMarked;
