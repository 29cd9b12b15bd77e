/**
 * Suppliers' products: SPUs with specs and SKUs, images, categories and the price history.
 */
package io.socialmall.catalog;
