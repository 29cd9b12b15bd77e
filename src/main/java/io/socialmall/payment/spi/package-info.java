/**
 * The payment provider SPI: what a gateway adapter implements (open a payment, verify a notification,
 * refund). Internal to the payment module; other modules use {@link io.socialmall.payment.Payments}.
 */
package io.socialmall.payment.spi;
