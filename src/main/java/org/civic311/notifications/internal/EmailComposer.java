package org.civic311.notifications.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import org.civic311.notifications.RenderedMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Builds the email of a delivery: plain text and HTML alternatives, a Message-ID made from the
 * delivery id (a retry after a crash repeats it, so mail programs recognise the repeat), and the
 * one-click unsubscribe headers of RFC 8058.
 */
@Component
class EmailComposer {

  private final JavaMailSender sender;
  private final NotificationProperties properties;
  private final Clock clock;
  private final String messageIdDomain;

  EmailComposer(JavaMailSender sender, NotificationProperties properties, Clock clock, MessageValues values) {
    this.sender = sender;
    this.properties = properties;
    this.clock = clock;
    String host;
    try {
      host = URI.create(values.publicUrl()).getHost();
    } catch (IllegalArgumentException e) {
      host = null;
    }
    this.messageIdDomain = host == null || host.isBlank() ? "civic311.invalid" : host;
  }

  String messageId(long deliveryId) {
    return "<delivery-" + deliveryId + ".civic311@" + messageIdDomain + ">";
  }

  MimeMessage compose(
      long deliveryId, String recipient, String language, RenderedMessage message, @Nullable String unsubscribeLink)
      throws MessagingException {
    MimeMessage mail = new MimeMessage(session());
    mail.setFrom(new InternetAddress(properties.email().from(), true));
    if (properties.email().replyTo() != null && !properties.email().replyTo().isBlank()) {
      mail.setReplyTo(InternetAddress.parse(properties.email().replyTo(), true));
    }
    mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient, true));
    mail.setSubject(message.subject(), "UTF-8");
    mail.setSentDate(Date.from(clock.instant()));
    mail.setHeader("Message-ID", messageId(deliveryId));
    mail.setHeader("Content-Language", language);
    mail.setHeader("Auto-Submitted", "auto-generated");
    String mailto = properties.email().unsubscribeMailto();
    if (unsubscribeLink != null) setUnsubscribeHeaders(mail, unsubscribeLink, mailto);
    MimeBodyPart text = new MimeBodyPart();
    text.setText(message.text(), "UTF-8", "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(message.html(), "UTF-8", "html");
    MimeMultipart alternatives = new MimeMultipart("alternative");
    alternatives.addBodyPart(text);
    alternatives.addBodyPart(html);
    mail.setContent(alternatives);
    return mail;
  }

  private static void setUnsubscribeHeaders(MimeMessage mail, String unsubscribeLink, @Nullable String mailto)
      throws MessagingException {
    mail.setHeader(
        "List-Unsubscribe",
        "<" + unsubscribeLink + ">"
            + (mailto == null || mailto.isBlank() ? "" : ", <mailto:" + mailto + "?subject=unsubscribe%20" + tokenOf(unsubscribeLink) + ">"));
    mail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
  }

  private static String tokenOf(String unsubscribeLink) {
    String path = URI.create(unsubscribeLink).getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private Session session() {
    return sender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
  }
}
