-- Address book: each buyer's own shipping addresses (orders copy the address, so deleting one is safe).
CREATE TABLE addresses (
    id          BIGINT PRIMARY KEY,
    buyer_id    BIGINT       NOT NULL,
    recipient   VARCHAR(40)  NOT NULL,
    phone       VARCHAR(20)  NOT NULL,
    province    VARCHAR(40)  NOT NULL,
    city        VARCHAR(40)  NOT NULL,
    district    VARCHAR(40),
    street      VARCHAR(200) NOT NULL,
    postal_code VARCHAR(10),
    is_default  BOOLEAN      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX addresses_buyer ON addresses (buyer_id, created_at);

-- Shipping per supplier: a flat fee per order, free from a goods total (NULL: never free). No row: defaults.
CREATE TABLE shipping_rules (
    supplier_id BIGINT PRIMARY KEY,
    flat_fee    BIGINT NOT NULL CHECK (flat_fee >= 0),
    free_over   BIGINT CHECK (free_over > 0),
    currency    VARCHAR(3) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One checkout: the buyer's selected cart lines, one order per supplier, one payment intent for the total.
CREATE TABLE checkouts (
    id                BIGINT PRIMARY KEY,
    buyer_id          BIGINT NOT NULL,
    payment_intent_id BIGINT NOT NULL,
    total             BIGINT NOT NULL,
    currency          VARCHAR(3) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX checkouts_buyer ON checkouts (buyer_id, created_at);

-- Orders. Amounts are frozen at checkout: total = goods + shipping, platform_fee on goods (bps),
-- supplier_amount = total - platform_fee. due_at is when the next automatic transition is due (payment
-- timeout, auto-confirmation, end of the return window); sweepers find rows by (status, due_at).
CREATE TABLE orders (
    id                BIGINT PRIMARY KEY,
    order_no          VARCHAR(24)  NOT NULL,
    checkout_id       BIGINT       NOT NULL REFERENCES checkouts (id),
    buyer_id          BIGINT       NOT NULL,
    supplier_id       BIGINT       NOT NULL,
    status            VARCHAR(12)  NOT NULL,
    currency          VARCHAR(3)   NOT NULL,
    goods_amount      BIGINT       NOT NULL CHECK (goods_amount > 0),
    shipping_fee      BIGINT       NOT NULL CHECK (shipping_fee >= 0),
    total             BIGINT       NOT NULL,
    platform_fee_bps  INT          NOT NULL,
    platform_fee      BIGINT       NOT NULL CHECK (platform_fee >= 0),
    supplier_amount   BIGINT       NOT NULL,
    refunded_amount   BIGINT       NOT NULL DEFAULT 0,
    refunded_fee      BIGINT       NOT NULL DEFAULT 0,
    payment_intent_id BIGINT       NOT NULL,
    item_count        INT          NOT NULL,
    summary           VARCHAR(120) NOT NULL,
    ship_name         VARCHAR(40)  NOT NULL,
    ship_phone        VARCHAR(20)  NOT NULL,
    ship_address      VARCHAR(400) NOT NULL,
    carrier           VARCHAR(40),
    tracking_no       VARCHAR(40),
    cancel_reason     VARCHAR(200),
    after_sales_open  INT          NOT NULL DEFAULT 0,
    due_at            TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_at           TIMESTAMP WITH TIME ZONE,
    shipped_at        TIMESTAMP WITH TIME ZONE,
    received_at       TIMESTAMP WITH TIME ZONE,
    completed_at      TIMESTAMP WITH TIME ZONE,
    cancelled_at      TIMESTAMP WITH TIME ZONE,
    CHECK (total = goods_amount + shipping_fee),
    CHECK (supplier_amount = total - platform_fee),
    CHECK (refunded_amount >= 0 AND refunded_amount <= total),
    CHECK (refunded_fee >= 0 AND refunded_fee <= platform_fee)
);
CREATE UNIQUE INDEX orders_no ON orders (order_no);
CREATE INDEX orders_checkout ON orders (checkout_id);
CREATE INDEX orders_buyer ON orders (buyer_id, created_at);
CREATE INDEX orders_supplier ON orders (supplier_id, status, created_at);
CREATE INDEX orders_due ON orders (status, due_at);
CREATE INDEX orders_created ON orders (created_at);

-- Order lines, frozen at checkout. refunded_quantity/refunded_amount grow with cancellations and returns,
-- so partial refunds by line fit.
CREATE TABLE order_lines (
    id                        BIGINT PRIMARY KEY,
    order_id                  BIGINT       NOT NULL REFERENCES orders (id),
    position                  INT          NOT NULL,
    sku_id                    BIGINT       NOT NULL,
    product_id                BIGINT       NOT NULL,
    title                     VARCHAR(120) NOT NULL,
    spec_text                 VARCHAR(250),
    image_url                 VARCHAR(200),
    unit_price                BIGINT       NOT NULL CHECK (unit_price > 0),
    quantity                  INT          NOT NULL CHECK (quantity > 0),
    amount                    BIGINT       NOT NULL,
    returnable_without_reason BOOLEAN      NOT NULL,
    non_returnable_confirmed  BOOLEAN      NOT NULL,
    refunded_quantity         INT          NOT NULL DEFAULT 0,
    refunded_amount           BIGINT       NOT NULL DEFAULT 0,
    CHECK (refunded_quantity >= 0 AND refunded_quantity <= quantity),
    CHECK (refunded_amount >= 0 AND refunded_amount <= amount)
);
CREATE INDEX order_lines_order ON order_lines (order_id, position);

-- Every transition (and refund) of an order: who, when, from which state to which.
CREATE TABLE order_events (
    id          BIGINT PRIMARY KEY,
    order_id    BIGINT      NOT NULL REFERENCES orders (id),
    from_status VARCHAR(12),
    to_status   VARCHAR(12) NOT NULL,
    actor       VARCHAR(12) NOT NULL,
    actor_id    BIGINT,
    note        VARCHAR(200),
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX order_events_order ON order_events (order_id, occurred_at);
