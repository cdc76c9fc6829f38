package org.civic311.open311.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.civic311.catalog.Catalog;
import org.civic311.identity.ApiClient;
import org.civic311.identity.ApiKeys;
import org.civic311.media.Photos;
import org.civic311.requests.ServiceRequests;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The Open311 web layer against test doubles of the other modules. Every slice test extends this
 * class, so they share one Spring context.
 */
@WebMvcTest(
    controllers = {
      ServicesController.class,
      RequestsController.class,
      UpdatesController.class,
      DiscoveryController.class,
      FallbackController.class
    },
    properties = "civic311.public-url=https://311.springfield.example.gov/",
    // The console's controller advice (navigation, 403/404 pages) needs console and identity beans a
    // slice of the Open311 layer has no business loading.
    excludeFilters = @org.springframework.context.annotation.ComponentScan.Filter(
        type = org.springframework.context.annotation.FilterType.REGEX, pattern = "org\\.civic311\\.console\\..*"))
@Import({
  Open311Access.class,
  Open311Representations.class,
  Open311ErrorResolver.class,
  Open311SliceTest.FixedClock.class
})
abstract class Open311SliceTest {

  static final String KEY = "secret-key-1";
  static final ApiClient CLIENT = new ApiClient("key-1", "FixMyStreet");

  @Autowired MockMvc mvc;
  @MockitoBean Catalog catalog;
  @MockitoBean ServiceRequests requests;
  @MockitoBean ApiKeys apiKeys;
  @MockitoBean Photos photos;
  // A web slice always loads every @ControllerAdvice; the console's (ConsolePages) needs these.
  @MockitoBean org.civic311.console.internal.ConsoleAccess consoleAccess;
  @MockitoBean org.civic311.identity.CurrentStaff currentStaff;

  @TestConfiguration
  static class FixedClock {
    @Bean
    Clock clock() {
      return Open311Fixtures.CLOCK;
    }
  }

  @BeforeEach
  void springfield() {
    given(catalog.jurisdiction()).willReturn(Open311Fixtures.SPRINGFIELD);
    given(catalog.categories()).willReturn(Open311Fixtures.CATEGORIES);
    given(catalog.serves(anyString())).willCallRealMethod();
    given(catalog.category(anyString()))
        .willAnswer(
            call ->
                Open311Fixtures.CATEGORIES.stream()
                    .filter(c -> c.code().equals(call.getArgument(0)))
                    .findFirst());
    given(catalog.department("PW")).willReturn(Optional.of(Open311Fixtures.PUBLIC_WORKS));
    given(apiKeys.authenticate(anyString())).willReturn(Optional.empty());
    given(apiKeys.authenticate(KEY)).willReturn(Optional.of(CLIENT));
    given(requests.find(any())).willReturn(Optional.empty());
    given(requests.numberForToken(anyString())).willReturn(Optional.empty());
    Mockito.clearInvocations(requests);
  }

  Response perform(RequestBuilder request) throws Exception {
    MvcResult result = mvc.perform(request).andReturn();
    var response = result.getResponse();
    return new Response(
        response.getStatus(),
        response.getHeader("Content-Type"),
        new String(response.getContentAsByteArray(), StandardCharsets.UTF_8),
        response.getHeader("Allow"));
  }

  /** What a client sees of a response. */
  record Response(int status, String contentType, String body, String allow) {}
}
