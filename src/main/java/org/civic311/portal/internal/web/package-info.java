/** Controllers, page models and the language handling of the resident portal. */
@NullMarked
package org.civic311.portal.internal.web;

import org.jspecify.annotations.NullMarked;
