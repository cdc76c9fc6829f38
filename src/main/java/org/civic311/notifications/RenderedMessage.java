package org.civic311.notifications;

/** A message as the recipient sees it: subject, plain text and HTML. */
public record RenderedMessage(String subject, String text, String html) {}
