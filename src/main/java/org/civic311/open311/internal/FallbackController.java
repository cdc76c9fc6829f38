package org.civic311.open311.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UrlPathHelper;

/**
 * Everything under /open311 that no other mapping takes: a resource without a known extension (404
 * "Bad extension", as mySociety's servers say), a known resource with the wrong method (405 with
 * Allow), anything else (404). So clients get an Open311 error list instead of the generic error page.
 */
@RestController
class FallbackController {

  private record Resource(Pattern path, Set<HttpMethod> methods) {}

  private static final String ANY_NAME = "[^/]+";

  private static final List<Resource> RESOURCES =
      List.of(
          new Resource(Pattern.compile("/open311/discovery(\\.[^/]*)?"), Set.of(HttpMethod.GET)),
          new Resource(Pattern.compile("/open311/v2/services(\\.[^/]*)?"), Set.of(HttpMethod.GET)),
          new Resource(Pattern.compile("/open311/v2/services/" + ANY_NAME), Set.of(HttpMethod.GET)),
          new Resource(Pattern.compile("/open311/v2/requests(\\.[^/]*)?"), Set.of(HttpMethod.GET, HttpMethod.POST)),
          new Resource(Pattern.compile("/open311/v2/requests/" + ANY_NAME), Set.of(HttpMethod.GET)),
          new Resource(Pattern.compile("/open311/v2/tokens/" + ANY_NAME), Set.of(HttpMethod.GET)),
          new Resource(
              Pattern.compile("/open311/v2/servicerequestupdates(\\.[^/]*)?"), Set.of(HttpMethod.GET, HttpMethod.POST)));

  private static final Pattern KNOWN_EXTENSION = Pattern.compile(".*\\.(xml|json)", Pattern.CASE_INSENSITIVE);

  private final UrlPathHelper paths = new UrlPathHelper();

  @RequestMapping({"/open311", "/open311/**"})
  ResponseEntity<byte[]> fallback(HttpServletRequest request) {
    String path = paths.getPathWithinApplication(request);
    Format format = Format.guessFromPath(path);
    var resource = RESOURCES.stream().filter(r -> r.path().matcher(path).matches()).findFirst();
    if (resource.isEmpty()) {
      return Open311Responses.errors(HttpStatus.NOT_FOUND, List.of("Resource not found"), format);
    }
    if (!KNOWN_EXTENSION.matcher(path).matches()) {
      return Open311Responses.errors(HttpStatus.NOT_FOUND, List.of(Format.BAD_EXTENSION), format);
    }
    String allowed = String.join(", ", resource.get().methods().stream().map(HttpMethod::name).sorted().toList());
    if (HttpMethod.OPTIONS.matches(request.getMethod())) {
      return ResponseEntity.ok().header(HttpHeaders.ALLOW, allowed + ", OPTIONS").build();
    }
    var response =
        Open311Responses.errors(
            HttpStatus.METHOD_NOT_ALLOWED,
            List.of("Method " + request.getMethod() + " is not allowed here: use " + allowed),
            format);
    return ResponseEntity.status(response.getStatusCode())
        .headers(response.getHeaders())
        .header(HttpHeaders.ALLOW, allowed)
        .body(response.getBody());
  }
}
