/**
 * Shared kernel: money, ids, time, problem errors, paging and idempotent command support.
 */
package io.socialmall.core;
