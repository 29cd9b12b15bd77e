package io.socialmall.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class EntryDraftTests {

	@Test
	void anUnbalancedEntryCannotBeMade() {
		assertThatThrownBy(() -> entry(List.of(PostingDraft.debit(AccountRef.providerClearing(), 100),
				PostingDraft.credit(AccountRef.buyerFunds(7), 99))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("add up to 1");
	}

	@Test
	void aBalancedEntryKeepsItsPostings() {
		var entry = entry(List.of(PostingDraft.debit(AccountRef.buyerFunds(7), 100),
				PostingDraft.credit(AccountRef.supplierPayable(9), 90), PostingDraft.credit(AccountRef.platformFees(), 10)));
		assertThat(entry.postings()).extracting(PostingDraft::amount).containsExactly(100L, -90L, -10L);
	}

	@Test
	void sumsThatOverflowAreRefusedRatherThanWrapped() {
		assertThatThrownBy(() -> entry(List.of(new PostingDraft(AccountRef.providerClearing(), Long.MAX_VALUE),
				new PostingDraft(AccountRef.platformFees(), 1), new PostingDraft(AccountRef.buyerFunds(1), Long.MIN_VALUE))))
			.isInstanceOf(ArithmeticException.class);
	}

	@Test
	void accountsOfThePlatformHaveNoOwnerAndPersonalOnesHaveOne() {
		assertThatThrownBy(() -> new AccountRef(AccountKind.BUYER_FUNDS, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new AccountRef(AccountKind.PLATFORM_FEES, 3)).isInstanceOf(IllegalArgumentException.class);
		assertThat(AccountRef.supplierPayable(42).code()).isEqualTo("SUPPLIER_PAYABLE:42");
		assertThat(AccountRef.providerClearing().code()).isEqualTo("PROVIDER_CLEARING");
	}

	private static EntryDraft entry(List<PostingDraft> postings) {
		return new EntryDraft("test:1", "TEST", "a test", "CNY", Instant.now(), postings);
	}
}
