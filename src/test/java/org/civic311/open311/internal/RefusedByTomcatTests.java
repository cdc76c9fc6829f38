package org.civic311.open311.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Requests Tomcat refuses before Spring sees them still get an Open311 error list on Open311 paths. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RefusedByTomcatTests {

  @LocalServerPort int port;

  /** A raw request line, so nothing on the client side cleans up the path first. */
  private String rawGet(String target) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/open311/v2/requests/a%2Fb.json", "/open311/v2/requests/a%00b.json", "/open311/v2/requests/%zz.json"})
  void a_path_tomcat_refuses_gets_a_json_error_list(String path) throws Exception {
    String response = rawGet(path);
    assertThat(response).startsWith("HTTP/1.1 4");
    assertThat(response).containsIgnoringCase("Content-Type: application/json");
    assertThat(response).contains("[{\"code\":4").doesNotContain("<html").doesNotContain("Apache Tomcat");
  }

  @Test
  void an_xml_path_tomcat_refuses_gets_an_xml_error_list() throws Exception {
    String response = rawGet("/open311/v2/requests/a%2Fb.xml");
    assertThat(response).startsWith("HTTP/1.1 4");
    assertThat(response).containsIgnoringCase("Content-Type: text/xml").contains("<errors>").contains("<error>");
  }

  @Test
  void other_paths_keep_a_plain_error_without_server_details() throws Exception {
    String response = rawGet("/media/a%2Fb.jpg");
    assertThat(response).startsWith("HTTP/1.1 4").doesNotContain("Apache Tomcat/");
  }
}
