package io.socialmall.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.core.Ids;
import io.socialmall.test.PostgresTest;
import io.socialmall.test.Race;

@PostgresTest
class StockConcurrencyTests {

	@Autowired
	Inventory inventory;

	@Autowired
	TransactionTemplate tx;

	@Test
	void twoHundredConcurrentReservationsOfFiftyUnitsSellExactlyFifty() {
		long sku = Ids.next();
		tx.executeWithoutResult(s -> inventory.initialise(sku, 50));
		var results = Race.run(200, 40, i -> {
			tx.executeWithoutResult(s -> inventory.reserve(List.of(new SkuQuantity(sku, 1))));
			return true;
		});
		assertThat(results).filteredOn(Race.Result::succeeded).hasSize(50);
		assertThat(results).filteredOn(r -> !r.succeeded()).allMatch(r -> r.error() instanceof SoldOut);
		var level = inventory.level(sku);
		assertThat(level.available()).isZero();
		assertThat(level.reserved()).isEqualTo(50);
	}

	@Test
	void opposingMultiSkuReservationsDoNotDeadlock() {
		long a = Ids.next();
		long b = Ids.next();
		tx.executeWithoutResult(s -> {
			inventory.initialise(a, 1000);
			inventory.initialise(b, 1000);
		});
		var results = Race.run(200, 16, i -> {
			tx.executeWithoutResult(s -> inventory.reserve(i % 2 == 0
					? List.of(new SkuQuantity(a, 1), new SkuQuantity(b, 1))
					: List.of(new SkuQuantity(b, 1), new SkuQuantity(a, 1))));
			return true;
		});
		assertThat(results).allMatch(Race.Result::succeeded);
		assertThat(inventory.level(a).reserved()).isEqualTo(200);
		assertThat(inventory.level(b).reserved()).isEqualTo(200);
	}

	@Test
	void aShortLineUndoesTheWholeReservation() {
		long a = Ids.next();
		long b = Ids.next();
		tx.executeWithoutResult(s -> {
			inventory.initialise(a, 5);
			inventory.initialise(b, 1);
		});
		assertThatThrownBy(() -> tx.executeWithoutResult(
				s -> inventory.reserve(List.of(new SkuQuantity(a, 2), new SkuQuantity(b, 2)))))
			.isInstanceOf(SoldOut.class);
		assertThat(inventory.level(a).available()).isEqualTo(5);
		assertThat(inventory.level(b).available()).isEqualTo(1);
	}
}
