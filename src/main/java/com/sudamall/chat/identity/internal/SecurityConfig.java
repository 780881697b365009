package com.sudamall.chat.identity.internal;

import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two doors: the platform's backend on {@code /api/integration/**} with the service key, and users everywhere else
 * with the platform's JWTs. WebSocket handshakes authenticate themselves (token or ticket in the URL), and the
 * static web client, docs and probes are public. Tokens travel in headers, never cookies, so there is no CSRF.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /**
     * WebSocket handshakes skip the filter chains: the handshake authenticates its own token, ticket or cookie and
     * checks the origin ({@code SocketHandshake}), and a permit-all chain cost a burst of sockets a tenth of its CPU
     * for headers no upgrade carries. The firewall still screens these requests.
     */
    @Bean
    WebSecurityCustomizer socketHandshakesAuthenticateThemselves() {
        return web -> web.ignoring()
                .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/ws/**"));
    }

    @Bean
    @Order(1)
    SecurityFilterChain integrationChain(HttpSecurity http, IdentityProperties properties, ProblemWriter problems)
            throws Exception {
        return stateless(http.securityMatcher("/api/integration/**"), problems)
                .addFilterBefore(
                        new ServiceKeyFilter(properties.effectiveServiceKey()), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(ServiceKeyFilter.ROLE))
                .build();
    }

    /**
     * The web client's page may be framed by the hosts in {@code chat.web.frame-ancestors} (the marketplace's
     * product pages embed it as a widget) and runs only this service's own scripts; everything else keeps
     * {@code X-Frame-Options: DENY}.
     */
    private static HttpSecurity webClientHeaders(HttpSecurity http, String frameAncestors) throws Exception {
        RequestMatcher page = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/"),
                PathPatternRequestMatcher.withDefaults().matcher("/index.html"));
        String policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data: https:; "
                + "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors " + frameAncestors;
        return http.headers(headers -> headers.frameOptions(frame -> frame.disable())
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(page),
                        new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        page, new StaticHeadersWriter("Content-Security-Policy", policy))));
    }

    @Bean
    @Order(2)
    SecurityFilterChain userChain(
            HttpSecurity http,
            JwtDecoder decoder,
            ProfileSync profileSync,
            ProblemWriter problems,
            @Value("${chat.web.frame-ancestors:'self'}") String frameAncestors)
            throws Exception {
        return stateless(webClientHeaders(http, frameAncestors), problems)
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder))
                        .authenticationEntryPoint(unauthorized(problems))
                        .accessDeniedHandler(forbidden(problems)))
                .addFilterAfter(new ProfileSyncFilter(profileSync), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/auth/**")
                        .permitAll()
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .build();
    }

    /**
     * Headers on every answer, besides Spring Security's defaults ({@code nosniff}, {@code no-store}): no referrer
     * (the web client's address may carry {@code ?token=} for a moment), and no camera, microphone or location.
     */
    private static HttpSecurity stateless(HttpSecurity http, ProblemWriter problems) throws Exception {
        return http.headers(headers -> headers.referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new StaticHeadersWriter(PERMISSIONS_POLICY, PERMISSIONS)))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(e ->
                        e.authenticationEntryPoint(unauthorized(problems)).accessDeniedHandler(forbidden(problems)));
    }

    static final String PERMISSIONS_POLICY = "Permissions-Policy";
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=()";

    private static AuthenticationEntryPoint unauthorized(ProblemWriter problems) {
        return (request, response, e) -> problems.write(
                request, response, ErrorCode.UNAUTHORIZED, "Authentication required: a valid bearer token");
    }

    private static AccessDeniedHandler forbidden(ProblemWriter problems) {
        return (request, response, e) -> problems.write(request, response, ErrorCode.FORBIDDEN, "Not allowed");
    }
}
