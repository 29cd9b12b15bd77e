package io.socialmall.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.core.DomainException;
import io.socialmall.core.Money;
import io.socialmall.test.Fixtures;
import io.socialmall.test.SocialMallTest;

/** Creating and cancelling intents, as the ordering module does inside its own transactions. */
@SocialMallTest
class PaymentIntentTests {

	@Autowired
	Payments payments;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Fixtures fixtures;

	@Test
	void anIntentIsCreatedOncePerReference() {
		var buyer = fixtures.buyer();
		String reference = "checkout:" + UUID.randomUUID();
		var first = tx.execute(s -> payments.create(new NewPayment(reference, buyer.id(), Money.cny(1_999), "two masks")));
		var again = tx.execute(s -> payments.create(new NewPayment(reference, buyer.id(), Money.cny(1_999), "two masks")));
		assertThat(again).isEqualTo(first);
		assertThat(first.status()).isEqualTo(PaymentStatus.CREATED);
		assertThat(payments.findByReference(reference)).contains(first);
		var other = catchThrowableOfType(DomainException.class, () -> tx
			.execute(s -> payments.create(new NewPayment(reference, buyer.id(), Money.cny(2_000), "two masks"))));
		assertThat(other.code()).isEqualTo("payment-reference-reused");
	}

	@Test
	void anIntentCreatedInARolledBackTransactionDoesNotExist() {
		var buyer = fixtures.buyer();
		String reference = "checkout:" + UUID.randomUUID();
		tx.executeWithoutResult(s -> {
			payments.create(new NewPayment(reference, buyer.id(), Money.cny(100), "x"));
			s.setRollbackOnly();
		});
		assertThat(payments.findByReference(reference)).isEmpty();
	}

	@Test
	void badIntentsAreRefusedNamingTheField() {
		var buyer = fixtures.buyer();
		assertThat(field(() -> payments.create(new NewPayment(" ", buyer.id(), Money.cny(1), "x")))).isEqualTo("reference");
		assertThat(field(() -> payments.create(new NewPayment("r:" + UUID.randomUUID(), buyer.id(), Money.cny(0), "x"))))
			.isEqualTo("amount");
		assertThat(field(() -> payments.create(new NewPayment("r:" + UUID.randomUUID(), buyer.id(), Money.cny(5), ""))))
			.isEqualTo("description");
		assertThat(field(() -> payments.create(new NewPayment("r:" + UUID.randomUUID(), buyer.id(), Money.cny(5),
				"x".repeat(201))))).isEqualTo("description");
	}

	@Test
	void cancellingIsIdempotent() {
		var buyer = fixtures.buyer();
		var intent = tx.execute(s -> payments.create(new NewPayment("r:" + UUID.randomUUID(), buyer.id(), Money.cny(5), "x")));
		tx.executeWithoutResult(s -> payments.cancel(intent.id()));
		tx.executeWithoutResult(s -> payments.cancel(intent.id()));
		assertThat(payments.find(intent.id()).orElseThrow().status()).isEqualTo(PaymentStatus.CANCELLED);
		assertThat(catchThrowableOfType(DomainException.class, () -> payments.cancel(-1)).status().value()).isEqualTo(404);
	}

	private String field(Runnable command) {
		var e = catchThrowableOfType(DomainException.class, () -> tx.executeWithoutResult(s -> command.run()));
		return e.fields().get(0).field();
	}
}
