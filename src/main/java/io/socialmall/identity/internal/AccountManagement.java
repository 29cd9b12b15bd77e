package io.socialmall.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.socialmall.core.DomainException;
import io.socialmall.core.Ids;
import io.socialmall.identity.AccountRegistered;
import io.socialmall.identity.AccountView;
import io.socialmall.identity.Accounts;
import io.socialmall.identity.ApiTokenView;
import io.socialmall.identity.CurrentUser;
import io.socialmall.identity.NewApiToken;
import io.socialmall.identity.Registration;
import io.socialmall.identity.Role;
import io.socialmall.identity.SupplierApplication;
import io.socialmall.identity.SupplierVerified;
import io.socialmall.identity.SupplierView;

@Service
@Transactional
class AccountManagement implements Accounts {

	private static final String TOKEN_PREFIX = "sm_";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final String dummyHash;

	AccountManagement(JdbcClient jdbc, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
		this.dummyHash = passwords.encode("no account has this password");
	}

	@Override
	public AccountView register(Registration registration) {
		String email = normaliseEmail(registration.email());
		if (registration.displayName().isBlank()) {
			throw DomainException.invalid("displayName", "must not be blank");
		}
		long id = Ids.next();
		Instant now = clock.instant();
		int inserted = jdbc.sql("""
				INSERT INTO accounts (id, email, display_name, password_hash, roles, status, created_at)
				VALUES (:id, :email, :name, :hash, :roles, 'ACTIVE', :now) ON CONFLICT DO NOTHING""")
			.param("id", id)
			.param("email", email)
			.param("name", registration.displayName().strip())
			.param("hash", passwords.encode(registration.password()))
			.param("roles", Role.BUYER.name())
			.param("now", now)
			.update();
		if (inserted == 0) {
			throw new DomainException(HttpStatus.CONFLICT, "email-taken", "this e-mail address is already registered",
					List.of(new DomainException.FieldProblem("email", "already registered")));
		}
		events.publishEvent(new AccountRegistered(id, now));
		return find(id).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AccountView> find(long accountId) {
		return jdbc.sql("SELECT id, email, display_name, roles, created_at FROM accounts WHERE id = :id AND status = 'ACTIVE'")
			.param("id", accountId)
			.query((rs, n) -> new AccountView(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
					roles(rs.getString("roles")), rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CurrentUser> currentUser(long accountId) {
		return find(accountId).map(a -> new CurrentUser(a.id(), a.email(), a.displayName(), a.roles()));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CurrentUser> checkPassword(String email, String password) {
		if (email == null || password == null) {
			return Optional.empty();
		}
		var row = jdbc.sql("SELECT id, password_hash FROM accounts WHERE email = :email AND status = 'ACTIVE'")
			.param("email", email.strip().toLowerCase(Locale.ROOT))
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.optional();
		if (row.isEmpty()) {
			// spend the same time as a real check so timing does not reveal which e-mails exist
			passwords.matches(password, dummyHash);
			return Optional.empty();
		}
		if (!passwords.matches(password, (String) row.get()[1])) {
			return Optional.empty();
		}
		return currentUser((Long) row.get()[0]);
	}

	@Override
	public void grant(long accountId, Role role) {
		var current = find(accountId).orElseThrow(() -> DomainException.notFound("account"));
		if (current.roles().contains(role)) {
			return;
		}
		var roles = EnumSet.copyOf(current.roles());
		roles.add(role);
		jdbc.sql("UPDATE accounts SET roles = :roles WHERE id = :id")
			.param("roles", roles.stream().map(Enum::name).collect(Collectors.joining(",")))
			.param("id", accountId)
			.update();
	}

	@Override
	public SupplierView applyAsSupplier(long accountId, SupplierApplication application) {
		find(accountId).orElseThrow(() -> DomainException.notFound("account"));
		int inserted = jdbc.sql("""
				INSERT INTO supplier_profiles (account_id, business_name, license_no, contact_phone, business_address,
				  status, applied_at)
				VALUES (:id, :name, :license, :phone, :address, 'PENDING', :now) ON CONFLICT DO NOTHING""")
			.param("id", accountId)
			.param("name", application.businessName().strip())
			.param("license", application.licenseNumber())
			.param("phone", blankToNull(application.contactPhone()))
			.param("address", blankToNull(application.businessAddress()))
			.param("now", clock.instant())
			.update();
		if (inserted == 0) {
			// a rejected supplier may correct the application and ask again
			int updated = jdbc.sql("""
					UPDATE supplier_profiles SET business_name = :name, license_no = :license, contact_phone = :phone,
					  business_address = :address, status = 'PENDING', applied_at = :now, review_note = NULL
					WHERE account_id = :id AND status = 'REJECTED'""")
				.param("id", accountId)
				.param("name", application.businessName().strip())
				.param("license", application.licenseNumber())
				.param("phone", blankToNull(application.contactPhone()))
				.param("address", blankToNull(application.businessAddress()))
				.param("now", clock.instant())
				.update();
			if (updated == 0) {
				throw DomainException.conflict("already-applied", "this account has already applied to be a supplier");
			}
		}
		grant(accountId, Role.SUPPLIER);
		return supplier(accountId).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<SupplierView> supplier(long supplierId) {
		return jdbc.sql("SELECT * FROM supplier_profiles WHERE account_id = :id")
			.param("id", supplierId)
			.query(this::supplierView)
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean isVerifiedSupplier(long supplierId) {
		return supplier(supplierId).map(SupplierView::verified).orElse(false);
	}

	@Override
	@Transactional(readOnly = true)
	public List<SupplierView> suppliers(SupplierView.Status status) {
		return jdbc.sql("SELECT * FROM supplier_profiles WHERE status = :status ORDER BY applied_at")
			.param("status", status.name())
			.query(this::supplierView)
			.list();
	}

	@Override
	public SupplierView verifySupplier(long operatorId, long supplierId) {
		requireOperator(operatorId);
		var supplier = supplier(supplierId).orElseThrow(() -> DomainException.notFound("supplier"));
		if (supplier.verified()) {
			return supplier;
		}
		Instant now = clock.instant();
		int updated = jdbc.sql("""
				UPDATE supplier_profiles SET status = 'VERIFIED', reviewed_by = :operator, reviewed_at = :now, review_note = NULL
				WHERE account_id = :id AND status <> 'VERIFIED'""")
			.param("operator", operatorId)
			.param("now", now)
			.param("id", supplierId)
			.update();
		if (updated == 1) {
			events.publishEvent(new SupplierVerified(supplierId, operatorId, now));
		}
		return supplier(supplierId).orElseThrow();
	}

	@Override
	public SupplierView rejectSupplier(long operatorId, long supplierId, String reason) {
		requireOperator(operatorId);
		if (reason == null || reason.isBlank() || reason.length() > 200) {
			throw DomainException.invalid("reason", "1 to 200 characters");
		}
		supplier(supplierId).orElseThrow(() -> DomainException.notFound("supplier"));
		int updated = jdbc.sql("""
				UPDATE supplier_profiles SET status = 'REJECTED', reviewed_by = :operator, reviewed_at = :now,
				  review_note = :reason
				WHERE account_id = :id AND status = 'PENDING'""")
			.param("operator", operatorId)
			.param("now", clock.instant())
			.param("reason", reason.strip())
			.param("id", supplierId)
			.update();
		if (updated == 0) {
			throw DomainException.conflict("not-pending", "only a pending supplier can be rejected");
		}
		return supplier(supplierId).orElseThrow();
	}

	@Override
	public NewApiToken createToken(long accountId, String name) {
		if (name == null || name.isBlank() || name.length() > 60) {
			throw DomainException.invalid("name", "1 to 60 characters");
		}
		find(accountId).orElseThrow(() -> DomainException.notFound("account"));
		long active = jdbc.sql("SELECT count(*) FROM api_tokens WHERE account_id = :id AND revoked_at IS NULL")
			.param("id", accountId)
			.query(Long.class)
			.single();
		if (active >= 20) {
			throw DomainException.conflict("too-many-tokens", "revoke a token before creating another (at most 20)");
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		long id = Ids.next();
		jdbc.sql("""
				INSERT INTO api_tokens (id, account_id, name, token_hash, prefix, created_at)
				VALUES (:id, :account, :name, :hash, :prefix, :now)""")
			.param("id", id)
			.param("account", accountId)
			.param("name", name.strip())
			.param("hash", hash(token))
			.param("prefix", token.substring(0, 10))
			.param("now", clock.instant())
			.update();
		var details = tokens(accountId).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
		return new NewApiToken(details, token);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ApiTokenView> tokens(long accountId) {
		return jdbc.sql("""
				SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_tokens
				WHERE account_id = :id ORDER BY created_at DESC""")
			.param("id", accountId)
			.query((rs, n) -> new ApiTokenView(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
					instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at")))
			.list();
	}

	@Override
	public void revokeToken(long accountId, long tokenId) {
		int updated = jdbc.sql("""
				UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND account_id = :account AND revoked_at IS NULL""")
			.param("now", clock.instant())
			.param("id", tokenId)
			.param("account", accountId)
			.update();
		if (updated == 0) {
			boolean ownsIt = jdbc.sql("SELECT count(*) FROM api_tokens WHERE id = :id AND account_id = :account")
				.param("id", tokenId)
				.param("account", accountId)
				.query(Long.class)
				.single() > 0;
			if (!ownsIt) {
				throw DomainException.notFound("token");
			}
		}
	}

	@Override
	@Transactional
	public Optional<CurrentUser> authenticateToken(String token) {
		if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		var row = jdbc.sql("SELECT id, account_id, last_used_at FROM api_tokens WHERE token_hash = :hash AND revoked_at IS NULL")
			.param("hash", hash(token))
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), instant(rs, "last_used_at") })
			.optional();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Instant lastUsed = (Instant) row.get()[2];
		// record use at most once a minute: a write on every API call would cost a commit each
		if (lastUsed == null || lastUsed.isBefore(now.minus(1, ChronoUnit.MINUTES))) {
			jdbc.sql("UPDATE api_tokens SET last_used_at = :now WHERE id = :id")
				.param("now", now)
				.param("id", row.get()[0])
				.update();
		}
		return currentUser((Long) row.get()[1]);
	}

	private void requireOperator(long operatorId) {
		boolean operator = find(operatorId).map(a -> a.roles().contains(Role.OPERATOR)).orElse(false);
		if (!operator) {
			throw DomainException.forbidden("only an operator may review suppliers");
		}
	}

	private SupplierView supplierView(ResultSet rs, int row) throws SQLException {
		return new SupplierView(rs.getLong("account_id"), rs.getString("business_name"), rs.getString("license_no"),
				rs.getString("contact_phone"), rs.getString("business_address"),
				SupplierView.Status.valueOf(rs.getString("status")), rs.getString("review_note"),
				instant(rs, "applied_at"), instant(rs, "reviewed_at"));
	}

	static Set<Role> roles(String csv) {
		return Arrays.stream(csv.split(","))
			.filter(s -> !s.isBlank())
			.map(Role::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static String normaliseEmail(String email) {
		if (email == null || email.isBlank()) {
			throw DomainException.invalid("email", "is required");
		}
		return email.strip().toLowerCase(Locale.ROOT);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
