package io.socialmall.core;

import java.util.List;
import java.util.function.Function;

/**
 * One page of results and the total number of results.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

	public Page {
		items = List.copyOf(items);
	}

	public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
		return new Page<>(items, request.page(), request.size(), total);
	}

	public int totalPages() {
		return (int) ((total + size - 1) / size);
	}

	public boolean hasNext() {
		return (long) (page + 1) * size < total;
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(items.stream().map(mapper).toList(), page, size, total);
	}
}
