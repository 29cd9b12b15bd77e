/**
 * The double-entry ledger: accounts, journal entries and their postings, balances derived from postings.
 * Posts the money flows of payments and orders by reacting to their events; never called by them.
 */
package io.socialmall.ledger;
