package io.socialmall.core;

/**
 * A page of a back-office list: page numbers start at 0, sizes are capped at 100.
 */
public record PageRequest(int page, int size) {

	public static final int MAX_SIZE = 100;

	public PageRequest {
		if (page < 0) {
			throw DomainException.invalid("page", "must be 0 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw DomainException.invalid("size", "must be between 1 and " + MAX_SIZE);
		}
	}

	public static PageRequest of(Integer page, Integer size, int defaultSize) {
		return new PageRequest(page == null ? 0 : page, size == null ? defaultSize : size);
	}

	public long offset() {
		return (long) page * size;
	}
}
