package io.socialmall.payment.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.socialmall.core.Money;
import io.socialmall.payment.spi.CheckoutRequest;
import io.socialmall.payment.spi.InvalidNotification;
import io.socialmall.payment.spi.NotificationRequest;
import io.socialmall.payment.spi.PaymentProvider;
import io.socialmall.payment.spi.ProviderCheckout;
import io.socialmall.payment.spi.ProviderNotification;
import io.socialmall.payment.spi.ProviderUnavailable;
import io.socialmall.payment.spi.RefundOutcome;
import io.socialmall.payment.spi.RefundRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The merchant's adapter for the sandbox gateway, as a WeChat Pay or Alipay adapter would be for theirs:
 * opens payments, verifies the gateway's signed notifications, asks for refunds. Counts its calls to the
 * gateway ({@code socialmall.payment.provider.calls}).
 */
@Component
@ConditionalOnProperty(name = "socialmall.payment.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class SandboxProvider implements PaymentProvider {

	static final String NAME = "SANDBOX";

	private final SandboxGateway gateway;
	private final SandboxProperties properties;
	private final Clock clock;
	private final JsonMapper json;
	private final MeterRegistry meters;

	SandboxProvider(SandboxGateway gateway, SandboxProperties properties, Clock clock, JsonMapper json,
			MeterRegistry meters) {
		this.gateway = gateway;
		this.properties = properties;
		this.clock = clock;
		this.json = json;
		this.meters = meters;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public ProviderCheckout begin(CheckoutRequest request) {
		count("begin");
		try {
			SandboxSession session = gateway.open(request);
			return new ProviderCheckout("/sandbox/pay/" + session.token(), session.token());
		}
		catch (SandboxGateway.SandboxUnavailable e) {
			throw new ProviderUnavailable(NAME, e.getMessage());
		}
	}

	@Override
	public ProviderNotification verify(NotificationRequest request) {
		String id = request.header(SandboxSignatures.NOTIFICATION_ID);
		String timestampText = request.header(SandboxSignatures.TIMESTAMP);
		String signature = request.header(SandboxSignatures.SIGNATURE);
		if (id == null || timestampText == null || signature == null) {
			throw new InvalidNotification("unsigned-notification", "the notification is not signed");
		}
		long timestamp;
		try {
			timestamp = Long.parseLong(timestampText.trim());
		}
		catch (NumberFormatException e) {
			throw new InvalidNotification("invalid-signature", "the notification's timestamp is not a number");
		}
		if (!SandboxSignatures.verify(properties.secret(), id, timestamp, request.body(), signature)) {
			throw new InvalidNotification("invalid-signature", "the notification's signature is wrong");
		}
		Duration age = Duration.between(Instant.ofEpochSecond(timestamp), clock.instant()).abs();
		if (age.compareTo(properties.tolerance()) > 0) {
			throw new InvalidNotification("stale-notification", "the notification's timestamp is too far from now");
		}
		return read(id, request.body());
	}

	private ProviderNotification read(String id, byte[] body) {
		try {
			JsonNode node = json.readTree(new String(body, StandardCharsets.UTF_8));
			if (!id.equals(text(node, "id"))) {
				throw InvalidNotification.malformed("the body's id is not the signed notification id");
			}
			ProviderNotification.Kind kind = switch (text(node, "type")) {
				case "payment.succeeded" -> ProviderNotification.Kind.PAYMENT_SUCCEEDED;
				case "payment.failed" -> ProviderNotification.Kind.PAYMENT_FAILED;
				default -> throw InvalidNotification.malformed("unknown notification type");
			};
			JsonNode amount = node.get("amount");
			if (amount == null || !amount.isIntegralNumber()) {
				throw InvalidNotification.malformed("amount must be an integer number of minor units");
			}
			JsonNode reason = node.get("reason");
			return new ProviderNotification(id, kind, text(node, "merchantOrderNo"), text(node, "transactionId"),
					Money.of(amount.asLong(), text(node, "currency")), reason == null ? null : reason.asString(),
					Instant.parse(text(node, "occurredAt")));
		}
		catch (JacksonException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
			throw InvalidNotification.malformed("the notification cannot be read");
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isString() || value.asString().isBlank()) {
			throw InvalidNotification.malformed(field + " is missing");
		}
		return value.asString();
	}

	@Override
	public RefundOutcome refund(RefundRequest request) {
		count("refund");
		try {
			return gateway.refund(request);
		}
		catch (SandboxGateway.SandboxUnavailable e) {
			return RefundOutcome.retry(e.getMessage());
		}
	}

	private void count(String operation) {
		meters.counter("socialmall.payment.provider.calls", "provider", NAME, "operation", operation).increment();
	}
}
