package io.socialmall.ordering.internal;

/** Who moved an order: a person in a role, the system (jobs) or the payment provider's callback. */
record Actor(String kind, Long id) {

	static final Actor SYSTEM = new Actor("SYSTEM", null);
	static final Actor PAYMENT = new Actor("PAYMENT", null);

	static Actor buyer(long id) {
		return new Actor("BUYER", id);
	}

	static Actor supplier(long id) {
		return new Actor("SUPPLIER", id);
	}

	static Actor operator(long id) {
		return new Actor("OPERATOR", id);
	}
}
