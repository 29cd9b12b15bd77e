package io.socialmall.ordering;

import java.util.List;

/**
 * A checkout that has been written (in the still open transaction): its id, its payment intent and where
 * each line of the {@link CheckoutDraft} went.
 */
public record PlacedCheckout(long checkoutId, long paymentIntentId, List<Line> lines) {

	public PlacedCheckout {
		lines = List.copyOf(lines);
	}

	/** Where the draft's line {@code index} went. */
	public Line line(int index) {
		return lines.stream().filter(l -> l.index() == index).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no line " + index));
	}

	/**
	 * One line of the draft as it was written.
	 * @param index the line's index in the draft
	 */
	public record Line(int index, long orderId, String orderNo, long lineId) {
	}
}
