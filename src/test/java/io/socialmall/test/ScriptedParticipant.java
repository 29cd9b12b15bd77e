package io.socialmall.test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.springframework.boot.test.context.TestComponent;

import io.socialmall.ordering.CheckoutDraft;
import io.socialmall.ordering.CheckoutParticipant;
import io.socialmall.ordering.PlacedCheckout;

/**
 * A checkout participant tests script per buyer (each test makes its own buyers, so scripts never meet):
 * it does nothing for any other buyer. Records what {@link #placed} was told.
 */
@TestComponent
public class ScriptedParticipant implements CheckoutParticipant {

	private final Map<Long, Consumer<CheckoutDraft>> scripts = new ConcurrentHashMap<>();
	private final Map<Long, List<PlacedCheckout>> placed = new ConcurrentHashMap<>();

	/** From now on, prices every checkout and preview of {@code buyerId} with {@code script}. */
	public void forBuyer(long buyerId, Consumer<CheckoutDraft> script) {
		scripts.put(buyerId, script);
	}

	public void forget(long buyerId) {
		scripts.remove(buyerId);
	}

	/** What {@link #placed} was told about the buyer's checkouts (only those that committed or not: every call). */
	public List<PlacedCheckout> placedFor(long buyerId) {
		return placed.getOrDefault(buyerId, List.of());
	}

	@Override
	public void price(CheckoutDraft draft) {
		Consumer<CheckoutDraft> script = scripts.get(draft.buyerId());
		if (script != null) {
			script.accept(draft);
		}
	}

	@Override
	public void placed(CheckoutDraft draft, PlacedCheckout placed) {
		if (scripts.containsKey(draft.buyerId())) {
			this.placed.computeIfAbsent(draft.buyerId(), id -> new CopyOnWriteArrayList<>()).add(placed);
		}
	}
}
