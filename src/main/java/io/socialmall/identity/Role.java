package io.socialmall.identity;

/** What an account may do; one person can hold several. */
public enum Role {
	BUYER, SUPPLIER, OPERATOR, RESELLER
}
