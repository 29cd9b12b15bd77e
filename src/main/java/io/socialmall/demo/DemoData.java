package io.socialmall.demo;

/**
 * Seeds the demo accounts (see README, "Demo accounts"), the category tree and the demo products. Everything
 * is written in one transaction, so a failed start leaves nothing half-seeded.
 */
public interface DemoData {

	/** Every demo account signs in with this password. */
	String PASSWORD = "demo-password";

	String OPERATOR = "operator@socialmall.local";

	String BUYER = "buyer@socialmall.local";

	/**
	 * Seeds unless the demo operator account already exists.
	 * @return true if it seeded now, false if the data was already there
	 */
	boolean seed();
}
