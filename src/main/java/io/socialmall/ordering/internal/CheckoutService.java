package io.socialmall.ordering.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.socialmall.cart.CartLine;
import io.socialmall.cart.Carts;
import io.socialmall.catalog.Catalog;
import io.socialmall.catalog.SkuSnapshot;
import io.socialmall.core.DomainException;
import io.socialmall.core.DomainException.FieldProblem;
import io.socialmall.core.IdempotentCommands;
import io.socialmall.core.Ids;
import io.socialmall.core.Money;
import io.socialmall.identity.Accounts;
import io.socialmall.identity.SupplierView;
import io.socialmall.inventory.Inventory;
import io.socialmall.inventory.SkuQuantity;
import io.socialmall.inventory.StockLevel;
import io.socialmall.ordering.AddressView;
import io.socialmall.ordering.Addresses;
import io.socialmall.ordering.CheckoutPreview;
import io.socialmall.ordering.CheckoutRequest;
import io.socialmall.ordering.CheckoutView;
import io.socialmall.ordering.Checkouts;
import io.socialmall.ordering.OrderLineInfo;
import io.socialmall.ordering.OrderPlaced;
import io.socialmall.ordering.OrderStatus;
import io.socialmall.ordering.OrderSummary;
import io.socialmall.ordering.ShippingRule;
import io.socialmall.ordering.ShippingRules;
import io.socialmall.ordering.internal.OrderStore.NewCheckout;
import io.socialmall.ordering.internal.OrderStore.NewLine;
import io.socialmall.ordering.internal.OrderStore.NewOrder;
import io.socialmall.payment.NewPayment;
import io.socialmall.payment.PaymentIntent;
import io.socialmall.payment.PaymentRedirect;
import io.socialmall.payment.PaymentStatus;
import io.socialmall.payment.Payments;

/**
 * Checkout: the hot path. One transaction (opened by {@link IdempotentCommands} around the idempotency
 * record) reads the cart lines, SKUs, address and shipping rules, writes the checkout, its orders, lines
 * and history in batches, creates the payment intent, removes the lines from the cart and finally reserves
 * the stock, last so that the hot stock rows stay locked for as short a time as possible before the commit.
 * Any failure rolls all of it back.
 */
@Service
class CheckoutService implements Checkouts {

	static final String REFERENCE_PREFIX = "checkout:";

	private final IdempotentCommands idempotent;
	private final Carts carts;
	private final Catalog catalog;
	private final Inventory inventory;
	private final Payments payments;
	private final Addresses addresses;
	private final ShippingRules shipping;
	private final Accounts accounts;
	private final OrderStore store;
	private final OrderNumbers numbers;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final OrderingProperties properties;

