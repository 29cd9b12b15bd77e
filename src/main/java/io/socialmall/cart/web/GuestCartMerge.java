package io.socialmall.cart.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.socialmall.cart.Carts;
import io.socialmall.identity.CurrentUser;

/**
 * The first signed-in request that still carries a guest cart (cookie on pages, {@code X-Cart-Token} on the
 * API) merges that cart into the member's cart, before the request is handled, so the member sees one cart.
 */
@Configuration(proxyBeanMethods = false)
class GuestCartMerge implements WebMvcConfigurer, HandlerInterceptor {

	private final Carts carts;

	GuestCartMerge(Carts carts) {
		this.carts = carts;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).excludePathPatterns("/css/**", "/js/**", "/img/**", "/webjars/**", "/media/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
			return true;
		}
		String header = request.getHeader(CartApi.TOKEN_HEADER);
		if (header != null && !header.isBlank()) {
			carts.merge(header.strip(), user.id());
		}
		Cookie cookie = CartCookie.find(request);
		if (cookie != null) {
			carts.merge(cookie.getValue(), user.id());
			CartCookie.clear(request, response);
		}
		return true;
	}
}
