package io.socialmall.cart.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.socialmall.cart.CartItemView;
import io.socialmall.cart.CartLine;
import io.socialmall.cart.CartLinePricing;
import io.socialmall.cart.CartLinePricing.SourcedSku;
import io.socialmall.cart.CartOwner;
import io.socialmall.cart.CartView;
import io.socialmall.cart.Carts;
import io.socialmall.catalog.Catalog;
import io.socialmall.catalog.SkuSnapshot;
import io.socialmall.core.DomainException;
import io.socialmall.core.DomainException.FieldProblem;
import io.socialmall.core.Ids;
import io.socialmall.core.Money;
import io.socialmall.inventory.Inventory;
import io.socialmall.inventory.StockLevel;

@Service
@Transactional
class CartService implements Carts {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Catalog catalog;
	private final Inventory inventory;
	private final Clock clock;
	private final List<CartLinePricing> pricing;
	private final int maxQuantity;
	private final int maxLines;

	CartService(JdbcClient jdbc, Catalog catalog, Inventory inventory, Clock clock,
			ObjectProvider<CartLinePricing> pricing, @Value("${socialmall.cart.max-quantity:999}") int maxQuantity,
			@Value("${socialmall.cart.max-lines:100}") int maxLines) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.inventory = inventory;
		this.clock = clock;
		this.pricing = pricing.orderedStream().toList();
		this.maxQuantity = maxQuantity;
		this.maxLines = maxLines;
	}

	@Override
	@Transactional(readOnly = true)
	public CartView view(CartOwner owner) {
		return find(owner).map(this::render).orElseGet(() -> new CartView(null, List.of(), 0, Money.zero(Money.CNY)));
	}

	@Override
	public CartView add(CartOwner owner, long skuId, int quantity, String source) {
		String key = stored(CartLine.normaliseSource(source));
		checkQuantity(quantity);
		SkuSnapshot sku = catalog.sku(skuId).orElseThrow(() -> DomainException.invalid("skuId", "no such SKU"));
		if (!sku.purchasable()) {
			throw notPurchasable(skuId);
		}
		CartRef cart = findOrCreate(owner);
		int available = available(skuId);
		Money price = key.isEmpty() ? sku.price()
				: sourcedPrices(owner.memberId(), List.of(new SourcedSku(skuId, key))).getOrDefault(new SourcedSku(skuId, key), sku.price());
		while (true) {
			Integer existing = quantityOf(cart.id, skuId, key);
			int wanted = existing == null ? quantity : existing + quantity;
			if (wanted > maxQuantity) {
				throw DomainException.invalid("quantity", "at most " + maxQuantity + " units of one item");
			}
			if (wanted > available) {
				throw insufficientStock(available);
			}
			int changed;
			if (existing == null) {
				Integer lines = jdbc.sql("SELECT count(*) FROM cart_items WHERE cart_id = :cart")
					.param("cart", cart.id)
					.query(Integer.class)
					.single();
				if (lines >= maxLines) {
					throw DomainException.unprocessable("cart-full", "a cart holds at most " + maxLines + " items");
				}
				changed = jdbc.sql("""
						INSERT INTO cart_items (cart_id, sku_id, source, quantity, added_price, currency, selected, added_at)
						VALUES (:cart, :sku, :source, :qty, :price, :currency, TRUE, :now) ON CONFLICT DO NOTHING""")
					.param("cart", cart.id)
					.param("sku", skuId)
					.param("source", key)
					.param("qty", wanted)
					.param("price", price.amount())
					.param("currency", price.currency())
					.param("now", clock.instant())
					.update();
			}
			else {
				// only if nobody changed the line meanwhile (two tabs adding at once); otherwise look again
				changed = jdbc.sql("""
						UPDATE cart_items SET quantity = :wanted, selected = TRUE
						WHERE cart_id = :cart AND sku_id = :sku AND source = :source AND quantity = :existing""")
					.param("wanted", wanted)
					.param("cart", cart.id)
					.param("sku", skuId)
					.param("source", key)
					.param("existing", existing)
					.update();
			}
			if (changed == 1) {
				break;
			}
		}
		touch(cart.id);
		return render(cart);
	}

	@Override
	public CartView update(CartOwner owner, long skuId, String source, Integer quantity, Boolean selected) {
		String key = stored(CartLine.normaliseSource(source));
		CartRef cart = find(owner).orElseThrow(() -> DomainException.notFound("cart item"));
		Integer existing = quantityOf(cart.id, skuId, key);
		if (existing == null) {
			throw DomainException.notFound("cart item");
		}
		if (quantity != null) {
			checkQuantity(quantity);
			if (quantity > existing) {
				// raising needs the units; lowering is always allowed, even when stock fell meanwhile
				if (!catalog.sku(skuId).map(SkuSnapshot::purchasable).orElse(false)) {
					throw notPurchasable(skuId);
				}
				int available = available(skuId);
				if (quantity > available) {
					throw insufficientStock(available);
				}
			}
		}
		jdbc.sql("""
				UPDATE cart_items SET quantity = COALESCE(:qty, quantity), selected = COALESCE(:selected, selected)
				WHERE cart_id = :cart AND sku_id = :sku AND source = :source""")
			.param("qty", quantity, java.sql.Types.INTEGER)
			.param("selected", selected, java.sql.Types.BOOLEAN)
			.param("cart", cart.id)
			.param("sku", skuId)
			.param("source", key)
			.update();
		touch(cart.id);
		return render(cart);
	}

	@Override
	public CartView remove(CartOwner owner, long skuId, String source) {
		String key = stored(CartLine.normaliseSource(source));
		CartRef cart = find(owner).orElseThrow(() -> DomainException.notFound("cart item"));
		int deleted = jdbc.sql("DELETE FROM cart_items WHERE cart_id = :cart AND sku_id = :sku AND source = :source")
			.param("cart", cart.id)
			.param("sku", skuId)
			.param("source", key)
			.update();
		if (deleted == 0) {
			throw DomainException.notFound("cart item");
		}
		touch(cart.id);
		return render(cart);
	}

	@Override
	public boolean merge(String guestToken, long memberId) {
		if (!wellFormed(guestToken)) {
			return false;
		}
		// the row lock makes a second merge of the same token (two tabs signing in) wait and then find nothing
		Optional<Long> guest = jdbc.sql("SELECT id FROM carts WHERE token_hash = :hash AND owner_id IS NULL FOR UPDATE")
			.param("hash", hash(guestToken))
			.query(Long.class)
			.optional();
		if (guest.isEmpty()) {
			return false;
		}
		long guestId = guest.get();
		CartRef member = findOrCreate(CartOwner.member(memberId));
		Map<String, ItemRow> mine = items(member.id).stream().collect(Collectors.toMap(ItemRow::key, Function.identity()));
		int lines = mine.size();
		for (ItemRow item : items(guestId)) {
			ItemRow existing = mine.get(item.key());
			if (existing != null) {
				jdbc.sql("UPDATE cart_items SET quantity = :qty WHERE cart_id = :cart AND sku_id = :sku AND source = :source")
					.param("qty", Math.min(maxQuantity, existing.quantity + item.quantity))
					.param("cart", member.id)
					.param("sku", item.skuId)
					.param("source", item.source)
					.update();
			}
			else if (lines < maxLines) {
				lines++;
				jdbc.sql("""
						INSERT INTO cart_items (cart_id, sku_id, source, quantity, added_price, currency, selected, added_at)
						VALUES (:cart, :sku, :source, :qty, :price, :currency, :selected, :addedAt)""")
					.param("cart", member.id)
					.param("sku", item.skuId)
					.param("source", item.source)
					.param("qty", Math.min(maxQuantity, item.quantity))
					.param("price", item.addedPrice)
					.param("currency", item.currency)
					.param("selected", item.selected)
					.param("addedAt", item.addedAt)
					.update();
			}
		}
		jdbc.sql("DELETE FROM cart_items WHERE cart_id = :cart").param("cart", guestId).update();
		jdbc.sql("DELETE FROM carts WHERE id = :cart").param("cart", guestId).update();
		touch(member.id);
		return true;
	}

	@Override
	@Transactional(readOnly = true)
	public List<CartLine> checkoutLines(long memberId, Collection<Long> skuIds) {
		Set<Long> wanted = new LinkedHashSet<>(skuIds == null ? List.of() : skuIds);
		List<CartLine> lines = jdbc.sql("""
				SELECT i.sku_id, i.quantity, i.added_price, i.currency, i.source
				FROM cart_items i JOIN carts c ON c.id = i.cart_id
				WHERE c.owner_id = :member AND (:all = TRUE OR i.sku_id IN (:skus)) AND (:all = FALSE OR i.selected = TRUE)
				ORDER BY i.sku_id, i.source""")
			.param("member", memberId)
			.param("all", wanted.isEmpty())
			.param("skus", wanted.isEmpty() ? List.of(-1L) : wanted)
			.query((rs, n) -> new CartLine(rs.getLong(1), rs.getInt(2), Money.of(rs.getLong(3), rs.getString(4)),
					rs.getString(5)))
			.list();
		Set<Long> present = lines.stream().map(CartLine::skuId).collect(Collectors.toSet());
		if (present.size() < wanted.size()) {
			long missing = wanted.stream().filter(id -> !present.contains(id)).findFirst().orElseThrow();
			throw DomainException.invalid("skuIds", "SKU " + missing + " is not in your cart");
		}
		return lines;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void removeCheckedOut(long memberId, Collection<Long> skuIds) {
		if (skuIds.isEmpty()) {
			return;
		}
		jdbc.sql("""
				DELETE FROM cart_items WHERE cart_id = (SELECT id FROM carts WHERE owner_id = :member)
				AND sku_id IN (:skus)""")
			.param("member", memberId)
			.param("skus", skuIds)
			.update();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void removeCheckedOutLines(long memberId, Collection<CartLine> lines) {
		if (lines.isEmpty()) {
			return;
		}
		if (lines.stream().allMatch(l -> l.source() == null)) {
			removeCheckedOut(memberId, lines.stream().map(CartLine::skuId).toList());
			return;
		}
		Long cart = jdbc.sql("SELECT id FROM carts WHERE owner_id = :member").param("member", memberId).query(Long.class).optional()
			.orElse(null);
		if (cart == null) {
			return;
		}
		for (CartLine line : lines) {
			jdbc.sql("DELETE FROM cart_items WHERE cart_id = :cart AND sku_id = :sku AND source = :source")
				.param("cart", cart)
				.param("sku", line.skuId())
				.param("source", stored(line.source()))
				.update();
		}
	}

	/** Deletes guest carts nobody touched since {@code cutoff}. */
	int purgeGuestCarts(Instant cutoff) {
		jdbc.sql("""
				DELETE FROM cart_items WHERE cart_id IN
				  (SELECT id FROM carts WHERE owner_id IS NULL AND updated_at < :cutoff)""")
			.param("cutoff", cutoff)
			.update();
		return jdbc.sql("DELETE FROM carts WHERE owner_id IS NULL AND updated_at < :cutoff")
			.param("cutoff", cutoff)
			.update();
	}

	private CartView render(CartRef cart) {
		List<ItemRow> rows = items(cart.id);
		List<Long> skuIds = rows.stream().map(ItemRow::skuId).distinct().toList();
		Map<Long, SkuSnapshot> skus = catalog.skus(skuIds);
		List<SourcedSku> sourced = rows.stream().filter(r -> !r.source.isEmpty()).map(r -> new SourcedSku(r.skuId, r.source)).toList();
		Map<SourcedSku, Money> sourcedPrices = sourced.isEmpty() ? Map.of() : sourcedPrices(cart.ownerId, sourced);
		Map<Long, StockLevel> levels = inventory.levels(skuIds);
		List<CartItemView> items = new ArrayList<>(rows.size());
		Money total = Money.zero(Money.CNY);
		int selectedCount = 0;
		for (ItemRow row : rows) {
			SkuSnapshot sku = skus.get(row.skuId);
			Money added = Money.of(row.addedPrice, row.currency);
			Money price = sku == null ? added : sourcedPrices.getOrDefault(new SourcedSku(row.skuId, row.source), sku.price());
			int available = levels.containsKey(row.skuId) ? levels.get(row.skuId).available() : 0;
			boolean purchasable = sku != null && sku.purchasable();
			var item = new CartItemView(row.skuId, sku == null ? 0 : sku.productId(), sku == null ? 0 : sku.supplierId(),
					sku == null ? "" : sku.title(), sku == null ? "" : sku.specText(), sku == null ? null : sku.imageUrl(),
					row.quantity, added, price, price.minus(added), price.times(row.quantity), available, purchasable,
					sku == null || sku.returnableWithoutReason(), row.selected, row.addedAt, row.source.isEmpty() ? null : row.source);
			items.add(item);
			if (row.selected && purchasable) {
				total = total.plus(item.lineTotal());
				selectedCount++;
			}
		}
		return new CartView(cart.token, items, selectedCount, total);
	}

	private List<ItemRow> items(long cartId) {
		return jdbc.sql("""
				SELECT sku_id, quantity, added_price, currency, selected, added_at, source FROM cart_items
				WHERE cart_id = :cart ORDER BY added_at, sku_id, source""")
			.param("cart", cartId)
			.query((rs, n) -> new ItemRow(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getBoolean(5),
					rs.getTimestamp(6).toInstant(), rs.getString(7)))
			.list();
	}

	private Optional<CartRef> find(CartOwner owner) {
		if (owner.isMember()) {
			return jdbc.sql("SELECT id FROM carts WHERE owner_id = :owner")
				.param("owner", owner.memberId())
				.query(Long.class)
				.optional()
				.map(id -> new CartRef(id, null, owner.memberId()));
		}
		if (!wellFormed(owner.guestToken())) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT id FROM carts WHERE token_hash = :hash AND owner_id IS NULL")
			.param("hash", hash(owner.guestToken()))
			.query(Long.class)
			.optional()
			.map(id -> new CartRef(id, owner.guestToken(), null));
	}

	private CartRef findOrCreate(CartOwner owner) {
		Optional<CartRef> existing = find(owner);
		if (existing.isPresent()) {
			return existing.get();
		}
		Instant now = clock.instant();
		if (owner.isMember()) {
			jdbc.sql("""
					INSERT INTO carts (id, owner_id, created_at, updated_at) VALUES (:id, :owner, :now, :now)
					ON CONFLICT DO NOTHING""")
				.param("id", Ids.next())
				.param("owner", owner.memberId())
				.param("now", now)
				.update();
			return find(owner).orElseThrow();
		}
		// an unknown token (expired, or merged into a member's cart) gets a fresh cart with a new token
		String token = newToken();
		long id = Ids.next();
		jdbc.sql("INSERT INTO carts (id, token_hash, created_at, updated_at) VALUES (:id, :hash, :now, :now)")
			.param("id", id)
			.param("hash", hash(token))
			.param("now", now)
			.update();
		return new CartRef(id, token, null);
	}

	private Integer quantityOf(long cartId, long skuId, String source) {
		return jdbc.sql("SELECT quantity FROM cart_items WHERE cart_id = :cart AND sku_id = :sku AND source = :source")
			.param("cart", cartId)
			.param("sku", skuId)
			.param("source", source)
			.query(Integer.class)
			.optional()
			.orElse(null);
	}

	private int available(long skuId) {
		StockLevel level = inventory.levels(List.of(skuId)).get(skuId);
		return level == null ? 0 : level.available();
	}

	private void touch(long cartId) {
		jdbc.sql("UPDATE carts SET updated_at = :now WHERE id = :id").param("now", clock.instant()).param("id", cartId).update();
	}

	private void checkQuantity(int quantity) {
		if (quantity < 1 || quantity > maxQuantity) {
			throw DomainException.invalid("quantity", "must be between 1 and " + maxQuantity);
		}
	}

	private static DomainException notPurchasable(long skuId) {
		return new DomainException(HttpStatus.CONFLICT, "not-purchasable", "SKU " + skuId + " is not on sale",
				List.of(new FieldProblem("skuId", "not on sale")));
	}

	private static DomainException insufficientStock(int available) {
		return new DomainException(HttpStatus.CONFLICT, "insufficient-stock",
				"only " + available + " units are available", List.of(new FieldProblem("quantity", "only " + available + " available")));
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static boolean wellFormed(String token) {
		return token != null && token.length() == 43 && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
	}

	/** Only the hash is stored: a leaked table does not hand out guests' carts. */
	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private record CartRef(long id, String token, Long ownerId) {
	}

	/** What the sources' owners say the lines cost now (only asked when there are lines with a source). */
	private Map<SourcedSku, Money> sourcedPrices(Long memberId, List<SourcedSku> lines) {
		Map<SourcedSku, Money> prices = new HashMap<>();
		for (CartLinePricing p : pricing) {
			prices.putAll(p.unitPrices(memberId, lines));
		}
		return prices;
	}

	/** The stored form of a source: the empty string for none (it is part of the primary key). */
	private static String stored(String source) {
		return source == null ? "" : source;
	}

	private record ItemRow(long skuId, int quantity, long addedPrice, String currency, boolean selected, Instant addedAt,
			String source) {

		String key() {
			return skuId + "|" + source;
		}
	}
}
