package org.civic311.open311.internal;

import java.util.List;
import org.civic311.open311.internal.Open311Document.Items;
import org.civic311.open311.internal.Open311Document.Node;
import org.civic311.open311.internal.Open311Document.Obj;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

/** Turns documents and error lists into HTTP responses with the content types clients check. */
final class Open311Responses {

  private Open311Responses() {}

  static ResponseEntity<byte[]> ok(Open311Document document, Format format) {
    return of(HttpStatus.OK, document, format);
  }

  static ResponseEntity<byte[]> of(HttpStatusCode status, Open311Document document, Format format) {
    return ResponseEntity.status(status).contentType(format.contentType()).body(Open311Writer.write(document, format));
  }

  /** An Open311 error list; the code in the body is the HTTP status, a JSON number. */
  static ResponseEntity<byte[]> errors(HttpStatusCode status, List<String> descriptions, Format format) {
    List<Node> errors =
        descriptions.stream()
            .<Node>map(d -> Obj.builder().number("code", status.value()).text("description", d).build())
            .toList();
    return of(status, new Open311Document("errors", new Items("error", errors)), format);
  }
}
