package io.socialmall.test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.socialmall.core.Ids;
import io.socialmall.core.Money;
import io.socialmall.payment.NewPayment;
import io.socialmall.payment.PaymentIntent;
import io.socialmall.payment.PaymentRedirect;
import io.socialmall.payment.PaymentStatus;
import io.socialmall.payment.Payments;
import io.socialmall.payment.RefundStatus;
import io.socialmall.payment.RefundView;

/**
 * Stands in for the payment module in tests while its implementation has not landed on this branch: it
 * records intents and refunds in memory and never reports a payment. It steps aside by itself (an
 * auto-configuration conditional on a missing {@link Payments} bean) once the real module is on the
 * classpath, and is deleted then.
 */
@AutoConfiguration
public class PaymentsStandIn {

	@Bean
	@ConditionalOnMissingBean(Payments.class)
	Recorded paymentsStandIn(Clock clock) {
		return new Recorded(clock);
	}

	/** The recorded intents and refunds. */
	public static class Recorded implements Payments {

		private final Clock clock;
		private final Map<Long, PaymentIntent> intents = new ConcurrentHashMap<>();
		private final Map<String, RefundView> refunds = new ConcurrentHashMap<>();

		Recorded(Clock clock) {
			this.clock = clock;
		}

		@Override
		public synchronized PaymentIntent create(NewPayment payment) {
			return findByReference(payment.reference()).orElseGet(() -> {
				var intent = new PaymentIntent(Ids.next(), payment.reference(), payment.payerId(), payment.amount(),
						PaymentStatus.CREATED, null, null, payment.description(), clock.instant(), null);
				intents.put(intent.id(), intent);
				return intent;
			});
		}

		@Override
		public Optional<PaymentIntent> find(long paymentIntentId) {
			return Optional.ofNullable(intents.get(paymentIntentId));
		}

		@Override
		public Optional<PaymentIntent> findByReference(String reference) {
			return intents.values().stream().filter(i -> i.reference().equals(reference)).findFirst();
		}

		@Override
		public PaymentRedirect start(long paymentIntentId, long payerId, String provider) {
			return new PaymentRedirect(paymentIntentId, provider, "/sandbox/pay/" + paymentIntentId);
		}

		@Override
		public synchronized RefundView requestRefund(long paymentIntentId, String reference, Money amount, String reason) {
			return refunds.computeIfAbsent(reference, r -> new RefundView(Ids.next(), paymentIntentId, reference, amount,
					RefundStatus.REQUESTED, reason, clock.instant(), null));
		}

		@Override
		public List<RefundView> refunds(long paymentIntentId) {
			return new ArrayList<>(refunds.values().stream().filter(r -> r.paymentIntentId() == paymentIntentId).toList());
		}

		@Override
		public void cancel(long paymentIntentId) {
			intents.computeIfPresent(paymentIntentId, (id, i) -> new PaymentIntent(i.id(), i.reference(), i.payerId(),
					i.amount(), PaymentStatus.CANCELLED, i.provider(), i.providerTransactionId(), i.description(),
					i.createdAt(), i.succeededAt()));
		}
	}
}
