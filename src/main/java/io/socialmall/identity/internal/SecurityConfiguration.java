package io.socialmall.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import io.socialmall.identity.CurrentUser;
import io.socialmall.identity.Sessions;

/**
 * Two ways in: the API ({@code /api/**}) is stateless and takes bearer tokens; pages use a session, a
 * sign-in form and CSRF protection. Object-level checks (is this your order?) live in each module's
 * services; this only decides who must be signed in and which role a path needs.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** Paths anyone may read without signing in. */
	static final String[] PUBLIC_PAGES = { "/", "/products/**", "/categories/**", "/search", "/s/**", "/r/**",
			"/suppliers/**", "/login", "/register", "/css/**", "/js/**", "/img/**", "/webjars/**", "/media/**",
			"/favicon.ico", "/error", "/sandbox/**", "/cart/**", "/groups/**", "/flash/**", "/bargains/**",
			"/coupons", "/notes/**", "/users/**", "/posters/**" };

	static final String[] PUBLIC_API_READS = { "/api/v1/products/**", "/api/v1/categories/**", "/api/v1/search/**",
			"/api/v1/suppliers/**", "/api/v1/shops/**", "/api/v1/reviews/**", "/api/v1/groups/**", "/api/v1/flash-sales/**",
			"/api/v1/bargains/**", "/api/v1/coupons/**", "/api/v1/notes/**", "/api/v1/media/**" };

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AccountManagement accounts) throws Exception {
		http.securityMatcher("/api/**")
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new BearerTokenFilter(accounts), BasicAuthenticationFilter.class)
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, ex) -> problem(response, 401, "unauthenticated",
						"sign in: send Authorization: Bearer <token>"))
				.accessDeniedHandler((request, response, ex) -> problem(response, 403, "forbidden", "you may not do this")))
			.authorizeHttpRequests(auth -> auth
				.requestMatchers(HttpMethod.GET, PUBLIC_API_READS).permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/tokens").permitAll()
				.requestMatchers("/api/v1/cart/**").permitAll()
				.requestMatchers("/api/v1/payments/callbacks/**", "/api/v1/share/**").permitAll()
				.requestMatchers("/api/v1/operator/**").hasRole("OPERATOR")
				.requestMatchers("/api/v1/supplier/**").hasRole("SUPPLIER")
				.anyRequest().authenticated());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AccountManagement accounts) throws Exception {
		var csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
		http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).ignoringRequestMatchers("/sandbox/notify/**"))
			.authenticationProvider(passwordSignIn(accounts))
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error").permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
			.authorizeHttpRequests(auth -> auth
				.requestMatchers(PUBLIC_PAGES).permitAll()
				.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
				.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
				.requestMatchers("/operator/**").hasRole("OPERATOR")
				.requestMatchers("/supplier/apply").authenticated()
				.requestMatchers("/supplier/**").hasRole("SUPPLIER")
				.anyRequest().authenticated());
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder(@Value("${socialmall.security.bcrypt-strength:10}") int strength) {
		var bcrypt = new BCryptPasswordEncoder(strength);
		var encoder = new DelegatingPasswordEncoder("bcrypt", java.util.Map.of("bcrypt", bcrypt));
		encoder.setDefaultPasswordEncoderForMatches(bcrypt);
		return encoder;
	}

	private static AuthenticationProvider passwordSignIn(AccountManagement accounts) {
		return new AuthenticationProvider() {
			@Override
			public Authentication authenticate(Authentication authentication) {
				var user = accounts.checkPassword(authentication.getName(), String.valueOf(authentication.getCredentials()))
					.orElseThrow(() -> new BadCredentialsException("wrong e-mail or password"));
				return authenticated(user);
			}

			@Override
			public boolean supports(Class<?> type) {
				return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
			}
		};
	}

	static UsernamePasswordAuthenticationToken authenticated(CurrentUser user) {
		return Sessions.authentication(user);
	}

	private static void problem(HttpServletResponse response, int status, String code, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"https://socialmall.io/problems/" + code + "\",\"title\":\""
					+ (status == 401 ? "Unauthorized" : "Forbidden") + "\",\"status\":" + status + ",\"detail\":\"" + detail
					+ "\",\"code\":\"" + code + "\"}");
	}

	/** Authenticates {@code Authorization: Bearer sm_...}; a wrong token is a 401, never an anonymous pass. */
	static final class BearerTokenFilter extends OncePerRequestFilter {

		private final AccountManagement accounts;

		BearerTokenFilter(AccountManagement accounts) {
			this.accounts = accounts;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				var user = accounts.authenticateToken(header.substring(7).strip());
				if (user.isEmpty()) {
					problem(response, 401, "invalid-token", "the bearer token is unknown or revoked");
					return;
				}
				var context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(authenticated(user.get()));
				SecurityContextHolder.setContext(context);
			}
			chain.doFilter(request, response);
		}
	}
}
