/**
 * Payment intents, payment providers (the built-in sandbox; WeChat Pay and Alipay adapters later),
 * verified and deduplicated provider callbacks, and refunds sent back through the provider exactly once.
 * Reports outcomes by events; it never calls the modules that use it.
 */
package io.socialmall.payment;
