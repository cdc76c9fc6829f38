package org.civic311.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a real OpenID Connect provider: a Spring Authorization Server started by the
 * test on its own port, with its own sign-in form, issuing signed ID tokens with a {@code roles} claim.
 * The browser walks the whole authorization code flow over HTTP.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "spring.application.name=civic311-single-sign-on-tests",
      "spring.security.oauth2.client.registration.city.client-id=civic311",
      "spring.security.oauth2.client.registration.city.client-secret=city-client-secret",
      "spring.security.oauth2.client.registration.city.client-name=Springfield city account",
      "spring.security.oauth2.client.registration.city.scope=openid",
      "civic311.security.oidc.role-prefix=civic311-"
    })
class SingleSignOnTests {

  static final int APP_PORT = freePort();
  static final String PROVIDER_PASSWORD = "provider-password";
  static final ConfigurableApplicationContext PROVIDER = startProvider();

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> APP_PORT);
    registry.add("spring.security.oauth2.client.provider.city.issuer-uri", () -> "http://127.0.0.1:" + providerPort());
  }

  @AfterAll
  static void stopProvider() {
    PROVIDER.close();
  }

  @Autowired StaffAccounts accounts;

  @Test
  void a_person_the_city_provider_vouches_for_signs_in_with_the_roles_of_the_claim() throws Exception {
    StaffBrowser browser = new StaffBrowser(APP_PORT);
    assertThat(browser.get("/staff/login").body()).contains("Sign in with Springfield city account").contains("/oauth2/authorization/city");

    HttpResponse<String> staffPage = signInAtTheProvider(browser, "olive@springfield.example.gov");

    assertThat(staffPage.statusCode()).isEqualTo(200);
    assertThat(staffPage.body()).contains("Signed in as Olive Oidc (olive@springfield.example.gov)").contains("data-role=\"DISPATCHER\"")
        .contains("data-role=\"CALL_TAKER\"");
    StaffMember member = accounts.findByEmail("olive@springfield.example.gov").orElseThrow();
    assertThat(member.roles()).containsExactlyInAnyOrder(StaffRole.DISPATCHER, StaffRole.CALL_TAKER);
    assertThat(browser.get("/staff/admin/users").statusCode()).as("roles from the claim drive the URL rules").isEqualTo(403);
  }

  @Test
  void a_person_without_a_civic311_role_in_the_claim_is_refused() throws Exception {
    StaffBrowser browser = new StaffBrowser(APP_PORT);

    HttpResponse<String> page = signInAtTheProvider(browser, "visitor@springfield.example.gov");

    assertThat(page.body()).contains("did not sign you in");
    assertThat(accounts.findByEmail("visitor@springfield.example.gov")).isEmpty();
    assertThat(browser.get("/staff").statusCode()).isEqualTo(302);
  }

  @Test
  void a_disabled_account_is_refused_even_when_the_provider_vouches_for_it() throws Exception {
    StaffBrowser first = new StaffBrowser(APP_PORT);
    signInAtTheProvider(first, "disabled@springfield.example.gov");
    accounts.disable(accounts.findByEmail("disabled@springfield.example.gov").orElseThrow().id());

    StaffBrowser again = new StaffBrowser(APP_PORT);
    assertThat(signInAtTheProvider(again, "disabled@springfield.example.gov").body()).contains("did not sign you in");
  }

  @Test
  void an_email_the_provider_has_not_verified_is_refused() throws Exception {
    StaffBrowser browser = new StaffBrowser(APP_PORT);

    assertThat(signInAtTheProvider(browser, "unverified@springfield.example.gov").body()).contains("did not sign you in");
    assertThat(accounts.findByEmail("unverified@springfield.example.gov")).isEmpty();
  }

  /** Walks the authorization code flow and returns the page the app finally shows. */
  private HttpResponse<String> signInAtTheProvider(StaffBrowser browser, String user) throws Exception {
    HttpResponse<String> toProvider = browser.get("/oauth2/authorization/city");
    assertThat(toProvider.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains(":" + providerPort() + "/oauth2/authorize"));
    HttpResponse<String> loginRedirect = browser.follow(toProvider);
    HttpResponse<String> loginPage = browser.follow(loginRedirect);
    assertThat(loginPage.statusCode()).isEqualTo(200);
    HttpResponse<String> signedInAtProvider =
        browser.post("http://127.0.0.1:" + providerPort() + "/login", Map.of("username", user, "password", PROVIDER_PASSWORD));
    HttpResponse<String> response = signedInAtProvider;
    for (int hop = 0; hop < 6 && response.statusCode() == 302; hop++) response = browser.follow(response);
    return response;
  }

  static int providerPort() {
    return ((WebServerApplicationContext) PROVIDER).getWebServer().getPort();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ConfigurableApplicationContext startProvider() {
    SpringApplication provider = new SpringApplication(CityIdentityProvider.class);
    return provider.run(
        "--server.port=0", "--spring.application.name=city-identity-provider", "--spring.main.banner-mode=off", "--logging.level.root=WARN");
  }

  /**
   * The city's identity provider: Spring Authorization Server with an in-memory user list. Deliberately
   * not a {@code @Configuration}, so {@code @SpringBootTest} does not take it for the test's own
   * configuration; its own {@link SpringApplication} reads its beans all the same.
   */
  @ImportAutoConfiguration({
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class
  })
  @EnableWebSecurity
  static class CityIdentityProvider {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
      http.oauth2AuthorizationServer(
              server -> {
                http.securityMatcher(server.getEndpointsMatcher());
                server.oidc(Customizer.withDefaults());
              })
          .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
          .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
      return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
      http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
      return http.build();
    }

    @Bean
    UserDetailsService people() {
      return new InMemoryUserDetailsManager(
          User.withUsername("olive@springfield.example.gov").password("{noop}" + PROVIDER_PASSWORD).roles("USER").build(),
          User.withUsername("visitor@springfield.example.gov").password("{noop}" + PROVIDER_PASSWORD).roles("USER").build(),
          User.withUsername("disabled@springfield.example.gov").password("{noop}" + PROVIDER_PASSWORD).roles("USER").build(),
          User.withUsername("unverified@springfield.example.gov").password("{noop}" + PROVIDER_PASSWORD).roles("USER").build());
    }

    /** What the provider says about each person: the email, a name, and the groups it maps to roles. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> claims() {
      Map<String, List<String>> roles =
          Map.of(
              "olive@springfield.example.gov", List.of("civic311-dispatcher", "civic311-call-taker", "payroll-viewer"),
              "visitor@springfield.example.gov", List.of("payroll-viewer", "dispatcher"),
              "disabled@springfield.example.gov", List.of("civic311-crew"),
              "unverified@springfield.example.gov", List.of("civic311-admin"));
      return context -> {
        if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) return;
        String user = context.getPrincipal().getName();
        context.getClaims().claim("email", user).claim("name", user.startsWith("olive") ? "Olive Oidc" : user).claim("roles", roles.get(user));
        if (user.startsWith("unverified")) context.getClaims().claim("email_verified", false);
      };
    }

    @Bean
    RegisteredClientRepository clients() {
      return new InMemoryRegisteredClientRepository(
          RegisteredClient.withId(UUID.randomUUID().toString())
              .clientId("civic311")
              .clientSecret("{noop}city-client-secret")
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
              .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
              .redirectUri("http://127.0.0.1:" + APP_PORT + "/login/oauth2/code/city")
              .scope(OidcScopes.OPENID)
              .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
              .build());
    }

    @Bean
    JWKSource<SecurityContext> keys() throws Exception {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      RSAKey key =
          new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate()).keyID(UUID.randomUUID().toString()).build();
      return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
      return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
      return AuthorizationServerSettings.builder().build();
    }
  }
}