	CheckoutService(IdempotentCommands idempotent, Carts carts, Catalog catalog, Inventory inventory, Payments payments,
			Addresses addresses, ShippingRules shipping, Accounts accounts, OrderStore store, OrderNumbers numbers,
			ApplicationEventPublisher events, Clock clock, OrderingProperties properties) {
		this.idempotent = idempotent;
		this.carts = carts;
		this.catalog = catalog;
		this.inventory = inventory;
		this.payments = payments;
		this.addresses = addresses;
		this.shipping = shipping;
		this.accounts = accounts;
		this.store = store;
		this.numbers = numbers;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	@Transactional(readOnly = true)
	public CheckoutPreview preview(long buyerId, List<Long> skuIds) {
		List<CartLine> lines = carts.checkoutLines(buyerId, skuIds);
		Map<Long, SkuSnapshot> skus = catalog.skus(lines.stream().map(CartLine::skuId).toList());
		Map<Long, StockLevel> levels = inventory.levels(skus.keySet());
		Map<Long, List<CheckoutPreview.Line>> bySupplier = new TreeMap<>();
		for (CartLine line : lines) {
			SkuSnapshot sku = skus.get(line.skuId());
			if (sku == null) {
				continue;
			}
			StockLevel level = levels.get(line.skuId());
			bySupplier.computeIfAbsent(sku.supplierId(), id -> new ArrayList<>())
				.add(new CheckoutPreview.Line(sku.skuId(), sku.productId(), sku.title(), sku.specText(), sku.imageUrl(),
						sku.price(), line.addedPrice(), line.quantity(), sku.price().times(line.quantity()),
						sku.returnableWithoutReason(), sku.purchasable(), level == null ? 0 : level.available()));
		}
		Map<Long, ShippingRule> rules = shipping.rules(bySupplier.keySet());
		List<CheckoutPreview.Group> groups = new ArrayList<>();
		Money goods = Money.zero(Money.CNY);
		Money fees = Money.zero(Money.CNY);
		for (var entry : bySupplier.entrySet()) {
			Money groupGoods = entry.getValue().stream().map(CheckoutPreview.Line::amount).reduce(Money.zero(Money.CNY), Money::plus);
			ShippingRule rule = rules.get(entry.getKey());
			Money fee = rule.feeFor(groupGoods);
			String name = accounts.supplier(entry.getKey()).map(SupplierView::businessName).orElse("");
			groups.add(new CheckoutPreview.Group(entry.getKey(), name, entry.getValue(), groupGoods, fee, groupGoods.plus(fee), rule));
			goods = goods.plus(groupGoods);
			fees = fees.plus(fee);
		}
		return new CheckoutPreview(groups, goods, fees, goods.plus(fees));
	}

	@Override
	public IdempotentCommands.Outcome<CheckoutView> checkout(long buyerId, String idempotencyKey, CheckoutRequest request) {
		return idempotent.run("checkout", buyerId, idempotencyKey, request, CheckoutView.class, () -> place(buyerId, request));
	}

	private CheckoutView place(long buyerId, CheckoutRequest request) {
		AddressView address = addresses.get(buyerId, request.addressId());
		boolean buyNow = !request.items().isEmpty();
		List<CartLine> cartLines = buyNow ? buyNowLines(request) : carts.checkoutLines(buyerId, request.skuIds());
		if (cartLines.isEmpty()) {
			throw DomainException.invalid("skuIds", "nothing selected to check out");
		}
		Map<Long, SkuSnapshot> skus = catalog.skus(cartLines.stream().map(CartLine::skuId).toList());
		Set<Long> confirmed = new HashSet<>(request.confirmNonReturnable());
		List<FieldProblem> unconfirmed = new ArrayList<>();
		Map<Long, List<Priced>> bySupplier = new TreeMap<>();
		for (CartLine line : cartLines) {
			SkuSnapshot sku = skus.get(line.skuId());
			if (sku == null) {
				throw DomainException.invalid(buyNow ? "items" : "skuIds", "no such SKU " + line.skuId());
			}
			if (!sku.purchasable()) {
				throw new DomainException(HttpStatus.CONFLICT, "not-purchasable", "SKU " + line.skuId() + " is not on sale",
						List.of(new FieldProblem(buyNow ? "items" : "skuIds", "SKU " + line.skuId() + " is not on sale")));
			}
			boolean needsConfirmation = !sku.returnableWithoutReason();
			if (needsConfirmation && !confirmed.contains(sku.skuId())) {
				unconfirmed.add(new FieldProblem("confirmNonReturnable",
						"confirm that SKU " + sku.skuId() + " cannot be returned without reason"));
			}
			bySupplier.computeIfAbsent(sku.supplierId(), id -> new ArrayList<>()).add(new Priced(sku, line.quantity(), needsConfirmation));
		}
		if (!unconfirmed.isEmpty()) {
			throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "confirmation-required",
					"some items cannot be returned without reason; confirm them to check out", unconfirmed);
		}
		Map<Long, ShippingRule> rules = shipping.rules(bySupplier.keySet());
		Instant now = clock.instant();
		long checkoutId = Ids.next();
		List<NewOrder> orders = new ArrayList<>(bySupplier.size());
		long grandTotal = 0;
		for (var entry : bySupplier.entrySet()) {
			long orderId = Ids.next();
			List<NewLine> lines = new ArrayList<>();
			long goods = 0;
			for (Priced p : entry.getValue()) {
				long amount = Math.multiplyExact(p.sku.price().amount(), (long) p.quantity);
				goods = Math.addExact(goods, amount);
				lines.add(new NewLine(Ids.next(), lines.size(), p.sku.skuId(), p.sku.productId(), p.sku.title(),
						p.sku.specText(), p.sku.imageUrl(), p.sku.price().amount(), p.quantity, amount,
						p.sku.returnableWithoutReason(), p.needsConfirmation));
			}
			long fee = rules.get(entry.getKey()).feeFor(Money.cny(goods)).amount();
			long total = goods + fee;
			long platformFee = Money.cny(goods).proportion(properties.platformFeeBps(), 10_000).amount();
			orders.add(new NewOrder(orderId, numbers.number(orderId, now), entry.getKey(), goods, fee, total,
					properties.platformFeeBps(), platformFee, summary(lines), lines));
			grandTotal = Math.addExact(grandTotal, total);
		}
		if (request.expectedTotal() != null && request.expectedTotal() != grandTotal) {
			throw new DomainException(HttpStatus.CONFLICT, "price-changed",
					"the total is now " + Money.cny(grandTotal).toDecimalString() + ", not what you were shown; review and try again",
					List.of(new FieldProblem("expectedTotal", "the total is now " + grandTotal)));
		}
		Instant payBy = now.plus(properties.paymentTimeout());
		PaymentIntent intent = payments.create(new NewPayment(REFERENCE_PREFIX + checkoutId, buyerId, Money.cny(grandTotal),
				description(orders)));
		store.insert(new NewCheckout(checkoutId, buyerId, intent.id(), grandTotal, Money.CNY, address.recipient(),
				address.phone(), address.oneLine(), now, payBy, orders));
		if (!buyNow) {
			carts.removeCheckedOut(buyerId, cartLines.stream().map(CartLine::skuId).toList());
		}
		inventory.reserve(cartLines.stream()
			.map(l -> new SkuQuantity(l.skuId(), l.quantity()))
			.sorted(Comparator.comparingLong(SkuQuantity::skuId))
			.toList());
		List<OrderSummary> summaries = new ArrayList<>();
		for (NewOrder order : orders) {
			List<OrderLineInfo> infos = order.lines().stream()
				.map(l -> new OrderLineInfo(l.id(), l.productId(), l.skuId(), l.quantity(), Money.cny(l.unitPrice()),
						Money.cny(l.amount())))
				.toList();
			events.publishEvent(new OrderPlaced(order.id(), order.orderNo(), checkoutId, buyerId, order.supplierId(),
					Money.cny(order.total()), infos, now));
			summaries.add(new OrderSummary(order.id(), order.orderNo(), checkoutId, buyerId, order.supplierId(),
					OrderStatus.CREATED, Money.cny(order.total()), order.lines().stream().mapToInt(NewLine::quantity).sum(),
					order.summary(), now, payBy));
		}
		return new CheckoutView(checkoutId, buyerId, intent.id(), Money.cny(grandTotal), now, payBy, intent.status(), summaries);
	}

