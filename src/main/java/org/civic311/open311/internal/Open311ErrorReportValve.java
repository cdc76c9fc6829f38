package org.civic311.open311.internal;

import java.io.IOException;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

/**
 * Tomcat refuses some requests before Spring sees them: an encoded slash or NUL in the path, a bad
 * percent escape, too many parameters, a header or query string over its limits. Its own HTML page
 * would be the answer; for Open311 paths clients get an Open311 error list instead, everywhere else
 * Tomcat's page (without server details).
 */
public class Open311ErrorReportValve extends ErrorReportValve {

  public Open311ErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    String uri = request.getDecodedRequestURI() == null ? request.getRequestURI() : request.getDecodedRequestURI();
    if (status < 400 || uri == null || !uri.startsWith("/open311") || response.getContentWritten() > 0 || !response.setErrorReported()) {
      super.report(request, response, throwable);
      return;
    }
    ResponseEntity<byte[]> errors =
        Open311Responses.errors(
            HttpStatusCode.valueOf(status),
            List.of(status == 404 ? "Resource not found" : "The request could not be read: check its path, parameters and size"),
            Format.guessFromPath(uri));
    try {
      response.setContentType(errors.getHeaders().getContentType().toString());
      byte[] body = errors.getBody();
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the response is already committed: nothing more to say.
    }
  }
}
