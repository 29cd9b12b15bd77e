package io.socialmall.ledger.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.socialmall.core.Money;
import io.socialmall.core.PageRequest;
import io.socialmall.ledger.AccountBalance;
import io.socialmall.ledger.AccountKind;
import io.socialmall.ledger.JournalEntryView;
import io.socialmall.ledger.Ledger;
import io.socialmall.ledger.PostingView;

/** The operator's view of the books: the trial balance, account balances and the journal. */
@Controller
class LedgerPages {

	private final Ledger ledger;

	LedgerPages(Ledger ledger) {
		this.ledger = ledger;
	}

	@GetMapping("/operator/ledger")
	String ledger(@RequestParam(required = false) AccountKind kind, @RequestParam(required = false) String account,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer entriesPage,
			Model model) {
		var filter = account == null || account.isBlank() ? null : LedgerApi.parse(account);
		model.addAttribute("kinds", AccountKind.values());
		model.addAttribute("kind", kind);
		model.addAttribute("account", filter == null ? null : filter.code());
		model.addAttribute("trial", ledger.trialBalance());
		model.addAttribute("accounts", ledger.accounts(kind, PageRequest.of(page, 50, 50)).map(AccountRow::of));
		model.addAttribute("entries", ledger.entries(filter, PageRequest.of(entriesPage, 20, 20)).map(EntryRow::of));
		return "ledger/operator-ledger";
	}

	/** An account with its amounts as money, for display. */
	record AccountRow(AccountBalance account, Money debits, Money credits, Money balance) {

		static AccountRow of(AccountBalance b) {
			return new AccountRow(b, Money.of(b.debits(), b.currency()), Money.of(b.credits(), b.currency()),
					Money.of(b.balance(), b.currency()));
		}
	}

	record EntryRow(JournalEntryView entry, List<PostingRow> postings) {

		static EntryRow of(JournalEntryView e) {
			return new EntryRow(e, e.postings()
				.stream()
				.map(p -> new PostingRow(p, p.amount() > 0 ? Money.of(p.amount(), e.currency()) : null,
						p.amount() < 0 ? Money.of(-p.amount(), e.currency()) : null))
				.toList());
		}
	}

	record PostingRow(PostingView posting, Money debit, Money credit) {
	}
}
