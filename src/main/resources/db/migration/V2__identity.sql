CREATE TABLE accounts (
    id            BIGINT PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    display_name  VARCHAR(60)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    roles         VARCHAR(100) NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX accounts_email ON accounts (email);

CREATE TABLE supplier_profiles (
    account_id       BIGINT PRIMARY KEY REFERENCES accounts (id),
    business_name    VARCHAR(100) NOT NULL,
    license_no       VARCHAR(30)  NOT NULL,
    contact_phone    VARCHAR(30),
    business_address VARCHAR(200),
    status           VARCHAR(20)  NOT NULL,
    applied_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    reviewed_by      BIGINT,
    reviewed_at      TIMESTAMP WITH TIME ZONE,
    review_note      VARCHAR(200)
);
CREATE INDEX supplier_profiles_status ON supplier_profiles (status, applied_at);

CREATE TABLE api_tokens (
    id           BIGINT PRIMARY KEY,
    account_id   BIGINT NOT NULL REFERENCES accounts (id),
    name         VARCHAR(60) NOT NULL,
    token_hash   VARCHAR(64) NOT NULL,
    prefix       VARCHAR(12) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash);
CREATE INDEX api_tokens_account ON api_tokens (account_id);
