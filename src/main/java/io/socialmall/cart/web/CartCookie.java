package io.socialmall.cart.web;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/** The guest cart's token in the browser: HttpOnly, same-site, kept for 30 days. */
final class CartCookie {

	static final String NAME = "sm_cart";

	private CartCookie() {
	}

	static Cookie find(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return null;
		}
		for (Cookie cookie : request.getCookies()) {
			if (NAME.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isBlank()) {
				return cookie;
			}
		}
		return null;
	}

	static String token(HttpServletRequest request) {
		Cookie cookie = find(request);
		return cookie == null ? null : cookie.getValue();
	}

	static void set(HttpServletRequest request, HttpServletResponse response, String token) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, token, Duration.ofDays(30)).toString());
	}

	static void clear(HttpServletRequest request, HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO).toString());
	}

	private static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
		return ResponseCookie.from(NAME, value)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.path("/")
			.maxAge(maxAge)
			.build();
	}
}
