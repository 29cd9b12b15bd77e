-- Payment intents: one payment a buyer makes (e.g. for a whole checkout). refunded_amount is the sum of the
-- refunds requested against it; a conditional UPDATE keeps it within the amount, the CHECK backs that up.
CREATE TABLE payment_intents (
    id              BIGINT PRIMARY KEY,
    reference       VARCHAR(100) NOT NULL,
    payer_id        BIGINT       NOT NULL,
    amount          BIGINT       NOT NULL,
    currency        VARCHAR(3)   NOT NULL,
    refunded_amount BIGINT       NOT NULL DEFAULT 0,
    status          VARCHAR(20)  NOT NULL,
    provider        VARCHAR(20),
    provider_txn_id VARCHAR(100),
    description     VARCHAR(200) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    succeeded_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT payment_intents_amount_positive CHECK (amount > 0),
    CONSTRAINT payment_intents_refunds_within_amount CHECK (refunded_amount >= 0 AND refunded_amount <= amount)
);
CREATE UNIQUE INDEX payment_intents_reference ON payment_intents (reference);
CREATE INDEX payment_intents_payer ON payment_intents (payer_id, created_at);

-- Every provider notification we accepted, once: the primary key deduplicates replays and retries.
CREATE TABLE payment_notifications (
    provider          VARCHAR(20)  NOT NULL,
    notification_id   VARCHAR(100) NOT NULL,
    payment_intent_id BIGINT       NOT NULL REFERENCES payment_intents (id),
    kind              VARCHAR(20)  NOT NULL,
    transaction_id    VARCHAR(100),
    amount            BIGINT       NOT NULL,
    currency          VARCHAR(3)   NOT NULL,
    effect            VARCHAR(20)  NOT NULL,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (provider, notification_id)
);
CREATE INDEX payment_notifications_intent ON payment_notifications (payment_intent_id);

-- Refunds: queued in the requester's transaction, sent to the provider by a worker outside any transaction.
-- The lease (owner, until) makes one worker at a time own a refund's provider call.
CREATE TABLE refunds (
    id                 BIGINT PRIMARY KEY,
    payment_intent_id  BIGINT       NOT NULL REFERENCES payment_intents (id),
    reference          VARCHAR(100) NOT NULL,
    amount             BIGINT       NOT NULL,
    currency           VARCHAR(3)   NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    reason             VARCHAR(200),
    attempts           INT          NOT NULL DEFAULT 0,
    next_attempt_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_owner        VARCHAR(40),
    lease_until        TIMESTAMP WITH TIME ZONE,
    provider_refund_id VARCHAR(100),
    last_error         VARCHAR(300),
    requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT refunds_amount_positive CHECK (amount > 0)
);
CREATE UNIQUE INDEX refunds_reference ON refunds (reference);
CREATE INDEX refunds_intent ON refunds (payment_intent_id);
CREATE INDEX refunds_due ON refunds (status, next_attempt_at);
