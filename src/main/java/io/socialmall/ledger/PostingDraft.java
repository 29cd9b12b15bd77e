package io.socialmall.ledger;

/** One line of an entry to post: a debit ({@code amount > 0}) or a credit ({@code amount < 0}) in minor units. */
public record PostingDraft(AccountRef account, long amount) {

	public PostingDraft {
		if (account == null) {
			throw new IllegalArgumentException("account is required");
		}
	}

	public static PostingDraft debit(AccountRef account, long amount) {
		return new PostingDraft(account, amount);
	}

	public static PostingDraft credit(AccountRef account, long amount) {
		return new PostingDraft(account, Math.negateExact(amount));
	}
}
