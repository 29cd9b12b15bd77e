-- Double-entry ledger. Postings are signed minor units (debit +, credit -); every entry's postings add up
-- to zero. Balances are sums of postings: nothing stored can drift from them.
CREATE TABLE ledger_accounts (
    kind      VARCHAR(30) NOT NULL,
    owner_id  BIGINT      NOT NULL,
    currency  VARCHAR(3)  NOT NULL,
    opened_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, owner_id, currency)
);

-- source_key is the business fact an entry records (e.g. payment-succeeded:123): unique, so a replayed
-- event posts nothing twice.
CREATE TABLE journal_entries (
    id          BIGINT PRIMARY KEY,
    source_key  VARCHAR(150) NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    description VARCHAR(200) NOT NULL,
    currency    VARCHAR(3)   NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX journal_entries_source ON journal_entries (source_key);

CREATE TABLE postings (
    id           BIGINT PRIMARY KEY,
    entry_id     BIGINT      NOT NULL REFERENCES journal_entries (id),
    account_kind VARCHAR(30) NOT NULL,
    owner_id     BIGINT      NOT NULL,
    currency     VARCHAR(3)  NOT NULL,
    amount       BIGINT      NOT NULL,
    CONSTRAINT postings_not_zero CHECK (amount <> 0)
);
CREATE INDEX postings_entry ON postings (entry_id);
CREATE INDEX postings_account ON postings (account_kind, owner_id, currency, amount);
