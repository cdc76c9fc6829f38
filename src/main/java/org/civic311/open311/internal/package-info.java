/** Controllers, representations and error handling of the Open311 server. */
@NullMarked
package org.civic311.open311.internal;

import org.jspecify.annotations.NullMarked;
