package io.socialmall.core.web;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves stored pictures at {@code /media/**} straight from {@code ${socialmall.data-dir}/media}. A key is
 * never reused for other bytes, so browsers and proxies may keep a file for a year.
 */
@Configuration(proxyBeanMethods = false)
class MediaResources implements WebMvcConfigurer {

	private final Path media;

	MediaResources(@Value("${socialmall.data-dir:./data}") String dataDir) {
		this.media = Path.of(dataDir).toAbsolutePath().normalize().resolve("media");
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		String location = media.toUri().toString();
		registry.addResourceHandler("/media/**")
			.addResourceLocations(location.endsWith("/") ? location : location + "/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
	}
}
