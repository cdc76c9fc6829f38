package org.civic311.open311.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.ServiceCategory;
import org.civic311.catalog.ServiceType;
import org.civic311.media.PhotoRejected;
import org.civic311.media.Photos;
import org.civic311.open311.internal.Open311Document.Items;
import org.civic311.open311.internal.Open311Document.Obj;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.Submission;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/** GET Service Requests, GET Service Request, POST Service Request and GET request id from a token. */
@RestController
class RequestsController {

  private static final Pattern PHOTO_PART = Pattern.compile("media|media\\[]|photo|photo\\d{1,3}|file_.{1,100}");
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

  private final Catalog catalog;
  private final ServiceRequests requests;
  private final Photos photos;
  private final Open311Access access;
  private final Open311Representations representations;

  RequestsController(
      Catalog catalog,
      ServiceRequests requests,
      Photos photos,
      Open311Access access,
      Open311Representations representations) {
    this.catalog = catalog;
    this.requests = requests;
    this.photos = photos;
    this.access = access;
    this.representations = representations;
  }

  @GetMapping("/open311/v2/requests.{extension}")
  ResponseEntity<byte[]> search(@PathVariable String extension, HttpServletRequest request) {
    Format format = Format.of(extension);
    var parameters = Open311Parameters.of(request);
    access.checkJurisdiction(parameters);
    var query = RequestSearch.read(parameters, access.now());
    var found = query.map(q -> requests.search(q).requests()).orElse(List.of());
    boolean extensions = parameters.flag("extensions");
    return Open311Responses.ok(representations.requests(found, extensions), format);
  }

  @GetMapping("/open311/v2/requests/{file}")
  ResponseEntity<byte[]> request(@PathVariable String file, HttpServletRequest request) {
    var named = Format.split(file);
    var parameters = Open311Parameters.of(request);
    access.checkJurisdiction(parameters);
    var details =
        Optional.of(named.name())
            .filter(RequestNumber::isWellFormed)
            .flatMap(id -> requests.find(new RequestNumber(id)))
            .orElseThrow(() -> Open311Exception.notFound("Resource not found: no service request with that id"));
    return Open311Responses.ok(representations.requests(List.of(details), parameters.flag("extensions")), named.format());
  }

  @GetMapping("/open311/v2/tokens/{file}")
  ResponseEntity<byte[]> token(@PathVariable String file, HttpServletRequest request) {
    var named = Format.split(file);
    access.checkJurisdiction(Open311Parameters.of(request));
    var number =
        requests
            .numberForToken(named.name())
            .orElseThrow(() -> Open311Exception.notFound("Resource not found: no request with that token"));
    var item = Obj.builder().text("service_request_id", number.value()).text("token", named.name()).build();
    return Open311Responses.ok(
        new Open311Document("service_requests", new Items("request", List.of(item))), named.format());
  }

  @PostMapping("/open311/v2/requests.{extension}")
  ResponseEntity<byte[]> submit(
      @PathVariable String extension,
      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
      HttpServletRequest request) {
    Format format = Format.of(extension);
    access.checkBody(request);
    var parameters = Open311Parameters.of(request);
    var client = access.authenticate(parameters, "create_request");
    access.checkJurisdiction(parameters);
    if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
      throw Open311Exception.badRequest("Idempotency-Key must be 1 to 200 visible ASCII characters");
    }
    var form = SubmissionForm.parse(parameters);
    ServiceCategory category =
        catalog
            .category(form.serviceCode())
            .orElseThrow(() -> Open311Exception.notFound("Resource not found: no service with that service_code"));
    List<MultipartFile> files = photoParts(request);
    List<Photos.StoredPhoto> stored = store(files);
    Submission submission;
    try {
      submission =
          requests.submit(
              form.toCommand(stored.stream().map(Photos.StoredPhoto::url).toList(), idempotencyKey, client.keyId()));
    } catch (RuntimeException refused) {
      discard(stored);
      throw refused;
    }
    // A retry returns the first request, which has the photos of the first attempt.
    if (submission.replayed()) discard(stored);
    return Open311Responses.of(
        submission.replayed() ? HttpStatus.OK : HttpStatus.CREATED, created(submission, category), format);
  }

  private static List<MultipartFile> photoParts(HttpServletRequest request) {
    var multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    if (multipart == null) return List.of();
    var problems = new Open311Exception.Problems();
    var files = new ArrayList<MultipartFile>();
    multipart
        .getMultiFileMap()
        .forEach(
            (name, parts) -> {
              if (!PHOTO_PART.matcher(name).matches()) {
                problems.add(
                    "File part "
                        + Open311Parameters.printable(name)
                        + " is not accepted: name photo parts media, media[], photo, photoN or file_*");
                return;
              }
              parts.stream().filter(part -> !part.isEmpty()).forEach(files::add);
            });
    if (files.size() > SubmissionForm.MAX_PHOTOS) {
      problems.add("Too many photos: at most " + SubmissionForm.MAX_PHOTOS + " per request");
    }
    problems.throwIfAny();
    return files;
  }

  private void discard(List<Photos.StoredPhoto> stored) {
    stored.forEach(photo -> photos.discard(photo.id()));
  }

  private List<Photos.StoredPhoto> store(List<MultipartFile> files) {
    var problems = new Open311Exception.Problems();
    var urls = new ArrayList<Photos.StoredPhoto>();
    for (MultipartFile file : files) {
      String name = file.getOriginalFilename() == null ? file.getName() : file.getOriginalFilename();
      try {
        urls.add(photos.store(file.getBytes(), name));
      } catch (PhotoRejected e) {
        problems.add(Open311Parameters.printable(file.getName()) + ": " + e.getMessage());
      } catch (java.io.IOException e) {
        problems.add(Open311Parameters.printable(file.getName()) + ": the upload could not be read");
      }
    }
    if (!problems.isEmpty()) discard(urls);
    problems.throwIfAny();
    return urls;
  }

  private static Open311Document created(Submission submission, ServiceCategory category) {
    var request = Obj.builder();
    if (category.type() == ServiceType.BATCH && submission.token() != null) {
      request.text("token", submission.token());
    } else if (category.type() != ServiceType.BLACKBOX) {
      request.text("service_request_id", submission.number().value());
    }
    // account_id is the client's own reference for its user: personal data, so not echoed.
    request.text("service_notice", submission.serviceNotice()).text("account_id", null);
    return new Open311Document("service_requests", new Items("request", List.of(request.build())));
  }
}
