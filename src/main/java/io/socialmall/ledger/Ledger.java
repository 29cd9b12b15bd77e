package io.socialmall.ledger;

import io.socialmall.core.Page;
import io.socialmall.core.PageRequest;

/**
 * The double-entry ledger. Entries are balanced (see {@link EntryDraft}) and posted once per source key;
 * balances are sums of postings, never stored. The ledger posts the money flows of payments and orders
 * itself, from their events; other modules (commissions, withdrawals) post through {@link #post}.
 */
public interface Ledger {

	/**
	 * Posts an entry in the caller's transaction (or a new one). Idempotent by
	 * {@link EntryDraft#sourceKey()}.
	 * @return whether it was posted now; false if that source key was posted before or nothing moves
	 */
	boolean post(EntryDraft entry);

	/** Accounts with their balances, optionally of one kind, ordered by kind and owner. */
	Page<AccountBalance> accounts(AccountKind kind, PageRequest page);

	/** The signed balance (debits − credits) of one account in one currency. */
	long balance(AccountRef account, String currency);

	/** Journal entries, newest first, optionally only those touching one account. */
	Page<JournalEntryView> entries(AccountRef account, PageRequest page);

	/** What the platform owes a supplier. */
	SupplierBalance supplierBalance(long supplierId, String currency);

	TrialBalance trialBalance();
}