	private static List<CartLine> buyNowLines(CheckoutRequest request) {
		if (!request.skuIds().isEmpty()) {
			throw DomainException.invalid("items", "send skuIds (cart lines) or items (buy now), not both");
		}
		Set<Long> seen = new HashSet<>();
		List<CartLine> lines = new ArrayList<>();
		for (int i = 0; i < request.items().size(); i++) {
			CheckoutRequest.Item item = request.items().get(i);
			if (!seen.add(item.skuId())) {
				throw DomainException.invalid("items[" + i + "].skuId", "each SKU once");
			}
			lines.add(new CartLine(item.skuId(), item.quantity(), null));
		}
		return lines;
	}

	@Override
	@Transactional(readOnly = true)
	public CheckoutView get(long buyerId, long checkoutId) {
		var checkout = store.checkout(checkoutId)
			.filter(c -> c.buyerId() == buyerId)
			.orElseThrow(() -> DomainException.notFound("checkout"));
		List<OrderSummary> orders = store.byCheckout(checkoutId).stream().map(OrderRow::summaryView).toList();
		Instant payBy = checkout.createdAt().plus(properties.paymentTimeout());
		for (OrderSummary order : orders) {
			if (order.status() == OrderStatus.CREATED && order.dueAt() != null) {
				payBy = order.dueAt();
			}
		}
		PaymentStatus paymentStatus = payments.find(checkout.paymentIntentId()).map(PaymentIntent::status).orElse(null);
		return new CheckoutView(checkout.id(), buyerId, checkout.paymentIntentId(), Money.of(checkout.total(), checkout.currency()),
				checkout.createdAt(), payBy, paymentStatus, orders);
	}

	/** Not transactional: the payment module may talk to its provider, which must never happen inside ours. */
	@Override
	public PaymentRedirect startPayment(long buyerId, long checkoutId, String provider) {
		CheckoutView checkout = get(buyerId, checkoutId);
		if (!checkout.awaitingPayment()) {
			throw DomainException.conflict("nothing-to-pay", "no order of this checkout is waiting for payment");
		}
		// the provider sends the buyer back to the pay step, which shows the orders' state once its callback landed
		return payments.start(checkout.paymentIntentId(), buyerId, provider == null ? properties.paymentProvider() : provider,
				"/checkout/" + checkoutId + "/pay");
	}

	/** What the buyer sees at the payment provider: the order numbers, or how many orders when they are many. */
	private static String description(List<NewOrder> orders) {
		String numbers = "SocialMall " + String.join(", ", orders.stream().map(NewOrder::orderNo).toList());
		return numbers.length() <= 200 ? numbers
				: "SocialMall " + orders.get(0).orderNo() + " +" + (orders.size() - 1) + " orders";
	}

	/** The order's title in lists: its first line, and how many more. */
	private static String summary(List<NewLine> lines) {
		String first = lines.get(0).title();
		String text = lines.size() == 1 ? first : first + " +" + (lines.size() - 1);
		return text.length() <= 120 ? text : text.substring(0, 119) + "…";
	}

	private record Priced(SkuSnapshot sku, int quantity, boolean needsConfirmation) {
	}
}
