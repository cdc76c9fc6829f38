/** The workflow module's calendar store and arithmetic, and the escalation job. */
@NullMarked
package org.civic311.workflow.internal;

import org.jspecify.annotations.NullMarked;
