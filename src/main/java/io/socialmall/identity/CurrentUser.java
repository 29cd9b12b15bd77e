package io.socialmall.identity;

import java.io.Serializable;
import java.util.Set;

/**
 * The signed-in person, as every module sees them (the security principal). Use with
 * {@code @AuthenticationPrincipal CurrentUser user}.
 */
public record CurrentUser(long id, String email, String displayName, Set<Role> roles) implements Serializable {

	public CurrentUser {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean isOperator() {
		return has(Role.OPERATOR);
	}

	public boolean isSupplier() {
		return has(Role.SUPPLIER);
	}
}
