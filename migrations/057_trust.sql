-- Trust values of shopkeepers and leaders (trust module): the operator's threshold, one row.
-- Below it a promoter's new commissions are held for review (hold reason `low_trust`).
-- Missing row = the default threshold (TRUST_DEFAULT_THRESHOLD in src/modules/trust/settings.ts).
CREATE TABLE trust_settings (
  id          integer PRIMARY KEY CHECK (id = 1),
  threshold   integer NOT NULL CHECK (threshold BETWEEN 0 AND 100),
  updated_at  timestamptz NOT NULL
);
