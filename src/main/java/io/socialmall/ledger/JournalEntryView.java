package io.socialmall.ledger;

import java.time.Instant;
import java.util.List;

/** A posted journal entry and its postings (which add up to zero). */
public record JournalEntryView(long id, String sourceKey, String kind, String description, String currency,
		Instant occurredAt, Instant recordedAt, List<PostingView> postings) {
}
