package io.socialmall.payment.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.socialmall.core.DomainException;
import io.socialmall.payment.spi.PaymentProvider;

/** The payment providers this installation has, by name, and the URL each one notifies us at. */
@Component
class PaymentProviders {

	private final Map<String, PaymentProvider> byName;
	private final PaymentProperties properties;
	private final Environment environment;

	PaymentProviders(List<PaymentProvider> providers, PaymentProperties properties, Environment environment) {
		this.byName = providers.stream()
			.collect(Collectors.toUnmodifiableMap(p -> p.name().toUpperCase(Locale.ROOT), Function.identity()));
		this.properties = properties;
		this.environment = environment;
	}

	Optional<PaymentProvider> find(String name) {
		return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name.toUpperCase(Locale.ROOT)));
	}

	PaymentProvider require(String name) {
		return find(name).orElseThrow(() -> DomainException.invalid("provider", "unknown payment provider"));
	}

	/** Where {@code provider} posts its notifications: this application's callback endpoint. */
	String notifyUrl(PaymentProvider provider) {
		return baseUrl() + "/api/v1/payments/callbacks/" + provider.name().toLowerCase(Locale.ROOT);
	}

	private String baseUrl() {
		String configured = properties.callbackBaseUrl();
		if (configured != null && !configured.isBlank()) {
			return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
		}
		// read when needed: with server.port=0 the real port is only known once the server has started
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		return "http://localhost:" + port;
	}
}
