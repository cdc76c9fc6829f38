/**
 * The resident portal: the pages residents use from any phone, in English or Spanish, with or
 * without JavaScript. Today: the home page, reporting a problem step by step (category, questions,
 * location, description, photos, contact, review) and the confirmation with the request number; each
 * request's status page with live updates, following it by email and reopening it; and the public
 * map and list of recent requests. It owns no data: reports and changes go in through the requests
 * module, categories come from the catalog, photos are stored by the media module, address
 * suggestions come from the geo module and follower emails are the notifications module's.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
    displayName = "Resident portal",
    allowedDependencies = {"catalog", "requests", "media", "geo", "notifications"})
package org.civic311.portal;

import org.jspecify.annotations.NullMarked;
