-- Trust values of shopkeepers and leaders (trust module): the operator's threshold, one row.
-- Below it a promoter's new commissions are held for review (hold reason `low_trust`).
-- Missing row = the default threshold, 0: nobody is held until the operator sets one.
CREATE TABLE trust_settings (
  id          integer PRIMARY KEY CHECK (id = 1),
  threshold   integer NOT NULL CHECK (threshold BETWEEN 0 AND 100),
  updated_at  timestamptz NOT NULL
);
