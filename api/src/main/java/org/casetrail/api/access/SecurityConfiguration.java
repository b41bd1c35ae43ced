package org.casetrail.api.access;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.DispatcherType;
import org.casetrail.api.audit.AccessLog;
import org.casetrail.api.audit.WriteRecorder;
import org.casetrail.api.config.Limits;
import org.casetrail.api.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.preauth.x509.X509AuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The one security filter chain: {@link AccessRules} decides who may call what, and everything not listed is
 * refused. Sign-in is HTTP Basic with the configured users and, when
 * {@code spring.security.oauth2.resourceserver.jwt.*} is set, JWT bearer tokens. No session is kept (so no cookie
 * can carry a sign-in across sites); guards run before sign-in in this order: the public rate limit, cross-origin
 * writes, CORS, the request body limit.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);
    /** The dashboard runs only its own scripts; charts draw SVG with inline styles. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain casetrailSecurity(HttpSecurity http, SecurityProperties settings, Limits limits,
                                          ProblemResponses problems, AccessLog log,
                                          ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        boolean bearerTokens = jwtDecoder.getIfAvailable() != null;
        RateLimits rateLimits = new RateLimits(settings.rateLimit(), problems);
        Refusals refusals = new Refusals(problems, log, rateLimits, bearerTokens);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // CORS is answered by a filter of ours placed after the cross-origin write guard (below), so that a
                // refusal of either is a problem document.
                .cors(cors -> cors.disable())
                .httpBasic(basic -> basic.realmName("Casetrail").authenticationEntryPoint(refusals))
                .exceptionHandling(refused -> refused.authenticationEntryPoint(refusals)
                        .accessDeniedHandler(refusals))
                .headers(headers -> headers
                        .contentTypeOptions(Customizer.withDefaults())
                        .cacheControl(Customizer.withDefaults())
                        .frameOptions(frame -> frame.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(SecurityConfiguration::authorize)
                // Anchored to filters a step apart in Spring Security's order (present or not), so that these run in
                // this order and all before any sign-in filter.
                .addFilterBefore(rateLimits, CsrfFilter.class)
                .addFilterBefore(new CrossOriginWriteGuard(settings.cors().allowedOrigins(), problems, log),
                        LogoutFilter.class)
                .addFilterBefore(cors(settings.cors(), problems), X509AuthenticationFilter.class)
                .addFilterBefore(new BodySizeLimit(limits, problems), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new WriteRecorder(log), AuthorizationFilter.class);
        if (bearerTokens) {
            http.oauth2ResourceServer(resourceServer -> resourceServer.authenticationEntryPoint(refusals)
                    .accessDeniedHandler(refusals)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtRoles(settings.jwt()))));
        }
        return http.build();
    }

    private static void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        // An error page is rendered for a request that was already let through or refused.
        requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
        for (AccessRules.Rule rule : AccessRules.RULES) {
            var matcher = requests.requestMatchers(PathPatternRequestMatcher.withDefaults()
                    .matcher(rule.method(), rule.pattern()));
            if (rule.isPublic()) {
                matcher.permitAll();
            } else {
                matcher.hasAnyAuthority(rule.roles().stream().map(Role::authority).toArray(String[]::new));
            }
        }
        requests.anyRequest().denyAll();
    }

    private static CorsFilter cors(SecurityProperties.Cors settings, ProblemResponses problems) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!settings.allowedOrigins().isEmpty()) {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(settings.allowedOrigins());
            configuration.setAllowedMethods(List.of("GET", "POST"));
            configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept",
                    AccessLog.REASON_HEADER));
            configuration.setExposedHeaders(List.of("Location", "Retry-After", "Casetrail-Data-Notice"));
            source.registerCorsConfiguration("/**", configuration);
        }
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new DefaultCorsProcessor() {
            @Override
            protected void rejectRequest(ServerHttpResponse response) throws IOException {
                response.setStatusCode(HttpStatus.FORBIDDEN);
                response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
                response.getBody().write(problems.json(HttpStatus.FORBIDDEN, "cors-refused", "Origin not allowed",
                        "this origin may not call the API from a browser (casetrail.security.cors.allowed-origins)"));
                response.flush();
            }
        });
        return filter;
    }

    /**
     * Spring Security's firewall, relaxed for what a case reference may hold: an encoded slash or percent sign, and a
     * semicolon (each decoded only within its own path segment, after authorization has matched the path).
     */
    @Bean
    HttpFirewall casetrailFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowUrlEncodedDoubleSlash(true);
        firewall.setAllowUrlEncodedPercent(true);
        firewall.setAllowSemicolon(true);
        return firewall;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @ConditionalOnProperty(name = "casetrail.demo.users", havingValue = "true")
    DemoUsers demoUsers(PasswordEncoder encoder) {
        return new DemoUsers(encoder, new SecureRandom());
    }

    @Bean
    UserDetailsService casetrailUsers(SecurityProperties settings, ObjectProvider<DemoUsers> demo) {
        List<UserDetails> users = new ArrayList<>(ConfiguredUsers.read(settings.users()));
        demo.ifAvailable(demoUsers -> demoUsers.users().stream()
                .filter(user -> !settings.users().containsKey(user.getUsername())).forEach(users::add));
        if (users.isEmpty()) {
            LOG.warn("No users are configured (casetrail.security.users.*): only the public's endpoints answer "
                    + "without a JWT. See docs/security.md.");
        }
        return new InMemoryUserDetailsManager(users);
    }
}
