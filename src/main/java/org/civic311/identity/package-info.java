/**
 * Who may do what. Staff accounts (roles, departments of the catalog, crews) sign in with a form at
 * {@code /staff/login}; failures lock an account for a while, passwords are reset by emailed link, and
 * sessions live in PostgreSQL so every node shares them. The module also owns the web security rules
 * of the whole application (public pages, staff pages, CSRF, security headers) and the API keys of
 * Open311 clients and city systems, shown once and stored hashed. Other modules use {@link
 * org.civic311.identity.StaffAccounts}, {@link org.civic311.identity.CurrentStaff} (or a {@link
 * org.civic311.identity.StaffMember} controller parameter) and {@link org.civic311.identity.ApiKeys};
 * no Spring Security type crosses the module boundary.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.civic311.identity;

import org.jspecify.annotations.NullMarked;
