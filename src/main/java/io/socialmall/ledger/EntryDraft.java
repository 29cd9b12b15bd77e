package io.socialmall.ledger;

import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * A journal entry to post. Balanced by construction: an entry whose postings do not add up to zero cannot
 * be made. Postings of zero are allowed (a fee of nothing) and left out when posted.
 * @param sourceKey the business fact it records, e.g. {@code payment-succeeded:123}; posting the same key
 * again posts nothing
 * @param kind what sort of movement, e.g. {@code PAYMENT}
 */
public record EntryDraft(String sourceKey, String kind, String description, String currency, Instant occurredAt,
		List<PostingDraft> postings) {

	public EntryDraft {
		if (sourceKey == null || sourceKey.isBlank() || sourceKey.length() > 150) {
			throw new IllegalArgumentException("sourceKey must be 1 to 150 characters");
		}
		if (kind == null || kind.isBlank() || kind.length() > 30) {
			throw new IllegalArgumentException("kind must be 1 to 30 characters");
		}
		if (description == null) {
			description = "";
		}
		else if (description.length() > 200) {
			description = description.substring(0, 200);
		}
		Currency.getInstance(currency);
		if (occurredAt == null) {
			throw new IllegalArgumentException("occurredAt is required");
		}
		postings = List.copyOf(postings);
		long sum = 0;
		for (PostingDraft posting : postings) {
			sum = Math.addExact(sum, posting.amount());
		}
		if (sum != 0) {
			throw new IllegalArgumentException("unbalanced entry " + sourceKey + ": postings add up to " + sum);
		}
	}
}
