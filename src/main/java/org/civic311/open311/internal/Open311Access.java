package org.civic311.open311.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import org.civic311.catalog.Catalog;
import org.civic311.identity.ApiClient;
import org.civic311.identity.ApiKeyScope;
import org.civic311.identity.ApiKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** What every Open311 call checks first: the jurisdiction, the API key on writes, and the time. */
@Component
class Open311Access {

  private final Catalog catalog;
  private final ApiKeys apiKeys;
  private final Clock clock;
  private final long maxFormBytes;

  Open311Access(
      Catalog catalog,
      ApiKeys apiKeys,
      Clock clock,
      @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxFormSize) {
    this.catalog = catalog;
    this.apiKeys = apiKeys;
    this.clock = clock;
    this.maxFormBytes = maxFormSize.toBytes();
  }

  /** A 404 when jurisdiction_id names another city; absent or empty means this one. */
  void checkJurisdiction(Open311Parameters parameters) {
    parameters
        .one("jurisdiction_id")
        .ifPresent(
            id -> {
              if (!catalog.serves(id)) {
                throw Open311Exception.notFound(
                    "Unknown jurisdiction_id: this server only serves " + catalog.jurisdiction().id());
              }
            });
  }

  /** The client behind the api_key parameter, or a 403 as the spec asks. */
  ApiClient authenticate(Open311Parameters parameters, String action) {
    String key =
        parameters
            .one("api_key")
            .orElseThrow(() -> Open311Exception.forbidden("api_key missing -- can't proceed with " + action + "."));
    ApiClient client =
        apiKeys
            .authenticate(key)
            .orElseThrow(() -> Open311Exception.forbidden("Invalid api_key received -- can't proceed with " + action + "."));
    // A key limited to other uses (e.g. only status updates, or only the integration API) is refused here.
    ApiKeyScope needed = action.equals("create_request") ? ApiKeyScope.OPEN311_POST : ApiKeyScope.OPEN311_UPDATES;
    if (!client.may(needed)) {
      throw Open311Exception.forbidden(
          "This api_key may not " + action + " (it lacks the " + needed.value() + " scope) -- can't proceed with " + action + ".");
    }
    return client;
  }

  /** Only form bodies carry Open311 parameters; anything else is refused before it is read. */
  void checkBody(HttpServletRequest request) {
    String contentType = request.getContentType();
    if (contentType == null || contentType.isBlank()) return;
    MediaType type;
    try {
      type = MediaType.parseMediaType(contentType);
    } catch (IllegalArgumentException e) {
      throw unsupported();
    }
    if (type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)) {
      if (request.getContentLengthLong() > maxFormBytes) {
        throw new Open311Exception(
            HttpStatus.CONTENT_TOO_LARGE,
            List.of("The request body is too large: at most " + maxFormBytes + " bytes of form data"));
      }
      return;
    }
    if (!type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA)) throw unsupported();
  }

  private static Open311Exception unsupported() {
    return new Open311Exception(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        List.of("Send the request as application/x-www-form-urlencoded or multipart/form-data"));
  }

  Instant now() {
    return clock.instant();
  }

  ZoneId zone() {
    return catalog.jurisdiction().timeZone();
  }
}
