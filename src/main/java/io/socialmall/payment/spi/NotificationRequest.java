package io.socialmall.payment.spi;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A notification as it arrived over HTTP: its headers (names in lower case) and the raw body. */
public record NotificationRequest(Map<String, String> headers, byte[] body) {

	public NotificationRequest {
		headers = headers.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue,
					(a, b) -> a));
		body = body == null ? new byte[0] : body.clone();
	}

	public String header(String name) {
		return headers.get(name.toLowerCase(Locale.ROOT));
	}
}
