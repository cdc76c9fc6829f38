package org.civic311.open311.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.civic311.media.PhotoRejected;
import org.civic311.requests.InvalidServiceRequest;
import org.civic311.requests.InvalidServiceRequest.Violation;
import org.civic311.requests.RequestNotFound;
import org.civic311.requests.TransitionNotAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.util.UrlPathHelper;

/**
 * Turns any failure of an Open311 call into an Open311 error list in the format the call asked for:
 * 404 for what does not exist, 403 for keys, 400 for everything else a client can fix. A 500 is only
 * for our own bugs, logged without the request's content (it may hold personal data).
 */
final class Open311ErrorTranslator {

  private static final Logger log = LoggerFactory.getLogger(Open311ErrorTranslator.class);
  private static final UrlPathHelper PATHS = new UrlPathHelper();

  private Open311ErrorTranslator() {}

  static ResponseEntity<byte[]> translate(Throwable failure, HttpServletRequest request) {
    Format format = Format.guessFromPath(PATHS.getPathWithinApplication(request));
    return switch (failure) {
      case Open311Exception e -> Open311Responses.errors(e.status(), e.descriptions(), format);
      case InvalidServiceRequest e -> invalid(e, format);
      case RequestNotFound e ->
          Open311Responses.errors(HttpStatus.NOT_FOUND, List.of("Resource not found: no service request with that id"), format);
      case TransitionNotAllowed e ->
          Open311Responses.errors(
              HttpStatus.BAD_REQUEST,
              List.of(
                  "This change is not allowed while the request is "
                      + e.current().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                      + ": "
                      + e.getMessage()),
              format);
      case PhotoRejected e -> Open311Responses.errors(HttpStatus.BAD_REQUEST, List.of("Photo rejected: " + e.getMessage()), format);
      case MaxUploadSizeExceededException e ->
          Open311Responses.errors(
              HttpStatus.CONTENT_TOO_LARGE, List.of("The upload is too large: send smaller or fewer photos"), format);
      case MultipartException e ->
          Open311Responses.errors(
              HttpStatus.BAD_REQUEST, List.of("The multipart/form-data body could not be read"), format);
      case HttpRequestMethodNotSupportedException e -> methodNotAllowed(e, format);
      case HttpMediaTypeNotSupportedException e ->
          Open311Responses.errors(
              HttpStatus.UNSUPPORTED_MEDIA_TYPE,
              List.of("Send the request as application/x-www-form-urlencoded or multipart/form-data"),
              format);
      case HttpMessageNotReadableException e ->
          Open311Responses.errors(HttpStatus.BAD_REQUEST, List.of("The request body could not be read"), format);
      case MissingServletRequestParameterException e ->
          Open311Responses.errors(HttpStatus.BAD_REQUEST, List.of(e.getParameterName() + " missing"), format);
      case TypeMismatchException e ->
          Open311Responses.errors(
              HttpStatus.BAD_REQUEST,
              List.of((e.getPropertyName() == null ? "A parameter" : e.getPropertyName()) + " has the wrong type"),
              format);
      case ServletRequestBindingException e ->
          Open311Responses.errors(HttpStatus.BAD_REQUEST, List.of("The request's parameters could not be read"), format);
      case ErrorResponse e when e.getStatusCode().is4xxClientError() ->
          Open311Responses.errors(e.getStatusCode(), List.of(reason(e.getStatusCode())), format);
      default -> {
        // The message may quote input, so only the type and where it happened are logged.
        var where = Arrays.stream(failure.getStackTrace()).limit(8).map(StackTraceElement::toString).toList();
        log.error("Open311 call failed with {} at {}", failure.getClass().getName(), where);
        yield Open311Responses.errors(
            HttpStatus.INTERNAL_SERVER_ERROR, List.of("Internal error: the request could not be processed"), format);
      }
    };
  }

  private static ResponseEntity<byte[]> invalid(InvalidServiceRequest e, Format format) {
    boolean unknownCategory =
        e.violations().stream().anyMatch(v -> v.kind() == InvalidServiceRequest.Kind.UNKNOWN_CATEGORY);
    if (unknownCategory) {
      return Open311Responses.errors(
          HttpStatus.NOT_FOUND, List.of("Resource not found: no service with that service_code"), format);
    }
    List<String> descriptions = e.violations().stream().map(Open311ErrorTranslator::describe).distinct().toList();
    if (descriptions.isEmpty()) descriptions = List.of("The service request is not valid");
    return Open311Responses.errors(HttpStatus.BAD_REQUEST, descriptions, format);
  }

  /**
   * Names the field in the description; for a missing answer in the words clients look for ("HOWMANYD
   * required", from the Chicago test suite).
   */
  static String describe(Violation violation) {
    String field = violation.field();
    String subject = field;
    if (field.startsWith("attribute[") && field.endsWith("]")) subject = field.substring(10, field.length() - 1);
    String message = violation.message();
    if (violation.kind() == InvalidServiceRequest.Kind.MISSING) {
      String required = subject + " required";
      return message.contains(required) ? message : required + ": " + message;
    }
    return message.contains(subject) ? message : subject + ": " + message;
  }

  private static ResponseEntity<byte[]> methodNotAllowed(HttpRequestMethodNotSupportedException e, Format format) {
    var response =
        Open311Responses.errors(
            HttpStatus.METHOD_NOT_ALLOWED, List.of("Method " + e.getMethod() + " is not allowed here"), format);
    var supported = e.getSupportedMethods();
    if (supported == null) return response;
    return ResponseEntity.status(response.getStatusCode())
        .headers(response.getHeaders())
        .header(HttpHeaders.ALLOW, String.join(", ", supported))
        .body(response.getBody());
  }

  private static String reason(HttpStatusCode status) {
    var known = HttpStatus.resolve(status.value());
    return known == null ? "The request could not be processed" : known.getReasonPhrase();
  }
}
