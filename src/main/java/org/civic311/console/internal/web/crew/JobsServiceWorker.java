package org.civic311.console.internal.web.crew;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.civic311.console.internal.ConsoleAccess;
import org.civic311.console.internal.web.NotAllowed;
import org.civic311.identity.StaffMember;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The service worker that keeps the crew's jobs page usable in a dead zone. It is served from
 * {@code /staff/jobs/sw.js} (a signed-in crew member only) with {@code Service-Worker-Allowed:
 * /staff/jobs}, so its scope is the jobs page and nothing else of the console. Its script carries a
 * version made from its own text and the files it keeps, so a deploy that changes any of them
 * installs a new worker, which replaces the old cached files.
 */
@Controller
class JobsServiceWorker {

  /** The files the jobs page needs, kept cache-first under the version's name (paths below the context path). */
  static final List<String> ASSETS =
      List.of("/console/console.css", "/console/jobs.css", "/console/jobs.js", "/console/signout.js");

  private final ConsoleAccess access;
  private final String script;
  private final String version;

  JobsServiceWorker(ConsoleAccess access) {
    this.access = access;
    this.script = read("console/jobs-sw.js");
    this.version = versionOf(script, ASSETS);
  }

  @GetMapping(path = "/staff/jobs/sw.js")
  ResponseEntity<String> script(StaffMember me, HttpServletRequest request) {
    if (!access.isCrew(me)) throw new NotAllowed(me.email() + " is not in a crew");
    String context = request.getContextPath();
    String assets = ASSETS.stream().map(path -> "'" + context + path + "'").collect(Collectors.joining(", "));
    String body = script.replace("'__VERSION__'", "'" + version + "'").replace("'__ASSETS__'", assets);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
        .header("Service-Worker-Allowed", context + "/staff/jobs")
        // The browser checks for a new worker at every visit; it must always see the current one.
        .cacheControl(CacheControl.noCache())
        .body(body);
  }

  /** The version of the worker: its text and every file it keeps. */
  String version() {
    return version;
  }

  private static String versionOf(String script, List<String> assets) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(script.getBytes(StandardCharsets.UTF_8));
      for (String path : assets) digest.update(read("static" + path).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static String read(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Missing " + path, e);
    }
  }
}
