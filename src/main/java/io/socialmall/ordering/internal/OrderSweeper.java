package io.socialmall.ordering.internal;

import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.ordering.OrderStatus;

/**
 * The automatic steps of the state machine: cancel unpaid orders past their payment deadline (releasing their
 * stock), confirm receipt of orders shipped long enough ago, complete orders whose return window passed. Each
 * sweep selects due rows by time from the injected clock and moves each order in its own transaction with the
 * same conditional update a person would use, so running on several nodes at once, or racing a buyer or a
 * late payment, moves every order exactly once.
 */
@Component
public class OrderSweeper {

	private static final Logger log = LoggerFactory.getLogger(OrderSweeper.class);

	private final OrderStore store;
	private final OrderTransitions transitions;
	private final TransactionTemplate tx;
	private final Clock clock;
	private final OrderingProperties properties;

	OrderSweeper(OrderStore store, OrderTransitions transitions, TransactionTemplate tx, Clock clock,
			OrderingProperties properties) {
		this.store = store;
		this.transitions = transitions;
		this.tx = tx;
		this.clock = clock;
		this.properties = properties;
	}

	/** Cancels unpaid orders whose payment deadline passed. @return how many this call cancelled */
	public int cancelUnpaid() {
		return sweep(OrderStatus.CREATED, "", order -> transitions.cancelUnpaid(order, Actor.SYSTEM, "not paid in time", true));
	}

	/** Confirms receipt of orders shipped longer ago than the auto-confirm period. */
	public int confirmDelivered() {
		return sweep(OrderStatus.SHIPPED, "", order -> transitions.receive(order, Actor.SYSTEM, true));
	}

	/** Completes received orders whose return window passed and that have no open after-sales case. */
	public int completeReceived() {
		return sweep(OrderStatus.RECEIVED, "after_sales_open = 0", transitions::complete);
	}

	private int sweep(OrderStatus status, String guard, Predicate<OrderRow> move) {
		List<Long> due = store.due(status, clock.instant(), properties.sweepBatch(), guard);
		int moved = 0;
		for (long id : due) {
			try {
				Boolean done = tx.execute(s -> store.find(id).filter(o -> o.status() == status).map(move::test).orElse(false));
				if (Boolean.TRUE.equals(done)) {
					moved++;
				}
			}
			catch (RuntimeException e) {
				// one broken order must not stop the others; the next sweep tries it again
				log.error("could not move order {} out of {}", id, status, e);
			}
		}
		return moved;
	}
}
