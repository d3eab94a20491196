-- Who started an import and through which request, so the job records each product it changes in
-- the audit log under the operator who ran it (the job itself has no request).
ALTER TABLE product_imports ADD COLUMN actor_role text, ADD COLUMN request_id text;
