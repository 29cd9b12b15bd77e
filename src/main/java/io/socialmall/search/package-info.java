/**
 * Product search and category listings served from a Lucene index with Chinese analysis (either script
 * finds the other), kept current by catalog and ordering events.
 */
package io.socialmall.search;
