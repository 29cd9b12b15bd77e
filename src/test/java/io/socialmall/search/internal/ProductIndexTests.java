package io.socialmall.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.socialmall.catalog.ProductListing;
import io.socialmall.core.Money;
import io.socialmall.search.SearchQuery;

class ProductIndexTests {

	@TempDir
	Path dir;

	@Test
	void cutsHanTextIntoBigramsOfSimplifiedCharacters() {
		try (var index = new ProductIndex(dir, Clock.systemUTC(), 60_000)) {
			assertThat(index.tokens("補水保濕面膜")).containsExactly("补水", "水保", "保湿", "湿面", "面膜");
			assertThat(index.tokens("Hydrating Masks")).containsExactly("hydrating", "mask");
			assertThat(index.tokens("ＵＳＢ充電器")).containsExactly("usb", "充电", "电器");
		}
	}

	@Test
	void keepsWhatWasIndexedAcrossARestart() {
		Instant before;
		try (var index = new ProductIndex(dir, Clock.systemUTC(), 60_000)) {
			assertThat(index.createdNew()).isTrue();
			index.upsert(listing(1, "補水保濕面膜", "Hydrating face mask"), 7);
			index.upsert(listing(2, "纯棉T恤", "Cotton T-shirt"), 0);
			index.delete(2);
			index.refresh();
			assertThat(index.search(SearchQuery.text("面膜")).total()).isEqualTo(1);
			before = Instant.now();
		}
		try (var reopened = new ProductIndex(dir, Clock.systemUTC(), 60_000)) {
			assertThat(reopened.createdNew()).isFalse();
			assertThat(reopened.lastCommit()).isAfterOrEqualTo(before.minusSeconds(1)).isBeforeOrEqualTo(Instant.now());
			var hits = reopened.search(SearchQuery.text("保濕")).items();
			assertThat(hits).hasSize(1);
			assertThat(hits.get(0).sales()).isEqualTo(7);
			assertThat(reopened.search(SearchQuery.text("T恤")).total()).isZero();
		}
	}

	private static ProductListing listing(long id, String title, String titleEn) {
		return new ProductListing(id, 9, "Supplier", 3L, List.of(3L), List.of("美妝", "Beauty"), title, titleEn, null,
				Money.cny(100), null, List.of(id * 10), Instant.now(), Instant.now());
	}
}
