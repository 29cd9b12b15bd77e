package io.socialmall.payment;

import io.socialmall.core.Money;

/** What a module asks to be paid: who pays, how much, for what (its unique reference). */
public record NewPayment(String reference, long payerId, Money amount, String description) {
}
