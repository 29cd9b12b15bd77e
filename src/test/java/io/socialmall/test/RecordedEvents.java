package io.socialmall.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records the application's own events (records under {@code io.socialmall}) that were committed, from
 * every thread: an event published in a transaction counts once the transaction commits, so a rolled-back
 * attempt is not "observed". Tests share the context, so count events of their own objects.
 */
@TestComponent
public class RecordedEvents {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(Object published) {
		Object event = published instanceof PayloadApplicationEvent<?> payload ? payload.getPayload() : published;
		if (!event.getClass().getName().startsWith("io.socialmall.") || !event.getClass().isRecord()) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					events.add(event);
				}
			});
		}
		else {
			events.add(event);
		}
	}

	public <T> List<T> of(Class<T> type, Predicate<? super T> filter) {
		return events.stream().filter(type::isInstance).map(type::cast).filter(filter).toList();
	}

	public <T> long count(Class<T> type, Predicate<? super T> filter) {
		return of(type, filter).size();
	}
}
