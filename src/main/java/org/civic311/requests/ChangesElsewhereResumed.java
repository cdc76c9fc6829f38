package org.civic311.requests;

/**
 * This node hears other nodes' changes again after its listening connection broke: whatever they
 * changed meanwhile was not announced, so pages should read their data again.
 */
public record ChangesElsewhereResumed() {}
