-- Carts: one per member (owner_id), or a guest cart found by the hash of its opaque token (cookie/header).
CREATE TABLE carts (
    id         BIGINT PRIMARY KEY,
    owner_id   BIGINT,
    token_hash VARCHAR(64),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (owner_id IS NOT NULL OR token_hash IS NOT NULL)
);
CREATE UNIQUE INDEX carts_owner ON carts (owner_id);
CREATE UNIQUE INDEX carts_token ON carts (token_hash);
CREATE INDEX carts_updated ON carts (updated_at);

-- One line per SKU; added_price is the price when the buyer added it, so the cart can show changes since.
CREATE TABLE cart_items (
    cart_id     BIGINT  NOT NULL REFERENCES carts (id),
    sku_id      BIGINT  NOT NULL,
    quantity    INT     NOT NULL CHECK (quantity > 0),
    added_price BIGINT  NOT NULL,
    currency    VARCHAR(3) NOT NULL,
    selected    BOOLEAN NOT NULL,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (cart_id, sku_id)
);
