/**
 * The resident portal: the pages residents use from any phone, in English or Spanish, with or
 * without JavaScript. Today: the home page, reporting a problem step by step (category, questions,
 * location, description, photos, contact, review) and the confirmation with the request number. It
 * owns no data: reports go in through the requests module, categories come from the catalog and
 * photos are stored by the media module; address suggestions come from the geo module.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
    displayName = "Resident portal",
    allowedDependencies = {"catalog", "requests", "media", "geo", "notifications"})
package org.civic311.portal;

import org.jspecify.annotations.NullMarked;
