package io.socialmall.ledger.web;

import java.util.Currency;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.socialmall.core.DomainException;
import io.socialmall.core.Page;
import io.socialmall.core.PageRequest;
import io.socialmall.identity.CurrentUser;
import io.socialmall.ledger.AccountBalance;
import io.socialmall.ledger.AccountKind;
import io.socialmall.ledger.AccountRef;
import io.socialmall.ledger.JournalEntryView;
import io.socialmall.ledger.Ledger;
import io.socialmall.ledger.SupplierBalance;
import io.socialmall.ledger.TrialBalance;

@RestController
@RequestMapping("/api/v1")
class LedgerApi {

	private final Ledger ledger;

	LedgerApi(Ledger ledger) {
		this.ledger = ledger;
	}

	/** Accounts and their balances (debit +, credit −), optionally of one kind. */
	@GetMapping("/operator/ledger/accounts")
	Page<AccountBalance> accounts(@RequestParam(required = false) AccountKind kind,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return ledger.accounts(kind, PageRequest.of(page, size, 50));
	}

	/** Journal entries, newest first; {@code account} (e.g. {@code BUYER_FUNDS:123}) narrows to one account. */
	@GetMapping("/operator/ledger/entries")
	Page<JournalEntryView> entries(@RequestParam(required = false) String account,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return ledger.entries(account == null || account.isBlank() ? null : parse(account), PageRequest.of(page, size, 20));
	}

	@GetMapping("/operator/ledger/trial-balance")
	TrialBalance trialBalance() {
		return ledger.trialBalance();
	}

	/** The signed-in supplier's own payable balance: what the platform owes it. */
	@GetMapping("/supplier/balance")
	SupplierBalance balance(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(defaultValue = "CNY") String currency) {
		try {
			Currency.getInstance(currency);
		}
		catch (IllegalArgumentException e) {
			throw DomainException.invalid("currency", "not an ISO 4217 currency code");
		}
		return ledger.supplierBalance(user.id(), currency);
	}

	static AccountRef parse(String code) {
		try {
			int colon = code.indexOf(':');
			AccountKind kind = AccountKind.valueOf(colon < 0 ? code : code.substring(0, colon));
			long owner = colon < 0 ? 0 : Long.parseLong(code.substring(colon + 1));
			return new AccountRef(kind, owner);
		}
		catch (IllegalArgumentException e) {
			throw DomainException.invalid("account", "an account code such as BUYER_FUNDS:123 or PLATFORM_FEES");
		}
	}
}
