package org.civic311.portal.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.Question;
import org.civic311.catalog.ServiceCategory;
import org.civic311.requests.Channel;
import org.civic311.requests.Location;
import org.civic311.requests.Reporter;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.SubmitServiceRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The portal's pages as a browser gets them: inputs, languages, the manifest, limits and weight. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.servlet.multipart.max-file-size=1MB")
@AutoConfigureMockMvc
class PortalPagesTests {

  @Autowired MockMvc mvc;
  @Autowired Catalog catalog;
  @Autowired ServiceRequests requests;
  @LocalServerPort int port;

  private String page(String path, String... headers) throws Exception {
    var request = get(path);
    for (int i = 0; i + 1 < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
    return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void every_question_of_every_category_gets_the_input_its_datatype_needs_with_clear_required_markers() throws Exception {
    int checked = 0;
    for (ServiceCategory category : catalog.categories()) {
      String html = page("/report/" + category.code());
      long required = 0;
      for (Question q : category.questions()) {
        String code = Pattern.quote(q.code());
        String name = "name=\"attribute\\[" + code + "\\]\"";
        String expected = !q.variable()
            ? "<div class=\"notice\" id=\"q-" + code + "\">"
            : switch (q.datatype()) {
                case STRING -> "<input type=\"text\" id=\"q-" + code + "\"\\s+" + name;
                case NUMBER -> "<input type=\"number\" step=\"any\" inputmode=\"decimal\" class=\"short\" id=\"q-" + code + "\"\\s+" + name;
                case DATETIME -> "<input type=\"datetime-local\" id=\"q-" + code + "\"\\s+" + name;
                case TEXT -> "<textarea id=\"q-" + code + "\"\\s+" + name;
                case SINGLEVALUELIST -> "<input type=\"radio\" id=\"q-" + code + "-0\"\\s+" + name + "\\s+value=\"" + Pattern.quote(q.values().getFirst().key()) + "\"";
                case MULTIVALUELIST -> "<input type=\"checkbox\" id=\"q-" + code + "-0\"\\s+" + name + "\\s+value=\"" + Pattern.quote(q.values().getFirst().key()) + "\"";
              };
        assertThat(html).as(category.code() + " " + q.code() + " " + q.datatype()).containsPattern(expected);
        if (q.variable() && q.required()) required++;
        checked++;
      }
      assertThat(count(html, "<span class=\"required-marker\">(required)</span>")).as(category.code()).isEqualTo(required);
    }
    assertThat(checked).isEqualTo(66);
  }

  @Test
  void a_spanish_browser_gets_spanish_pages_and_spanish_category_names() throws Exception {
    String choose = page("/report", "Accept-Language", "es-MX,es;q=0.9,en;q=0.5");
    assertThat(choose).contains("<html lang=\"es\"").contains("¿Cuál es el problema?").contains("Bache")
        .contains("Calles y aceras").contains("Basura y reciclaje").doesNotContain(">Pothole<");
    String form = page("/report/POTHOLE", "Accept-Language", "es");
    assertThat(form).contains("Reporte: Bache").contains("¿Qué tamaño tiene el bache?").contains("Más pequeño que un plato")
        .contains("(obligatorio)").contains("Elija el tamaño más parecido").contains("Saltar al contenido principal")
        .contains("¿Dónde está?");
    // A language the pages do not speak gets English.
    assertThat(page("/report", "Accept-Language", "fr")).contains("What is the problem?").contains(">Pothole<");
  }

  @Test
  void the_language_switch_is_remembered_in_a_cookie() throws Exception {
    MvcResult switched = mvc.perform(get("/report").param("lang", "es").header("Accept-Language", "en")).andReturn();
    assertThat(switched.getResponse().getContentAsString()).contains("¿Cuál es el problema?");
    Cookie language = switched.getResponse().getCookie(Languages.COOKIE);
    assertThat(language).isNotNull();
    assertThat(language.getValue()).isEqualTo("es");

    String later = mvc.perform(get("/").cookie(language).header("Accept-Language", "en")).andReturn().getResponse()
        .getContentAsString();
    assertThat(later).contains("Reportar un problema").contains("Consultar una solicitud por número")
        .contains("href=\"/?lang=en\"").contains(">English<");

    MvcResult back = mvc.perform(get("/report/POTHOLE").param("lang", "en").cookie(language)).andReturn();
    assertThat(back.getResponse().getContentAsString()).contains("Report: Pothole");
    assertThat(back.getResponse().getCookie(Languages.COOKIE).getValue()).isEqualTo("en");
    // Unknown languages change nothing.
    assertThat(page("/?lang=xx", "Accept-Language", "es")).contains("Reportar un problema");
  }

  @Test
  void every_page_has_a_skip_link_a_main_landmark_the_city_name_and_the_language_switch() throws Exception {
    for (String path : List.of("/", "/report", "/report/POTHOLE", "/report?q=graffiti")) {
      String html = page(path);
      assertThat(html).as(path).contains("<a class=\"skip-link\" href=\"#main\">").contains("<main id=\"main\"")
          .contains("City of Springfield").contains("lang=\"es\"").contains("Español").contains("<footer");
    }
  }

  @Test
  void the_category_search_finds_by_name_or_keyword_in_either_language_ignoring_accents() throws Exception {
    String graffiti = page("/report?q=graffiti");
    assertThat(graffiti).contains("/report/GRAFFITI").doesNotContain("/report/POTHOLE");
    assertThat(page("/report?q=asphalt")).contains("/report/POTHOLE").doesNotContain("/report/GRAFFITI");
    assertThat(page("/report?q=CAMION+arbol", "Accept-Language", "es")).contains("Ninguna categoría coincide");
    assertThat(page("/report?q=arbol", "Accept-Language", "es")).contains("/report/TREE_TRIMMING");
    // Most common first: the city file's order.
    String all = page("/report");
    assertThat(all.indexOf("/report/" + catalog.categories().getFirst().code()))
        .isLessThan(all.indexOf("/report/" + catalog.categories().getLast().code()));
  }

  @Test
  void the_track_form_leads_to_the_status_page_of_a_number() throws Exception {
    assertThat(mvc.perform(get("/track").param("number", " 2026–000123 ")).andReturn().getResponse().getRedirectedUrl())
        .isEqualTo("/requests/2026-000123");
    MvcResult wrong = mvc.perform(get("/track").param("number", "pothole on main")).andReturn();
    assertThat(wrong.getResponse().getStatus()).isEqualTo(200);
    assertThat(wrong.getResponse().getContentAsString()).contains("Enter the request number as it was given to you")
        .contains("value=\"pothole on main\"");
  }

  @Test
  void the_confirmation_shows_the_expected_date_in_the_citys_time_zone_and_the_residents_language() throws Exception {
    var submission = requests.submit(new SubmitServiceRequest("POTHOLE", Map.of("SIZE", List.of("small"), "POSITION",
        List.of("curb")), new Location(34.05, -118.25, null, null, null), null, List.of(), Channel.WEB,
        new Reporter("Ana", null, "ana@example.org", null, null, null, false, "es"), null, null));
    String html = page("/report/done/" + submission.number().value(), "Accept-Language", "es");
    assertThat(html).contains(submission.number().value()).contains("Gracias: recibimos su reporte").contains("Bache")
        .contains("Fecha prevista para terminarlo:").containsPattern(" de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de 20\\d\\d")
        .contains("Los equipos suelen reparar los baches en tres días hábiles.")
        .doesNotContain("Ana").doesNotContain("ana@example.org");
    assertThat(mvc.perform(get("/report/done/2026-999999")).andReturn().getResponse().getStatus()).isEqualTo(404);
    assertThat(mvc.perform(get("/report/done/nope")).andReturn().getResponse().getStatus()).isEqualTo(404);
    assertThat(mvc.perform(get("/report/NO_SUCH_CATEGORY")).andReturn().getResponse().getStatus()).isEqualTo(404);
  }

  @Test
  void the_web_app_manifest_names_the_city_and_its_icons_exist() throws Exception {
    MvcResult manifest = mvc.perform(get("/manifest.webmanifest")).andReturn();
    assertThat(manifest.getResponse().getContentType()).startsWith("application/manifest+json");
    assertThat(manifest.getResponse().getContentAsString()).contains("\"name\":\"City of Springfield 311\"")
        .contains("\"theme_color\":\"#0b4f8a\"").contains("\"display\":\"standalone\"").contains("icon-512.png")
        .contains("\"purpose\":\"maskable\"");
    for (String icon : List.of("icon-192.png", "icon-512.png", "icon-maskable-512.png", "icon.svg")) {
      assertThat(mvc.perform(get("/portal/icons/" + icon)).andReturn().getResponse().getStatus()).as(icon).isEqualTo(200);
    }
  }

  /** Everything the report form loads before map tiles (the map script only loads with its step). */
  @Test
  void the_report_form_weighs_far_less_than_300_kb_before_the_map() throws Exception {
    String html = page("/report/POTHOLE");
    long total = html.getBytes(StandardCharsets.UTF_8).length;
    Matcher assets = Pattern.compile("(?:src|href)=\"(/[^\"]+\\.(?:js|css))\"").matcher(html);
    int count = 0;
    while (assets.find()) {
      total += mvc.perform(get(assets.group(1))).andReturn().getResponse().getContentAsByteArray().length;
      count++;
    }
    assertThat(count).isGreaterThanOrEqualTo(3);
    assertThat(html).doesNotContain("src=\"/webjars/leaflet").contains("data-leaflet-js=\"/webjars/leaflet/1.9.4/dist/leaflet.js\"");
    assertThat(mvc.perform(get("/webjars/leaflet/1.9.4/dist/leaflet.js")).andReturn().getResponse().getStatus()).isEqualTo(200);
    assertThat(total).isLessThan(300_000);
  }

  @Test
  void an_upload_over_the_servers_limit_gets_a_friendly_page_not_an_error() throws Exception {
    String boundary = "civic311boundary";
    var body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nBig photo\r\n").getBytes());
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"huge.jpg\"\r\n"
        + "Content-Type: image/jpeg\r\n\r\n").getBytes());
    body.write(new byte[2 * 1024 * 1024]);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes());
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/report/POTHOLE"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept-Language", "es")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("Sus fotos son demasiado grandes para enviarlas").contains("botón Atrás")
        .contains("href=\"/report/POTHOLE\"");
  }

  @Test
  void the_address_field_gets_the_citys_addresses_and_the_address_at_a_point() throws Exception {
    String found = page("/report/addresses?q=200+n+spring");
    assertThat(found).contains("\"label\":\"200 N Spring St\"").contains("\"lat\":34.053691");
    assertThat(page("/report/addresses?q=")).isEqualTo("[]");
    assertThat(page("/report/addresses/nearest?lat=34.053691&long=-118.242766")).contains("\"label\":\"200 N Spring St\"");
    assertThat(mvc.perform(get("/report/addresses/nearest?lat=0&long=0")).andReturn().getResponse().getStatus()).isEqualTo(204);
    assertThat(page("/report/POTHOLE")).contains("list=\"address-suggestions\"").contains("<datalist id=\"address-suggestions\">");
  }

  private static long count(String text, String part) {
    long n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
    return n;
  }
}
