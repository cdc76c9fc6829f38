@NullMarked
package org.civic311.geo.internal;

import org.jspecify.annotations.NullMarked;
