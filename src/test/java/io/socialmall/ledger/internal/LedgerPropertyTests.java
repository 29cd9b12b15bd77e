package io.socialmall.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.core.Money;
import io.socialmall.ledger.AccountKind;
import io.socialmall.ledger.AccountRef;
import io.socialmall.ordering.OrderLineInfo;
import io.socialmall.ordering.OrderPaid;
import io.socialmall.ordering.OrderRefunded;
import io.socialmall.payment.PaymentSucceeded;
import io.socialmall.payment.RefundSucceeded;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Random histories of checkouts driven through the ledger's own listeners, on the real schema: payments,
 * orders paid out of them (supplier payable, platform fee, resellers' margins on two lines and the
 * platform's subsidy), partial refunds giving back every part in proportion, cancellations refunded in
 * full, payments that arrive for a cancelled checkout, refunds confirmed before or after the order's
 * refund is booked, and replays of any event at any time. After every event the books must match a
 * model of the money; at the end every entry is balanced and nothing is left in buyers' funds.
 */
class LedgerPropertyTests {

	private static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");

	private static JdbcClient jdbc;
	private static TransactionTemplate tx;
	private static LedgerPostings listeners;

	@BeforeContainer
	static void database() {
		String url = "jdbc:h2:mem:ledger-properties;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		var dataSource = new SingleConnectionDataSource(url, "sa", "", true);
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		jdbc = JdbcClient.create(dataSource);
		tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		listeners = new LedgerPostings(new JdbcLedger(jdbc, Clock.fixed(AT, ZoneOffset.UTC)));
	}

	@BeforeTry
	void emptyBooks() {
		jdbc.sql("DELETE FROM postings").update();
		jdbc.sql("DELETE FROM journal_entries").update();
		jdbc.sql("DELETE FROM ledger_accounts").update();
	}

	/**
	 * An order: its total, fee rate, the margin of two lines sold through resellers ({@code marginShare} per
	 * mille of what is left after the fee, split between two resellers) and the platform's subsidy.
	 */
	record OrderPlan(long supplierId, long total, int feeBasisPoints, List<Long> partialRefunds, boolean cancelled,
			int marginShare, long subsidy, long firstReseller) {
	}

	record CheckoutPlan(long buyerId, List<OrderPlan> orders, boolean cancelledBeforePayment) {
	}

	@Provide
	Arbitrary<List<CheckoutPlan>> histories() {
		return histories(false);
	}

	@Provide
	Arbitrary<List<CheckoutPlan>> refundedHistories() {
		return histories(true);
	}

	private Arbitrary<List<CheckoutPlan>> histories(boolean allRefunded) {
		Arbitrary<Integer> margins = Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(1, Arbitraries.just(0)), net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 1000)));
		Arbitrary<Long> subsidies = Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(1, Arbitraries.just(0L)), net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(0, 50_000)));
		Arbitrary<OrderPlan> order = Combinators.combine(Arbitraries.longs().between(2001, 2003),
				Arbitraries.longs().between(1, 500_000), Arbitraries.integers().between(0, 2_000),
				Arbitraries.longs().between(1, 500_000).list().ofMaxSize(3), Arbitraries.integers().between(0, 3),
				margins, subsidies, Arbitraries.longs().between(3001, 3003))
			.as((supplier, total, fee, refunds, cancel, margin, subsidy, reseller) -> new OrderPlan(supplier, total, fee,
					refunds, allRefunded || cancel == 0, margin, subsidy, reseller));
		Arbitrary<CheckoutPlan> checkout = Combinators
			.combine(Arbitraries.longs().between(1001, 1004), order.list().ofMinSize(1).ofMaxSize(3),
					Arbitraries.integers().between(0, 5))
			.as((buyer, orders, late) -> new CheckoutPlan(buyer, orders, late == 0));
		return checkout.list().ofMinSize(1).ofMaxSize(6);
	}

	@Property(tries = 200)
	void moneyNeitherAppearsNorVanishes(@ForAll("histories") List<CheckoutPlan> history, @ForAll Random random) {
		Model model = new Model();
		List<Object> delivered = new ArrayList<>();
		for (Object event : interleave(plan(history, random), random)) {
			deliver(event);
			model.apply(event);
			delivered.add(event);
			if (random.nextInt(4) == 0) {
				deliver(delivered.get(random.nextInt(delivered.size())));
			}
			assertBooksMatch(model);
		}
		// replaying the whole history changes nothing
		delivered.forEach(this::deliver);
		assertBooksMatch(model);

		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM (SELECT entry_id FROM postings GROUP BY entry_id HAVING SUM(amount) <> 0) unbalanced""")
			.query(Long.class).single()).as("unbalanced entries").isZero();
		assertThat(jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM postings").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM journal_entries").query(Long.class).single())
			.as("one entry per business fact").isEqualTo(model.entries);
		assertThat(balance(AccountRef.providerClearing())).as("clearing = paid - refunded")
			.isEqualTo(model.paid - model.refunded);
		for (long buyer = 1001; buyer <= 1004; buyer++) {
			assertThat(balance(AccountRef.buyerFunds(buyer))).as("funds of buyer %d once all is allocated or refunded", buyer)
				.isZero();
		}
		long margins = 0;
		for (long reseller = 3001; reseller <= 3004; reseller++) {
			margins += balance(AccountRef.resellerPending(reseller));
		}
		assertThat(-margins).as("pending margins = margins of what was not refunded").isEqualTo(model.marginsKept);
		assertThat(balance(AccountRef.platformPromotions())).as("promotions = subsidies of what was not refunded")
			.isEqualTo(model.subsidiesKept);
	}

	/**
	 * Every order of every checkout refunded in full, in random pieces, with margins and subsidies: every
	 * account is back at zero, the resellers' pending margins and the platform's promotions included.
	 */
	@Property(tries = 100)
	void aFullyRefundedHistoryLeavesEveryAccountAtZero(@ForAll("refundedHistories") List<CheckoutPlan> history,
			@ForAll Random random) {
		Model model = new Model();
		for (Object event : interleave(plan(history, random), random)) {
			deliver(event);
			model.apply(event);
		}
		assertBooksMatch(model);
		assertThat(model.expectedBalances()).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM (SELECT account_kind, owner_id FROM postings GROUP BY account_kind, owner_id"
				+ " HAVING SUM(amount) <> 0) open_accounts").query(Long.class).single()).isZero();
	}

	/** Each checkout's events in their causal order. */
	private List<Deque<Object>> plan(List<CheckoutPlan> history, Random random) {
		AtomicLong ids = new AtomicLong(1);
		List<Deque<Object>> streams = new ArrayList<>();
		for (CheckoutPlan checkout : history) {
			Deque<Object> events = new ArrayDeque<>();
			long intentId = ids.getAndIncrement();
			long paid = checkout.orders().stream().mapToLong(OrderPlan::total).sum();
			events.add(new PaymentSucceeded(intentId, "checkout:" + intentId, checkout.buyerId(), Money.cny(paid), "SANDBOX",
					"sbx_" + intentId, AT));
			if (checkout.cancelledBeforePayment()) {
				// the payment came in after the orders were cancelled: all of it goes back
				events.add(new RefundSucceeded(ids.getAndIncrement(), intentId, "late:" + intentId, checkout.buyerId(),
						Money.cny(paid), AT));
				streams.add(events);
				continue;
			}
			List<Object> afterPayment = new ArrayList<>();
			for (OrderPlan order : checkout.orders()) {
				long orderId = ids.getAndIncrement();
				long fee = order.total() * order.feeBasisPoints() / 10_000;
				// two lines with margins for two resellers, and the subsidy on the first
				long margin = (order.total() - fee) * order.marginShare() / 1000;
				long[] lineMargins = { margin / 3, margin - margin / 3 };
				long[] resellers = { order.firstReseller(), order.firstReseller() + 1 };
				long[] lineSubsidies = { order.subsidy(), 0 };
				events.add(new OrderPaid(orderId, "SM" + orderId, checkout.buyerId(), order.supplierId(), intentId,
						Money.cny(order.total()), Money.cny(0), Money.cny(fee),
						Money.cny(order.total() - fee - margin + order.subsidy()), Money.cny(margin), Money.cny(order.subsidy()),
						Money.cny(order.subsidy()), lines(orderId, resellers, lineMargins, lineSubsidies), AT));
				long refunded = 0;
				long feeReturned = 0;
				List<Long> amounts = new ArrayList<>();
				for (long wanted : order.partialRefunds()) {
					long amount = Math.min(wanted, order.total() - refunded);
					if (amount > 0) {
						amounts.add(amount);
						refunded += amount;
					}
				}
				if (order.cancelled() && refunded < order.total()) {
					amounts.add(order.total() - refunded);
				}
				refunded = 0;
				long[] marginsReturned = new long[2];
				long[] subsidiesReturned = new long[2];
				for (long amount : amounts) {
					refunded += amount;
					// every part goes back in proportion, rounded so that a full refund returns exactly all of it
					long feeShare = fee * refunded / order.total() - feeReturned;
					feeReturned += feeShare;
					long[] marginShares = new long[2];
					long[] subsidyShares = new long[2];
					for (int l = 0; l < 2; l++) {
						marginShares[l] = lineMargins[l] * refunded / order.total() - marginsReturned[l];
						marginsReturned[l] += marginShares[l];
						subsidyShares[l] = lineSubsidies[l] * refunded / order.total() - subsidiesReturned[l];
						subsidiesReturned[l] += subsidyShares[l];
					}
					long marginShare = marginShares[0] + marginShares[1];
					long subsidyShare = subsidyShares[0] + subsidyShares[1];
					long refundId = ids.getAndIncrement();
					var booked = new OrderRefunded(orderId, "SM" + orderId, checkout.buyerId(), order.supplierId(), refundId,
							Money.cny(amount), Money.cny(feeShare), Money.cny(amount - feeShare - marginShare + subsidyShare),
							Money.cny(marginShare), Money.cny(subsidyShare), lines(orderId, resellers, marginShares, subsidyShares), AT);
					var returned = new RefundSucceeded(refundId, intentId, "refund:" + refundId, checkout.buyerId(),
							Money.cny(amount), AT);
					// the provider's confirmation may overtake the order's booking (both run after commit)
					if (random.nextBoolean()) {
						afterPayment.add(booked);
						afterPayment.add(returned);
					}
					else {
						afterPayment.add(returned);
						afterPayment.add(booked);
					}
				}
			}
			events.addAll(afterPayment);
			streams.add(events);
		}
		return streams;
	}

	/** Two order lines naming their resellers, with their margins and subsidies. */
	private static List<OrderLineInfo> lines(long orderId, long[] resellers, long[] margins, long[] subsidies) {
		List<OrderLineInfo> lines = new ArrayList<>();
		for (int l = 0; l < 2; l++) {
			lines.add(new OrderLineInfo(orderId * 10 + l, 1, 1, 1, Money.cny(1), Money.cny(1), Money.cny(1), Money.cny(0),
					Money.cny(1), resellers[l], Money.cny(margins[l]), Money.cny(subsidies[l]), 0, "shop", null));
		}
		return lines;
	}

	private static List<Object> interleave(List<Deque<Object>> streams, Random random) {
		List<Object> events = new ArrayList<>();
		List<Deque<Object>> open = new ArrayList<>(streams);
		while (!open.isEmpty()) {
			Deque<Object> stream = open.get(random.nextInt(open.size()));
			events.add(stream.poll());
			if (stream.isEmpty()) {
				open.remove(stream);
			}
		}
		return events;
	}

	private void deliver(Object event) {
		tx.executeWithoutResult(status -> {
			if (event instanceof PaymentSucceeded e) {
				listeners.on(e);
			}
			else if (event instanceof OrderPaid e) {
				listeners.on(e);
			}
			else if (event instanceof OrderRefunded e) {
				listeners.on(e);
			}
			else if (event instanceof RefundSucceeded e) {
				listeners.on(e);
			}
			else {
				throw new IllegalArgumentException(event.toString());
			}
		});
	}

	private void assertBooksMatch(Model model) {
		Map<String, Long> actual = new HashMap<>();
		jdbc.sql("SELECT account_kind, owner_id, SUM(amount) FROM postings GROUP BY account_kind, owner_id")
			.query(rs -> {
				long sum = rs.getLong(3);
				if (sum != 0) {
					actual.put(new AccountRef(AccountKind.valueOf(rs.getString(1)), rs.getLong(2)).code(), sum);
				}
			});
		assertThat(actual).isEqualTo(model.expectedBalances());
	}

	private long balance(AccountRef account) {
		return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM postings WHERE account_kind = :k AND owner_id = :o")
			.param("k", account.kind().name())
			.param("o", account.ownerId())
			.query(Long.class)
			.single();
	}

	/** What the books should say, computed from the events without the ledger. */
	static final class Model {

		final Map<String, Long> balances = new HashMap<>();
		final Set<Object> seen = new HashSet<>();
		long paid;
		long refunded;
		long entries;
		long marginsKept;
		long subsidiesKept;

		void apply(Object event) {
			if (!seen.add(event)) {
				return;
			}
			if (event instanceof PaymentSucceeded e) {
				paid += e.amount().amount();
				move(AccountRef.providerClearing(), AccountRef.buyerFunds(e.payerId()), e.amount().amount());
			}
			else if (event instanceof OrderPaid e) {
				// Dr buyer funds total + Dr promotions subsidy = Cr supplier + Cr fee + Cr each reseller's margin
				add(AccountRef.buyerFunds(e.buyerId()), e.total().amount());
				add(AccountRef.platformPromotions(), e.platformSubsidy().amount());
				add(AccountRef.supplierPayable(e.supplierId()), -e.supplierAmount().amount());
				add(AccountRef.platformFees(), -e.platformFee().amount());
				for (OrderLineInfo line : e.lines()) {
					add(AccountRef.resellerPending(line.resellerId()), -line.margin().amount());
				}
				marginsKept += e.resellerMargin().amount();
				subsidiesKept += e.platformSubsidy().amount();
			}
			else if (event instanceof OrderRefunded e) {
				add(AccountRef.supplierPayable(e.supplierId()), e.supplierShare().amount());
				add(AccountRef.platformFees(), e.platformFeeShare().amount());
				for (OrderLineInfo line : e.lines()) {
					add(AccountRef.resellerPending(line.resellerId()), line.margin().amount());
				}
				add(AccountRef.platformPromotions(), -e.platformSubsidyShare().amount());
				add(AccountRef.buyerFunds(e.buyerId()), -e.amount().amount());
				marginsKept -= e.resellerMarginShare().amount();
				subsidiesKept -= e.platformSubsidyShare().amount();
			}
			else if (event instanceof RefundSucceeded e) {
				refunded += e.amount().amount();
				move(AccountRef.buyerFunds(e.payerId()), AccountRef.providerClearing(), e.amount().amount());
			}
			else {
				throw new IllegalArgumentException(event.toString());
			}
			entries++;
		}

		private void add(AccountRef account, long amount) {
			balances.merge(account.code(), amount, Long::sum);
		}

		private void move(AccountRef debit, AccountRef credit, long amount) {
			balances.merge(debit.code(), amount, Long::sum);
			balances.merge(credit.code(), -amount, Long::sum);
		}

		Map<String, Long> expectedBalances() {
			Map<String, Long> nonZero = new HashMap<>();
			balances.forEach((account, sum) -> {
				if (sum != 0) {
					nonZero.put(account, sum);
				}
			});
			return nonZero;
		}
	}
}
