-- The built-in sandbox payment gateway. It stands for an outside system, so it keeps its own books:
-- these tables are the gateway's, not the merchant's (payment_intents, refunds).

-- One checkout session: the page /sandbox/pay/{token} the buyer approves or declines.
CREATE TABLE sandbox_payments (
    token             VARCHAR(40)  PRIMARY KEY,
    merchant_order_no VARCHAR(64)  NOT NULL,
    merchant_name     VARCHAR(100) NOT NULL,
    amount            BIGINT       NOT NULL,
    currency          VARCHAR(3)   NOT NULL,
    description       VARCHAR(200) NOT NULL,
    notify_url        VARCHAR(500) NOT NULL,
    return_url        VARCHAR(500) NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    transaction_id    VARCHAR(40),
    refunded_amount   BIGINT       NOT NULL DEFAULT 0,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT sandbox_payments_refunds_within_amount CHECK (refunded_amount >= 0 AND refunded_amount <= amount)
);
CREATE INDEX sandbox_payments_order ON sandbox_payments (merchant_order_no);
CREATE UNIQUE INDEX sandbox_payments_transaction ON sandbox_payments (transaction_id);

-- A merchant order can be paid once, whichever session the buyer approves (as real gateways guarantee).
CREATE TABLE sandbox_captures (
    merchant_order_no VARCHAR(64) PRIMARY KEY,
    token             VARCHAR(40) NOT NULL,
    transaction_id    VARCHAR(40) NOT NULL,
    captured_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Outbox of signed notifications to the merchant, delivered with retries until the merchant answers 2xx.
CREATE TABLE sandbox_notifications (
    id              VARCHAR(40)   PRIMARY KEY,
    token           VARCHAR(40)   NOT NULL,
    notify_url      VARCHAR(500)  NOT NULL,
    body            VARCHAR(4000) NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until     TIMESTAMP WITH TIME ZONE,
    last_status     INT,
    last_error      VARCHAR(300),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sandbox_notifications_due ON sandbox_notifications (status, next_attempt_at);

-- Refunds the gateway executed, keyed by the merchant's idempotency key; requests counts every call.
CREATE TABLE sandbox_refunds (
    idempotency_key VARCHAR(100) PRIMARY KEY,
    refund_id       VARCHAR(40)  NOT NULL,
    transaction_id  VARCHAR(40)  NOT NULL,
    amount          BIGINT       NOT NULL,
    currency        VARCHAR(3)   NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    message         VARCHAR(200),
    requests        INT          NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sandbox_refunds_transaction ON sandbox_refunds (transaction_id);
