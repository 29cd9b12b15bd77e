package io.socialmall.core.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Turns off the rewriting of page links into versioned resource URLs. With it, every link on every page
 * (a product grid has dozens) was tried against the static and webjar resource locations, each miss a
 * classpath lookup, which cost more than the rest of the page. Versionless webjar paths such as
 * {@code /webjars/htmx.org/dist/htmx.min.js} are still resolved when the browser asks for them.
 */
@Configuration(proxyBeanMethods = false)
class ResourceUrls {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}
}
