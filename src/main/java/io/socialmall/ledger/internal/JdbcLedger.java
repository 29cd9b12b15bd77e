package io.socialmall.ledger.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.socialmall.core.Ids;
import io.socialmall.core.Money;
import io.socialmall.core.Page;
import io.socialmall.core.PageRequest;
import io.socialmall.ledger.AccountBalance;
import io.socialmall.ledger.AccountKind;
import io.socialmall.ledger.AccountRef;
import io.socialmall.ledger.EntryDraft;
import io.socialmall.ledger.JournalEntryView;
import io.socialmall.ledger.Ledger;
import io.socialmall.ledger.PostingDraft;
import io.socialmall.ledger.PostingView;
import io.socialmall.ledger.SupplierBalance;
import io.socialmall.ledger.TrialBalance;

@Service
@Transactional
class JdbcLedger implements Ledger {

	private final JdbcClient jdbc;
	private final Clock clock;

	JdbcLedger(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public boolean post(EntryDraft entry) {
		List<PostingDraft> postings = entry.postings().stream().filter(p -> p.amount() != 0).toList();
		if (postings.isEmpty()) {
			return false;
		}
		// EntryDraft cannot be unbalanced; checked again here because this is the last door before the books
		if (postings.stream().mapToLong(PostingDraft::amount).reduce(0, Math::addExact) != 0) {
			throw new IllegalArgumentException("unbalanced entry " + entry.sourceKey());
		}
		long entryId = Ids.next();
		Instant now = clock.instant();
		int inserted = jdbc.sql("""
				INSERT INTO journal_entries (id, source_key, kind, description, currency, occurred_at, recorded_at)
				VALUES (:id, :source, :kind, :description, :currency, :occurred, :now) ON CONFLICT DO NOTHING""")
			.param("id", entryId)
			.param("source", entry.sourceKey())
			.param("kind", entry.kind())
			.param("description", entry.description())
			.param("currency", entry.currency())
			.param("occurred", entry.occurredAt())
			.param("now", now)
			.update();
		if (inserted == 0) {
			long posted = jdbc.sql("SELECT COUNT(*) FROM journal_entries WHERE source_key = :source")
				.param("source", entry.sourceKey())
				.query(Long.class)
				.single();
			if (posted == 0) {
				// another transaction is posting this key right now and has not committed (H2 does not make us
				// wait for it): fail so that the caller's transaction is retried rather than lose the entry
				throw new IllegalStateException("entry " + entry.sourceKey() + " is being posted concurrently");
			}
			return false;
		}
		openAccounts(postings, entry.currency(), now);
		StringBuilder sql = new StringBuilder(
				"INSERT INTO postings (id, entry_id, account_kind, owner_id, currency, amount) VALUES ");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("entry", entryId);
		params.put("currency", entry.currency());
		for (int i = 0; i < postings.size(); i++) {
			PostingDraft posting = postings.get(i);
			sql.append(i == 0 ? "" : ", ").append("(:id").append(i).append(", :entry, :kind").append(i)
				.append(", :owner").append(i).append(", :currency, :amount").append(i).append(")");
			params.put("id" + i, Ids.next());
			params.put("kind" + i, posting.account().kind().name());
			params.put("owner" + i, posting.account().ownerId());
			params.put("amount" + i, posting.amount());
		}
		jdbc.sql(sql.toString()).params(params).update();
		return true;
	}

	private void openAccounts(List<PostingDraft> postings, String currency, Instant now) {
		Set<AccountRef> accounts = new LinkedHashSet<>();
		postings.forEach(p -> accounts.add(p.account()));
		for (AccountRef account : accounts) {
			jdbc.sql("""
					INSERT INTO ledger_accounts (kind, owner_id, currency, opened_at)
					VALUES (:kind, :owner, :currency, :now) ON CONFLICT DO NOTHING""")
				.param("kind", account.kind().name())
				.param("owner", account.ownerId())
				.param("currency", currency)
				.param("now", now)
				.update();
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Page<AccountBalance> accounts(AccountKind kind, PageRequest page) {
		String where = kind == null ? "" : " WHERE a.kind = :kind";
		var count = jdbc.sql("SELECT COUNT(*) FROM ledger_accounts a" + where);
		var select = jdbc.sql("""
				SELECT a.kind, a.owner_id, a.currency,
				  COALESCE(SUM(CASE WHEN p.amount > 0 THEN p.amount ELSE 0 END), 0) AS debits,
				  COALESCE(SUM(CASE WHEN p.amount < 0 THEN -p.amount ELSE 0 END), 0) AS credits
				FROM ledger_accounts a
				LEFT JOIN postings p ON p.account_kind = a.kind AND p.owner_id = a.owner_id AND p.currency = a.currency
				""" + where + """
				 GROUP BY a.kind, a.owner_id, a.currency
				ORDER BY a.kind, a.owner_id, a.currency LIMIT :size OFFSET :offset""")
			.param("size", page.size())
			.param("offset", page.offset());
		if (kind != null) {
			count = count.param("kind", kind.name());
			select = select.param("kind", kind.name());
		}
		long total = count.query(Long.class).single();
		List<AccountBalance> items = select.query((rs, n) -> {
			AccountRef ref = new AccountRef(AccountKind.valueOf(rs.getString("kind")), rs.getLong("owner_id"));
			long debits = rs.getLong("debits");
			long credits = rs.getLong("credits");
			return new AccountBalance(ref.code(), ref.kind(), ref.ownerId(), rs.getString("currency"), debits, credits,
					debits - credits);
		}).list();
		return Page.of(items, page, total);
	}

	@Override
	@Transactional(readOnly = true)
	public long balance(AccountRef account, String currency) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(amount), 0) FROM postings
				WHERE account_kind = :kind AND owner_id = :owner AND currency = :currency""")
			.param("kind", account.kind().name())
			.param("owner", account.ownerId())
			.param("currency", currency)
			.query(Long.class)
			.single();
	}

	@Override
	@Transactional(readOnly = true)
	public Page<JournalEntryView> entries(AccountRef account, PageRequest page) {
		String where = account == null ? ""
				: " WHERE e.id IN (SELECT entry_id FROM postings WHERE account_kind = :kind AND owner_id = :owner)";
		var count = jdbc.sql("SELECT COUNT(*) FROM journal_entries e" + where);
		var select = jdbc.sql("""
				SELECT e.id, e.source_key, e.kind, e.description, e.currency, e.occurred_at, e.recorded_at
				FROM journal_entries e""" + where + " ORDER BY e.id DESC LIMIT :size OFFSET :offset")
			.param("size", page.size())
			.param("offset", page.offset());
		if (account != null) {
			count = count.param("kind", account.kind().name()).param("owner", account.ownerId());
			select = select.param("kind", account.kind().name()).param("owner", account.ownerId());
		}
		long total = count.query(Long.class).single();
		record Head(long id, String sourceKey, String kind, String description, String currency, Instant occurredAt,
				Instant recordedAt) {
		}
		List<Head> heads = select
			.query((rs, n) -> new Head(rs.getLong("id"), rs.getString("source_key"), rs.getString("kind"),
					rs.getString("description"), rs.getString("currency"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getTimestamp("recorded_at").toInstant()))
			.list();
		Map<Long, List<PostingView>> postings = new LinkedHashMap<>();
		if (!heads.isEmpty()) {
			jdbc.sql("""
					SELECT entry_id, account_kind, owner_id, amount FROM postings WHERE entry_id IN (:ids)
					ORDER BY entry_id, amount DESC, id""")
				.param("ids", heads.stream().map(Head::id).toList())
				.query(rs -> {
					AccountRef ref = new AccountRef(AccountKind.valueOf(rs.getString("account_kind")),
							rs.getLong("owner_id"));
					postings.computeIfAbsent(rs.getLong("entry_id"), id -> new ArrayList<>())
						.add(new PostingView(ref.code(), ref.kind(), ref.ownerId(), rs.getLong("amount")));
				});
		}
		List<JournalEntryView> items = heads.stream()
			.map(h -> new JournalEntryView(h.id(), h.sourceKey(), h.kind(), h.description(), h.currency(),
					h.occurredAt(), h.recordedAt(), List.copyOf(postings.getOrDefault(h.id(), List.of()))))
			.toList();
		return Page.of(items, page, total);
	}

	@Override
	@Transactional(readOnly = true)
	public SupplierBalance supplierBalance(long supplierId, String currency) {
		long balance = balance(AccountRef.supplierPayable(supplierId), currency);
		return new SupplierBalance(supplierId, Money.of(Math.negateExact(balance), currency));
	}

	@Override
	@Transactional(readOnly = true)
	public TrialBalance trialBalance() {
		return jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM journal_entries) AS entries,
				  COALESCE(SUM(CASE WHEN amount > 0 THEN amount ELSE 0 END), 0) AS debits,
				  COALESCE(SUM(CASE WHEN amount < 0 THEN -amount ELSE 0 END), 0) AS credits,
				  COALESCE(SUM(amount), 0) AS total
				FROM postings""")
			.query((rs, n) -> new TrialBalance(rs.getLong("entries"), rs.getLong("debits"), rs.getLong("credits"),
					rs.getLong("total")))
			.single();
	}
}
