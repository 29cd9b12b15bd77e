/**
 * Demo data for the embedded default: accounts, categories and products with generated pictures, made
 * through the modules' APIs on first start (off in the prod profile and in tests).
 */
package io.socialmall.demo;
