package io.socialmall.cart;

/**
 * Whose cart: a signed-in member, or a guest holding the opaque token of a guest cart ({@code null} when the
 * guest has no cart yet).
 */
public record CartOwner(Long memberId, String guestToken) {

	public static CartOwner member(long memberId) {
		return new CartOwner(memberId, null);
	}

	public static CartOwner guest(String guestToken) {
		return new CartOwner(null, guestToken == null || guestToken.isBlank() ? null : guestToken.strip());
	}

	public boolean isMember() {
		return memberId != null;
	}
}
