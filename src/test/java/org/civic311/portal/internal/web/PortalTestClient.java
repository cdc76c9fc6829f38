package org.civic311.portal.internal.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.HtmlUtils;

/** A browser without JavaScript for MockMvc: it keeps the form cookie and reads hidden fields back. */
final class PortalTestClient {

  private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

  private final MockMvc mvc;
  private final String address;
  Cookie formCookie;
  String csrf;

  PortalTestClient(MockMvc mvc, String address) {
    this.mvc = mvc;
    this.address = address;
  }

  /** Opens a report form like a browser, which gives the form cookie and its token. */
  MvcResult open(String path) throws Exception {
    MvcResult result = mvc.perform(with(get(path))).andReturn();
    Cookie cookie = result.getResponse().getCookie(FormGuard.COOKIE);
    if (cookie != null) formCookie = cookie;
    csrf = hidden(result.getResponse().getContentAsString()).stream()
        .filter(f -> f.getKey().equals("csrf")).map(Map.Entry::getValue).findFirst().orElseThrow();
    return result;
  }

  <B extends AbstractMockHttpServletRequestBuilder<B>> B with(B request) {
    request.with(r -> {
      r.setRemoteAddr(address);
      return r;
    });
    if (formCookie != null) request.cookie(formCookie);
    return request;
  }

  MockHttpServletRequestBuilder post(String path, List<Map.Entry<String, String>> fields) {
    var request = MockMvcRequestBuilders.post(path);
    fields.forEach(field -> request.param(field.getKey(), field.getValue()));
    return with(request);
  }

  /** The hidden fields of a page in order, unescaped, as a browser would post them. */
  static List<Map.Entry<String, String>> hidden(String html) {
    var fields = new ArrayList<Map.Entry<String, String>>();
    Matcher matcher = HIDDEN.matcher(html);
    while (matcher.find()) fields.add(Map.entry(matcher.group(1), HtmlUtils.htmlUnescape(matcher.group(2))));
    return fields;
  }
}
