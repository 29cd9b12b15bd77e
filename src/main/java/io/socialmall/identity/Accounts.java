package io.socialmall.identity;

import java.util.List;
import java.util.Optional;

/**
 * Accounts, suppliers and API tokens. Every method that acts for someone takes their id and checks it.
 */
public interface Accounts {

	/**
	 * Opens a buyer account.
	 * @throws io.socialmall.core.DomainException {@code email-taken} (409) if the e-mail is registered
	 */
	AccountView register(Registration registration);

	Optional<AccountView> find(long accountId);

	/** The signed-in view of an account, for building a principal after sign-in. */
	Optional<CurrentUser> currentUser(long accountId);

	/** Adds a role (used when someone opens a reseller shop, for instance). */
	void grant(long accountId, Role role);

	/** Asks to become a supplier; the account gets the supplier role, products stay off sale until verified. */
	SupplierView applyAsSupplier(long accountId, SupplierApplication application);

	Optional<SupplierView> supplier(long supplierId);

	boolean isVerifiedSupplier(long supplierId);

	List<SupplierView> suppliers(SupplierView.Status status);

	/** An operator verifies a pending supplier. Idempotent. */
	SupplierView verifySupplier(long operatorId, long supplierId);

	/** An operator rejects a supplier with a reason the supplier sees. */
	SupplierView rejectSupplier(long operatorId, long supplierId, String reason);

	NewApiToken createToken(long accountId, String name);

	List<ApiTokenView> tokens(long accountId);

	/** Revokes one of the account's own tokens; another account's token is "not found". */
	void revokeToken(long accountId, long tokenId);

	/** The account with this e-mail and password, if they match. */
	Optional<CurrentUser> checkPassword(String email, String password);

	/** The account a bearer token belongs to, if the token is valid and not revoked. */
	Optional<CurrentUser> authenticateToken(String token);
}
